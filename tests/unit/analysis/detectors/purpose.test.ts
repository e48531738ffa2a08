import { describe, expect, it } from 'vitest';
import { nudges } from '../helpers';

describe('purpose (negative signal)', () => {
  it('cancels a nudge when the draft proposes a concrete call', () => {
    const bad = "I'm afraid I have bad news on the order: it will ship three weeks late and I'm sorry for the trouble.";
    expect(nudges(bad)).toBe(true);
    expect(nudges(`${bad} Could we do a 15-minute call tomorrow at 10am to walk through the options?`)).toBe(false);
  });

  it("reads our call on a day as a proposal, someone else's meeting on a day as none", () => {
    const bad = "I'm afraid I have bad news on the order: it will ship three weeks late and I'm sorry for the trouble.";
    expect(nudges(`${bad} Let's use our call on Friday to plan around it.`)).toBe(false);
    expect(nudges(`${bad} I wanted you to know before the pre-bid meeting on Friday.`)).toBe(true);
  });

  it('does not cancel on a vague offer to talk', () => {
    expect(nudges('Bumping this up in case it got buried. Would still love to find 20 min.')).toBe(true);
  });

  it('counts a link shared in a sentence as something new, not one in a signature line', () => {
    const chase = 'Following up on my note last week, any update on the migration plan?';
    expect(nudges(chase)).toBe(true);
    expect(
      nudges(`${chase} The playbook we talked about is now published here: https://docs.example.com/playbook`),
    ).toBe(false);
    expect(nudges(`${chase}\n\nWeb: www.example.com`)).toBe(true);
  });
});
