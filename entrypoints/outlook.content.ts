import { defineContentScript } from '#imports';
import { startCoach } from '../lib/coach';
import { MAIL_MATCH_PATTERNS } from '../lib/hosts/match-patterns';
import { outlookHost } from '../lib/hosts/outlook';

export default defineContentScript({
  matches: [...MAIL_MATCH_PATTERNS.outlook],
  runAt: 'document_idle',
  // The nudge's CSS goes into its own shadow root, never into Outlook's page.
  cssInjectionMode: 'ui',
  // Older scripts are told to stop by a DOM event alone: no message to the page's own listeners (and
  // the first window.postMessage from a content script costs milliseconds of page load).
  noScriptStartedPostMessage: true,
  main(ctx) {
    document.documentElement.dataset.callfirstHost = 'outlook';
    startCoach(ctx, outlookHost);
  },
});
