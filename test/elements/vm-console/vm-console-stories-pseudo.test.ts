// Every <vm-console> story under the pseudo-locale: no English left, no text clipped.
import '../../../src/index.js';
import * as stories from '../../../stories/vm-console.stories.js';
import { VM_NAMES } from '../../../stories/support/peer.js';
import { describeStoriesUnderPseudoLocale } from '../../helpers/pseudo-stories.js';

describeStoriesUnderPseudoLocale('<vm-console>', stories, {
  data: [
    ...VM_NAMES,
    'no-such-vm',
    // The host a link points to, named in the link dialog's title.
    /\b[a-z0-9-]+(\.[a-z0-9-]+)+\.[a-z]{2,}\b/g,
  ],
  // The user's pasted text (paste preview), the link's full address, and the permission's name
  // as the server spells it (<code>console</code>).
  skip: 'pre, .link-url, code',
});
