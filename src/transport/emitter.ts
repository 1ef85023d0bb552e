/** A minimal typed event emitter: no DOM dependency, so the hub works outside a page too. */
export type Listener<T> = (value: T) => void;

export class Emitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof Events>(event: K, value: Events[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      // One faulty subscriber must not stop the others from hearing the event.
      try {
        (listener as Listener<Events[K]>)(value);
      } catch (e) {
        reportListenerError(e);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

function reportListenerError(e: unknown): void {
  // Re-thrown asynchronously so it still reaches window.onerror and test runners.
  setTimeout(() => {
    throw e;
  });
}
