/**
 * The one check every VM name passes before it is used: needed wherever a session is created, so
 * it lives apart from the URL builders, which load with the socket code.
 */
import { VmError } from '../protocol/errors.js';

const MAX_NAME_LENGTH = 255;

/** Throws a VmError INVALID_INPUT with a message fit for a person. */
export function validateVmName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new VmError('INVALID_INPUT', 'A VM name is required.', { reason: 'name-missing' });
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new VmError('INVALID_INPUT', `A VM name is at most ${MAX_NAME_LENGTH} characters.`, { reason: 'name-long' });
  }
  // "." and ".." are path navigation even when percent-encoded (the URL standard decodes %2e).
  if (name === '.' || name === '..' || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new VmError('INVALID_INPUT', 'That VM name contains characters that are not allowed.', { reason: 'name-chars' });
  }
  return name;
}
