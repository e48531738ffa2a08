import { defineContentScript } from '#imports';
import { startCoach } from '../lib/coach';
import { gmailHost } from '../lib/hosts/gmail';
import { MAIL_MATCH_PATTERNS } from '../lib/hosts/match-patterns';

export default defineContentScript({
  matches: [...MAIL_MATCH_PATTERNS.gmail],
  runAt: 'document_idle',
  // The nudge's CSS goes into its own shadow root, never into Gmail's page.
  cssInjectionMode: 'ui',
  // Older scripts are told to stop by a DOM event alone: no message to the page's own listeners (and
  // the first window.postMessage from a content script costs milliseconds of page load).
  noScriptStartedPostMessage: true,
  main(ctx) {
    document.documentElement.dataset.callfirstHost = 'gmail';
    startCoach(ctx, gmailHost);
  },
});
