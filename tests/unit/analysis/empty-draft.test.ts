/**
 * A draft with none of the rep's own words is never nudged, whatever its subject, thread or contact:
 * the coach relies on it to ask the background nothing for a compose window that opens empty
 * (lib/coach/session.ts), so a mail page that opens with one pays no analysis round trip.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDraft, type ContactHistory } from '../../../lib/analysis';
import { englishMessage } from '../../../scripts/english-messages';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';

const SUBJECTS = [
  '',
  'Just checking in',
  'Re: Re: Re: Any update? Following up',
  'Formal complaint: missed SLAs, refund',
];
const CONTACTS: (ContactHistory | undefined)[] = [
  undefined,
  { lastCallDaysAgo: 120, emailsSinceLastCall: 9, overdue: true },
  { emailsSinceLastCall: 12, overdue: true, nextPurpose: 'agree the renewal price' },
];

describe('a draft without words of the rep’s own', () => {
  it('gets no nudge, with any subject, thread length or contact history', () => {
    for (const body of ['', '\n\n', ' \u00a0 '])
      for (const subject of SUBJECTS)
        for (const threadMessages of [1, 12])
          for (const contact of CONTACTS) {
            const analysis = analyzeDraft(
              {
                body,
                subject,
                threadMessages,
                recipients: [{ name: 'Dana Reyes', address: 'dana@example.com' }],
                settings: { ...DEFAULT_SETTINGS, sensitivity: 'high' },
                contact,
              },
              englishMessage,
            );
            expect(analysis.level, JSON.stringify({ body, subject, threadMessages, contact })).toBe('none');
          }
  });
});
