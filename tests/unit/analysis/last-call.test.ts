import { describe, expect, it } from 'vitest';
import { analyzeDraft } from '../../../lib/analysis';
import { englishMessage } from '../../../scripts/english-messages';
import { purposeFromNextContact } from '../../../lib/analysis/last-call';

describe('purposeFromNextContact', () => {
  it.each([
    ['confirm pilot start date', 'to confirm the pilot start date'],
    ['Confirm the pilot start date.', 'to confirm the pilot start date'],
    ['to confirm the pilot start date we agreed last week', 'to confirm the pilot start date we agreed last week'],
    ['To confirm pilot start date', 'to confirm the pilot start date'],
    ['pilot start date', 'to follow up on the pilot start date'],
    ['Pilot start date', 'to follow up on the pilot start date'],
    ['next steps on the rollout', 'to follow up on next steps on the rollout'],
    ['pricing', 'to follow up on pricing'],
    ['We need to agree payment terms', 'to agree the payment terms'],
    ["I'll walk them through the redlines", 'to walk them through the redlines'],
    ['Next: review proposal with finance', 'to review the proposal with finance'],
    ['Purpose - sign the order form', 'to sign the order form'],
    ['The purpose of my next call is to settle the SLA credits', 'to settle the SLA credits'],
    ['call them to book the kick-off', 'to book the kick-off'],
    ['Confirming the start date', 'to confirm the start date'],
    ['scheduling the rollout', 'to schedule the rollout'],
    ['renegotiate renewal uplift', 'to renegotiate the renewal uplift'],
    ['follow up on security review', 'to follow up on security review'],
    ['catch up on Q3 numbers', 'to catch up on Q3 numbers'],
    ['touch base on the renewal', 'to touch base on the renewal'],
    ['introduce Dana to our CFO', 'to introduce Dana to our CFO'],
    ['ACME renewal', 'to follow up on ACME renewal'],
    ['whether Acme signs this quarter', 'to settle whether Acme signs this quarter'],
    ['when to start the pilot', 'to settle when to start the pilot'],
    ['  "confirm  headcount "  ', 'to confirm the headcount'],
  ])('%j -> %j', (note, purpose) => {
    expect(purposeFromNextContact(note)).toBe(purpose);
  });

  it('gives nothing for an empty note or a question it cannot reword', () => {
    expect(purposeFromNextContact(undefined)).toBeUndefined();
    expect(purposeFromNextContact('')).toBeUndefined();
    expect(purposeFromNextContact(' . ')).toBeUndefined();
    expect(purposeFromNextContact('When can they start the pilot?')).toBeUndefined();
    expect(purposeFromNextContact('Is legal done?')).toBeUndefined();
  });

  it('keeps a long note under 30 words in the opener', () => {
    const note = `confirm ${'very '.repeat(40)}long note`;
    const purpose = purposeFromNextContact(note)!;
    expect(purpose.split(' ').length).toBeLessThanOrEqual(26);
  });
});

describe('the opener carried from the last call', () => {
  const body = 'Hi Dana, just checking in to see if there is any update?';

  it('opens with the next purpose the rep noted, and says so', () => {
    const result = analyzeDraft(
      { body, subject: 'Pilot', contact: { nextPurpose: 'confirm pilot start date' } },
      englishMessage,
    );
    expect(result.opener).toBe('The purpose of my call is to confirm the pilot start date.');
    expect(result.openerSource).toBe('last_call');
    expect(result.callRequest).toContain('The purpose of my call is to confirm the pilot start date.');
  });

  it('builds the opener from the draft when there is no next purpose', () => {
    const result = analyzeDraft({ body, subject: 'Pilot', contact: { nextPurpose: '  ' } }, englishMessage);
    expect(result.openerSource).toBe('draft');
    expect(result.opener).toMatch(/^The purpose of my call is to .*pilot/);
  });
});
