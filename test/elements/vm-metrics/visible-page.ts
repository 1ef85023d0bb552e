/**
 * <vm-metrics> does no chart work while its page is in the background (that is the feature). The
 * test runner runs two files at a time in two pages and only one is in front, so a file that
 * asserts on chart updates first waits until its page is the visible one.
 */
export async function visiblePage(timeoutMs = 150_000): Promise<void> {
  if (document.visibilityState === 'visible') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      document.removeEventListener('visibilitychange', check);
      reject(new Error('the test page never became visible; chart updates cannot be observed in a background tab'));
    }, timeoutMs);
    function check(): void {
      if (document.visibilityState !== 'visible') return;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', check);
      resolve();
    }
    document.addEventListener('visibilitychange', check);
  });
}
