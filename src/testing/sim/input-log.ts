/**
 * What each VM's console received, for tests and benchmarks that must prove a paste arrived
 * intact: frame count, the largest frame, and a digest of the text (not the text itself, so a
 * 1 MB paste does not have to travel back through a test channel).
 */
import { utf8Length } from './go-json.js';

const MAX_KEPT_CHARS = 16 * 1024 * 1024;

export interface ConsoleInputStats {
  frames: number;
  maxFrameBytes: number;
  chars: number;
  /** SHA-256 of everything received, hex; null when more than 16 Mi characters arrived. */
  sha256: string | null;
}

export class InputLog {
  private readonly perVm = new Map<string, { frames: number; maxFrameBytes: number; parts: string[]; chars: number }>();

  record(vmName: string, frameText: string, content: string): void {
    let entry = this.perVm.get(vmName);
    if (!entry) this.perVm.set(vmName, (entry = { frames: 0, maxFrameBytes: 0, parts: [], chars: 0 }));
    entry.frames++;
    entry.maxFrameBytes = Math.max(entry.maxFrameBytes, utf8Length(frameText));
    entry.chars += content.length;
    if (entry.chars <= MAX_KEPT_CHARS) entry.parts.push(content);
  }

  async stats(vmName: string): Promise<ConsoleInputStats> {
    const entry = this.perVm.get(vmName);
    if (!entry) return { frames: 0, maxFrameBytes: 0, chars: 0, sha256: await sha256Hex('') };
    const text = entry.chars <= MAX_KEPT_CHARS ? entry.parts.join('') : null;
    return { frames: entry.frames, maxFrameBytes: entry.maxFrameBytes, chars: entry.chars, sha256: text === null ? null : await sha256Hex(text) };
  }

  clear(vmName?: string): void {
    if (vmName === undefined) this.perVm.clear();
    else this.perVm.delete(vmName);
  }
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
