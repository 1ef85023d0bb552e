// Every <vm-list> story under the pseudo-locale: no English left, no text clipped.
import '../../../src/index.js';
import * as stories from '../../../stories/vm-list.stories.js';
import { VM_NAMES } from '../../../stories/support/peer.js';
import { describeStoriesUnderPseudoLocale } from '../../helpers/pseudo-stories.js';

describeStoriesUnderPseudoLocale('<vm-list>', stories, {
  data: [
    ...VM_NAMES,
    // The generated fleets' names (fleetOfVms: "web-00336").
    /\b[a-z]+-\d{5}\b/g,
    // Where the server is, in the unreachable message.
    /\bhttps?:\/\/[^\s,]+/g,
    // Uptimes Intl writes.
    /\b\d+(\.\d+)?\s?(d|h|min|m|s)\b/g,
    // The literal text @lit-labs/virtualizer puts in its sizer element.
    '&nbsp;',
  ],
  // The server's names and descriptions of its VMs (the 10,000-VM fleet's too), and their titles.
  skip: '.col-name, .col-description',
});
