/**
 * What an element says about a VM name it cannot use (an INVALID_INPUT error with a `name*`
 * reason) in the reader's locale: the error's `message` stays English, for logs and events. Apart
 * from the other errors' words (error-words.ts) because <vm-metrics> says it in its first paint;
 * no runtime imports (its `msg` comes from the caller), so the modules that load after a first
 * paint can share it without splitting a file off that paint.
 */
import type { InvalidReason } from '../protocol/errors.js';
import type { Kit } from './deferred-kit.js';

/**
 * transport/vm-name.ts's limit, written again rather than imported (an import would share that
 * first-paint module with the later chunks); test/internal/invalid-words.test.ts keeps them equal.
 */
const MAX_NAME_LENGTH = 255;

export function nameErrorWords(error: { readonly reason?: InvalidReason | undefined }, { msg, str }: Pick<Kit, 'msg' | 'str'>): string {
  switch (error.reason) {
    case 'name-missing':
      return msg('A VM name is required.', { id: 'error.name.missing' });
    case 'name-long': {
      const max = MAX_NAME_LENGTH;
      return msg(str`A VM name is at most ${max} characters long.`, { id: 'error.name.long' });
    }
    case 'name-chars':
      return msg('That VM name contains characters that are not allowed.', { id: 'error.name.chars' });
    default:
      return msg('That VM name cannot be used.', { id: 'error.name' });
  }
}
