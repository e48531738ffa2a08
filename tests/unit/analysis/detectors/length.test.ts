import { describe, expect, it } from 'vitest';
import { nudges, rulesOf } from '../helpers';

const argument =
  "I know you asked a simple question, but I think the honest answer needs some context, so bear with me. You told me your team loses a day a week to manual reconciliation, and I believe we can fix that, but only if you're willing to change how approvals flow. ";

describe('length detector', () => {
  it('fires on a long argument written to one reader', () => {
    const body = `Hi Lee,\n\n${argument.repeat(6)}`;
    expect(rulesOf(body)).toContain('length');
    expect(nudges(body)).toBe(true);
  });

  it('does not fire on a long recap meant to be read', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `- Item ${i + 1}: owner Sam, due April ${i + 1}, status on track`,
    ).join('\n');
    const body = `Hi Lee,\n\nHere is the recap of today's kickoff for your records.\n\n${items}\n\n${'The team agreed the scope, the timeline and the owners for each workstream. '.repeat(15)}`;
    expect(rulesOf(body)).not.toContain('length');
  });

  it('fires on a long argument with a few short headings over its paragraphs', () => {
    const body = `Hi Lee,\n\n*Where you are today*\n${argument.repeat(2)}\n\n*What changes*\n${argument.repeat(2)}\n\n*What I'd suggest*\n${argument.repeat(2)}`;
    expect(rulesOf(body)).toContain('length');
  });

  it('does not fire on a long memo that does not talk to its reader', () => {
    const memo =
      'The commission released its order on transmission pricing, and the utilities filed comments on the schedule. ';
    expect(nudges(memo.repeat(20))).toBe(false);
  });

  it('reports words of own text only', () => {
    expect(
      rulesOf('Short reply.\n\nOn Mon, Mar 2, 2026 at 9:00 AM Ann <a@x.com> wrote:\n' + '> long quote '.repeat(500)),
    ).toEqual([]);
  });
});
