/**
 * What a link in console output may do. The guest writes the links (OSC 8 hyperlinks, or URLs in
 * plain text), so a link is hostile until checked: only http: and https: are ever opened, the URL
 * is judged after the browser's own parsing (which lower-cases `JaVaScRiPt:` and strips the tabs
 * and newlines of `java\tscript:`), and what the confirmation shows is exactly what would open.
 */
import { msg, str } from '../../internal/msg.js';

export type LinkPolicy = 'confirm' | 'open' | 'off';

/** Longer than any real link; a guest printing megabytes of URL gets a refusal, not a dialog. */
export const MAX_LINK_LENGTH = 8192;

/** `links` attribute value → policy; anything unknown is the safe default, `confirm`. */
export function parseLinkPolicy(value: unknown): LinkPolicy {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return v === 'open' || v === 'off' ? v : 'confirm';
}

export type LinkCheck = { ok: true; url: string; host: string } | { ok: false; reason: string };

// Controls (C0, DEL, C1) and every kind of space: a URL that holds one is not what it looks like.
const HIDDEN_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff]/u;

/** Decides whether `text` (a link's target as the guest wrote it) may be opened, and as what. */
export function checkLink(text: string): LinkCheck {
  if (text.length > MAX_LINK_LENGTH) return { ok: false, reason: msg(str`it is longer than ${MAX_LINK_LENGTH} characters`, { id: 'console.link.tooLong' }) };
  if (HIDDEN_CHARS.test(text)) return { ok: false, reason: msg('it contains spaces or control characters', { id: 'console.link.hidden' }) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: msg('it is not a valid web address', { id: 'console.link.invalid' }) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = url.protocol.slice(0, 40);
    return { ok: false, reason: msg(str`only http and https links are opened, not ${scheme}`, { id: 'console.link.scheme' }) };
  }
  // https://trusted.example@evil.example/ reads as the first host and goes to the second.
  if (url.username || url.password) return { ok: false, reason: msg('it contains a user name or password', { id: 'console.link.credentials' }) };
  return { ok: true, url: url.href, host: url.host };
}

/** Opens a checked URL in a new tab that cannot reach back to this page or see where it came from. */
export function openLink(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}
