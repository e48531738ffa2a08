import { describe, expect, it } from 'vitest';
import { rulesOf } from '../helpers';

describe('checkin detector', () => {
  it.each([
    'Hi Jo, just checking in to see how things are going with the rollout.',
    'Touching base on the pilot proposal. Any thoughts?',
    'Circling back on this one.',
    'Any update from procurement on the vendor form?',
    'Did you get a chance to look at the deck I sent?',
    "Wondering if you'd had a chance to review the proposal.",
    'Where do we stand on the renewal?',
    'Bumping this to the top of your inbox.',
    'Following up on my last email about the order.',
    'Have you heard anything from your finance team?',
    'Wanted to see if you had any questions about the quote.',
    "I haven't heard back from you on the contract.",
    'Is the warehouse project still on the table this year?',
  ])('fires on a bare check-in: %s', (body) => {
    expect(rulesOf(body)).toContain('checkin');
  });

  it.each([
    'I just shipped the samples; tracking is 1Z999.',
    'Check-in at the hotel is at 3pm, and the shuttle leaves at 4.',
    'I checked in the code and the build is green.',
    'No problem at all, see you Thursday.',
    'Following up on our call: the revised quote is attached, valid until Friday.',
    'Checking in with the reference notes you asked for; the start date is April 6.',
  ])('stays quiet on innocent or substantive text: %s', (body) => {
    expect(rulesOf(body)).not.toContain('checkin');
  });

  it('counts custom phrases from settings and honours never-flag phrases', () => {
    expect(rulesOf('Pinging you about the order.', { settings: { checkinPhrases: ['pinging you about'] } })).toContain(
      'checkin',
    );
    expect(
      rulesOf('Just checking in on the order.', { settings: { ignorePhrases: ['just checking in'] } }),
    ).not.toContain('checkin');
  });

  it('can be switched off', () => {
    const rules = { checkin: false, questions: true, length: true, thread: true, conflict: true, overdue: true };
    expect(rulesOf('Just checking in!', { settings: { rules } })).not.toContain('checkin');
  });
});
