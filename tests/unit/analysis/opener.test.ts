import { describe, expect, it } from 'vitest';
import { analyzeDraft } from '../../../lib/analysis';
import { countWords } from '../../../lib/analysis/sentences';

describe('opener and call request', () => {
  it('builds the opener from the subject and the reason', () => {
    const result = analyzeDraft({
      body: 'Hi Dana, just checking in. Any update?',
      subject: 'RE: Renewal timeline for Acme',
    });
    expect(result.opener).toMatch(/^The purpose of my call is to .*renewal timeline for Acme.*\.$/i);
  });

  it('falls back to the object of the main ask when there is no subject', () => {
    expect(analyzeDraft({ body: 'Any update from legal on the MSA redlines?' }).opener).toContain('the MSA redlines');
  });

  it('writes a call request of 60 words at most, greeting the recipient by first name', () => {
    const result = analyzeDraft({
      body: 'Circling back on the proposal.',
      subject:
        'Proposal for the warehouse automation program across all eleven regional distribution centres and the two new sites in Ohio',
      recipients: [{ address: 'dana@example.com', name: 'Dana Ortiz' }],
    });
    expect(result.callRequest.startsWith('Hi Dana,')).toBe(true);
    expect(result.callRequest).toMatch(/10 minutes today or tomorrow/);
    expect(countWords(result.callRequest)).toBeLessThanOrEqual(60);
  });

  it('greets from the draft itself when no recipient name is known', () => {
    expect(analyzeDraft({ body: 'Hi Marco,\n\nAny news on the PO?' }).callRequest.startsWith('Hi Marco,')).toBe(true);
  });
});
