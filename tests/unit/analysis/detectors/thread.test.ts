import { describe, expect, it } from 'vitest';
import { featuresOf } from '../../../../lib/analysis';
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

  it('reads one open question in a draft of substance as going round in another language', () => {
    const german =
      'Hallo Herr Wallraff,\n\nich glaube, wir haben uns gestern missverstanden. Das alte Relais gibt es nicht mehr, der Nachfolger hat andere Klemmen, und der Schaltplan muss angepasst werden. Sollen wir den Nachfolger trotzdem bestellen, oder möchten Sie erst mit Ihrer Konstruktion sprechen?';
    // At full weight, not the 0.4 of one short question deep in a thread.
    expect(featuresOf({ body: german, threadMessages: 8 }).threadSignal).toBeGreaterThanOrEqual(1);
    expect(featuresOf({ body: german, threadMessages: 2 }).threadSignal).toBe(0);
  });
});
