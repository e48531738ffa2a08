import { defineBackground } from '#imports';

export default defineBackground(() => {
  // Wiring of the ledger and message handlers lands with the ledger issue.
});
