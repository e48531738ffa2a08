/**
 * Evidence that a draft already has a purpose. `CALL_PROPOSALS` already does what the nudge would ask
 * (proposes a call or a meeting time); `SUBSTANCE` brings something new — an attachment, a document,
 * a confirmed plan — so a follow-up carrying it is not an aimless check-in.
 */
import type { PhraseRule } from '../phrase-match';
import { SOURCES } from './sources';

const { statedPurpose, checkinNoPurpose } = SOURCES;

export const CALL_PROPOSALS: readonly PhraseRule[] = [
  {
    pattern:
      '(can|could|shall|should) we (jump|hop|get|set up|schedule|book|find|grab|do|have) (on)? (a|some)? (quick|short|brief|few)? (call|phone|zoom|meeting|time|minutes|chat)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern: "(let's|let us|lets) (jump|hop|get|set up|schedule|book|find|grab|do|have|talk|meet|discuss|walk)",
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern: "(i will|i'll|let me|i can|i could|i'd like to) (call|ring|phone|give you a call|give you a ring)",
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern:
      '(are you|would you be|is he|is she|are they) (free|available|around) (for|to|on|this|tomorrow|today|monday|tuesday|wednesday|thursday|friday)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern:
      '(do you have|have you got|got|any chance you have|could you spare) (10|15|20|30|ten|fifteen|twenty|thirty|a few) (minutes|mins|min)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern:
      '(10|15|20|30|ten|fifteen|twenty|thirty|a few) (minute|min|minutes) (call|chat|conversation|meeting|walkthrough|session)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern:
      '(grab|get|find|have|take|spare|do|need) (10|15|20|30|ten|fifteen|twenty|thirty|a few|/^[0-9]+$/) (minutes|mins|min)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern: '/^[0-9]+$/ (minute|min) (working)? (call|chat|conversation|meeting|walkthrough|session)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern: '(faster|quicker|easier|better) (live|on a call|by phone|over the phone|in person)',
    source: statedPurpose,
    weight: 1,
  },
  { pattern: '(calendar|scheduling|booking|calendly) link', source: statedPurpose, weight: 1 },
  {
    pattern: '(sent|sending|updated|attached) (you)? (a|an|the)? (calendar)? (invite|invitation)',
    source: statedPurpose,
    weight: 1,
  },
  {
    // "Our call on Monday", "a meeting at 3": not "the pre-bid meeting on Friday" (someone else's meeting).
    pattern:
      '(our|a|an|the|your) (quick|short|brief)? (call|meeting|chat|zoom|session) (on|at|this|next|tomorrow|today) (monday|tuesday|wednesday|thursday|friday|morning|afternoon|week|/^[0-9]/)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern: '(talk|speak|chat) (it|this|that)? (through)? (live|by phone|on the phone|over the phone|tomorrow|today)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern: '(rather|prefer to|better to|easier to) (talk|discuss|walk through|go over) (this|it|that|them)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern: '(set up|schedule|book|put) (a|some)? (time|call|meeting) (on|for|this|next|tomorrow)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern:
      '(looking forward to|talk to you|speak to you|see you) (on|at|tomorrow|monday|tuesday|wednesday|thursday|friday|this|next)',
    source: statedPurpose,
    weight: 1,
  },
  {
    pattern:
      '(confirming|confirmed|confirm) (our|the|your)? (call|meeting|visit|tour|lunch|demo|interview|session|time)',
    source: statedPurpose,
    weight: 1,
  },
];

/**
 * A time or a reason that makes a call proposal concrete. "Would love to find 20 min" without either
 * is still a nudge-worthy draft; "15 minutes tomorrow to agree the TI number" is not.
 */
export const CALL_DETAILS: readonly PhraseRule[] = [
  {
    pattern:
      '(to|so we can|so that we can) (discuss|go over|go through|walk through|walk you through|review|agree|settle|finalize|finalise|talk through|align|cover|decide|confirm|sort out|work through|map out|plan)',
    source: statedPurpose,
  },
  {
    pattern:
      '(monday|tuesday|wednesday|thursday|friday|tomorrow|today|tonight|this week|next week|this afternoon|this morning)',
    source: statedPurpose,
  },
  { pattern: '/^[0-9]{1,2}(:[0-9]{2})?(am|pm)?$/ (am|pm|et|pt|ct|cet|est|pst)', source: statedPurpose },
  { pattern: '(agenda|purpose of the call|goal of the call|the goal is|the purpose is)', source: statedPurpose },
];

/** "Happy to hop on a call if easier": an offer, not a plan; it softens a nudge but never cancels it. */
export const SOFT_CALL_OFFERS: readonly PhraseRule[] = [
  { pattern: '(happy|glad|free) to (hop|jump|get) on (a|the) (call|phone)', source: statedPurpose, weight: 0.4 },
  { pattern: '(feel free to|happy to|glad to) (call|give me a call|ring)', source: statedPurpose, weight: 0.4 },
];

export const SUBSTANCE: readonly PhraseRule[] = [
  { pattern: '(attached|enclosed|attaching|enclosing|attachment)', source: checkinNoPurpose, weight: 1 },
  { pattern: "(please find|here is|here are|here's) (the|our|my|a|an|your)", source: checkinNoPurpose, weight: 1 },
  {
    pattern: 'just (sent|shipped|added|uploaded|shared|signed|submitted|booked|confirmed)',
    source: checkinNoPurpose,
    weight: 1,
  },
  {
    pattern:
      "(i have|i've|we have|we've) (shipped|added|uploaded|shared|included|updated|approved|signed|submitted|booked|confirmed)",
    source: checkinNoPurpose,
    weight: 1,
  },
  {
    pattern: '(tracking number|order number|invoice number|signed copy|countersigned|e-signature|docusign)',
    source: checkinNoPurpose,
    weight: 1,
  },
  { pattern: '(deadline|due date|expires|expiring|cutoff|cut off)', source: checkinNoPurpose, weight: 1 },
  {
    pattern:
      '(by|before|no later than|until) (monday|tuesday|wednesday|thursday|friday|eod|cob|end of day|end of the week|end of week|tomorrow|the /^[0-9]/|/^[0-9]/)',
    source: checkinNoPurpose,
    weight: 1,
  },
  {
    pattern:
      '(new|revised|updated|final|latest) (date|start date|ship date|quote|pricing|proposal|version|option|draft|contract|agreement|order form|timeline)',
    source: checkinNoPurpose,
    weight: 1,
  },
  { pattern: 'just a (quick)? reminder', source: checkinNoPurpose, weight: 1 },
  {
    pattern: '(start|ship|delivery|due|launch|install|go live) date (is|will be|moved|has moved)',
    source: checkinNoPurpose,
    weight: 1,
  },
  {
    pattern: '(you asked for|you requested|as requested|as promised|per your request)',
    source: checkinNoPurpose,
    weight: 1,
  },
];
