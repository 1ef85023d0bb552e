// Every <vm-metrics> story under the pseudo-locale: no English left, no text clipped.
import '../../../src/index.js';
import * as stories from '../../../stories/vm-metrics.stories.js';
import { VM_NAMES } from '../../../stories/support/peer.js';
import { describeStoriesUnderPseudoLocale } from '../../helpers/pseudo-stories.js';

describeStoriesUnderPseudoLocale('<vm-metrics>', stories, {
  // The stories' `label`s are the host page's words, shown as given.
  data: [
    'web-01 (last hour)',
    '(last hour)',
    ...VM_NAMES,
    'no-such-vm',
    // The windows' lengths Intl writes ("5m", "1h": en-XA has no Intl data).
    /\b\d+(\.\d+)?\s?(min|m|h)\b/g,
  ],
});
