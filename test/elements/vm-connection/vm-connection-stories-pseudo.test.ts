// Every <vm-connection> story under the pseudo-locale: no English left, no text clipped.
import '../../../src/index.js';
import * as stories from '../../../stories/vm-connection.stories.js';
import { VM_NAMES } from '../../../stories/support/peer.js';
import { describeStoriesUnderPseudoLocale } from '../../helpers/pseudo-stories.js';

describeStoriesUnderPseudoLocale('<vm-connection>', stories, {
  // The tiles' `label`s are the host page's words, shown as given.
  data: [...VM_NAMES, /\bTile [AB]\b/g],
});
