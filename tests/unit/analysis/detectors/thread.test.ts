import { describe, expect, it } from 'vitest';
import { nudges, rulesOf } from '../helpers';

const clarifying =
  "Hi Ola,\n\nSorry, one more clarification. The PO says rev C but the drawing says rev D, and the numbers still don't match. Which revision should we build to?";

describe('thread detector', () => {
  it('fires on a deep thread that is still clarifying', () => {
    expect(rulesOf(clarifying, { threadMessages: 7 })).toContain('thread');
    expect(nudges(clarifying, { threadMessages: 7 })).toBe(true);
  });

  it('does not fire on a short thread or below the threshold setting', () => {
    expect(rulesOf(clarifying, { threadMessages: 2 })).not.toContain('thread');
    expect(rulesOf(clarifying, { threadMessages: 7, settings: { threadThreshold: 10 } })).not.toContain('thread');
  });

  it('does not fire on a message that closes the thread', () => {
    const closing =
      'Hi Ola,\n\nAttached is the final signed agreement, so we are all set. Thanks for your patience on this one.';
    expect(rulesOf(closing, { threadMessages: 9 })).not.toContain('thread');
  });

  it('treats one short question deep in a thread as chat', () => {
    expect(nudges('Are you coming over?', { threadMessages: 7 })).toBe(false);
  });
});
