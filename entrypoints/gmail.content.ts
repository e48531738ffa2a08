import { defineContentScript } from '#imports';
import { MAIL_MATCH_PATTERNS } from '../lib/hosts/match-patterns';

export default defineContentScript({
  matches: [...MAIL_MATCH_PATTERNS.gmail],
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.callfirstHost = 'gmail';
  },
});
