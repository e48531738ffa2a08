import { describe, expect, it } from 'vitest';
import { nudges, rulesOf } from '../helpers';

describe('conflict detector', () => {
  it.each([
    "I'm afraid I have bad news: the parts won't ship on the 20th. I know this is frustrating and I'm sorry for the trouble.",
    'This is the third time I have asked about invoices 4410 and 4418, now 70 days past due. Frankly that is not acceptable.',
    "We can't agree to Net 90. I have to push back on the liability cap as well.",
    "Unfortunately it's not good news: the premium is coming in 30% higher at renewal.",
  ])('fires on bad news, complaints and pushback: %s', (body) => {
    expect(nudges(body)).toBe(true);
    expect(rulesOf(body)).toContain('conflict');
  });

  it.each([
    'No problem at all, happy to help.',
    "Not an issue - we'll ship Friday as planned.",
    'Good news: the outage has been resolved and credits were issued.',
    'Sorry I missed your call; the signed order is attached.',
  ])('stays quiet on negated or resolved problems: %s', (body) => {
    expect(nudges(body)).toBe(false);
  });

  it('ignores anger that sits only in the quoted message', () => {
    const body =
      'Hi Ann,\n\nYour replacement shipped today, tracking 1Z12.\n\nOn Mon, Mar 2, 2026 at 9:00 AM Ann <ann@example.com> wrote:\n> This is unacceptable and I am furious. Third missed delivery!';
    expect(rulesOf(body)).not.toContain('conflict');
  });
});
