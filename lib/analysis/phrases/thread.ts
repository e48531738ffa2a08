/** Words of a thread still clarifying, and of one that closes. */
import type { PhraseRule } from '../phrase-match';
import { SOURCES } from './sources';

const source = SOURCES.emailFailsIncomplete;

export const CLARIFYING_PHRASES: readonly PhraseRule[] = [
  { pattern: '(clarify|clarifying|clarification|confused|confusion|confusing|unclear)', source },
  { pattern: 'not (sure|clear) (what|which|whether|if|how|why)', source },
  {
    pattern: 'still (unclear|not clear|not sure|waiting|trying|having trouble|need|missing|confused|talking past)',
    source,
  },
  { pattern: "(does not|doesn't|do not|don't|did not|didn't) (match|line up|add up|agree)", source },
  { pattern: '(discrepancy|discrepancies|mismatch|reconcile|reconciling|inconsistent|conflicting)', source },
  { pattern: 'one more (question|thing|clarification|point|item)', source },
  {
    pattern: '(talking past each other|crossed wires|same page)',
    source,
  },
  {
    pattern: 'reading .{0,3} the same way',
    source,
  },
  { pattern: 'sorry to (come back|keep asking|ask again|bother you again|go back)', source },
  { pattern: '(which|what) (version|rev|revision|one|number|figure|date) (is|applies|should|do|are)', source },
];

export const CLOSING_PHRASES: readonly PhraseRule[] = [
  {
    pattern: '(final|signed|countersigned|executed) (version|copy|document|agreement|contract|certificate|order|sow)',
    source,
  },
  {
    pattern:
      "(closing the loop|close the loop|that settles|we are all set|we're all set|good to go|all sorted|locked in)",
    source,
  },
  { pattern: '(confirmed|confirming|approved|agreed) (for|on|the|that|at)', source },
  { pattern: '(sent|sending) (the|an|a) (invite|invitation|calendar invite)', source },
  { pattern: '(what we agreed|as agreed|as discussed on the phone|we agreed on)', source },
];
