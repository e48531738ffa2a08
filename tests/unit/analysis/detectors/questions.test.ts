import { describe, expect, it } from 'vitest';
import { analyzeDraft } from '../../../../lib/analysis';
import { englishMessage } from '../../../../scripts/english-messages';

const count = (body: string) => analyzeDraft({ body }, englishMessage).questions;

describe('questions detector', () => {
  it('counts sentences ending in a question mark, once for "??"', () => {
    expect(count('Who signs? When do you start?? What is the budget?')).toBe(3);
  });

  it('reads a list of short items after a question as part of it', () => {
    expect(count('What does the plan do for our customers? the state? utilities? Who pays for it?')).toBe(2);
    expect(count('Thoughts?')).toBe(1);
  });

  it('ignores question marks inside URLs, numbers in parentheses and mangled text', () => {
    expect(count('The form is at https://example.com/form?id=7&x=1 and costs $40.')).toBe(0);
    expect(count('Which port do you use (FOB Haiphong? EXW?) today?')).toBe(1);
    expect(count('Due Sept. 24 ?')).toBe(0);
  });

  it('counts a list of asks that follows a lead-in, with or without question marks', () => {
    const open =
      'A few questions so I can quote:\n\n1. How often do the lines stop?\n2. whether a brake is needed\n3. which fieldbus the PLC speaks\n4. who commissions the drives';
    expect(count(open)).toBe(4);
    // Fields to fill in are simple factual asks (docs/labeling.md): two of them count as one ask.
    const fields =
      'A few questions so I can quote:\n\n1. Annual volume\n2. Pallet count per load\n3. Liftgate needed?\n4. Receiving hours';
    expect(count(fields)).toBe(2);
    const needInfo =
      'To select the right drives I need some more information from you, because "conveyor" can mean different things:\n- motor data from the nameplate\n- load and duty cycle\n- fieldbus on the PLC\n- whether a brake is needed';
    expect(count(needInfo)).toBe(2);
    expect(count('Here are the details you need for the install:\n- Date: May 4\n- Dock 3\n- Contact: Ana')).toBe(0);
  });

  it('counts asks without a question mark', () => {
    expect(count('I was wondering if the team could start in May. Could you let me know who approves it.')).toBe(2);
  });

  it('does not count pleasantries or a list of deliverables', () => {
    expect(count('How are you? The kickoff is set.')).toBe(0);
    expect(count("Here's what we need from you:\n- Roster export\n- Shift templates\n- Site lead name")).toBe(0);
  });

  it('fires at the threshold and not below it', () => {
    const four = 'Who decides? What is the budget? When do you start? Which CRM do you use?';
    expect(analyzeDraft({ body: four }, englishMessage).findings.map((f) => f.rule)).toContain('questions');
    expect(analyzeDraft({ body: four }, englishMessage).nudge).toBe(true);
    expect(analyzeDraft({ body: 'Who decides? What is the budget?' }, englishMessage).nudge).toBe(false);
  });
});
