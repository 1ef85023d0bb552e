// Every <vm-detail> story under the pseudo-locale: no English left, no text clipped.
import '../../../src/index.js';
import * as stories from '../../../stories/vm-detail.stories.js';
import { VM_NAMES } from '../../../stories/support/peer.js';
import { describeStoriesUnderPseudoLocale } from '../../helpers/pseudo-stories.js';

describeStoriesUnderPseudoLocale('<vm-detail>', stories, {
  data: [
    ...VM_NAMES,
    'no-such-vm',
    // Durations Intl writes.
    /\b\d+(\.\d+)?\s?(d|h|min|m|s)\b/g,
  ],
  // What the server says about the VM, shown as it says it: name, description, CPU model, disks,
  // networks and addresses, UUID, error code, times.
  skip: 'td, dd, code, .net-head, .sub, .description, .name, time, .banner-code',
});
