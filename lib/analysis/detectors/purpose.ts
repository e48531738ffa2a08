/**
 * purpose — evidence that the draft already has a purpose: it proposes a call or a meeting time
 * (then the nudge has nothing to add), or it brings something new (an attachment, a document, a
 * dated ask). A negative signal, never a reason to nudge: a concrete call proposal cancels the nudge
 * (the labeling rules call such a draft email), and the model (model/) learns how much an offer or
 * substance lowers the score.
 * Source: docs/research.md — stating the reason for a call doubles its success (Gong); "end every
 * contact knowing the purpose of the next one".
 */
import type { Purpose } from '../context';
import type { PhraseMatcher } from '../phrase-match';
import { PHRASE_SETS } from '../phrase-sets';

/** "9:30", "1pm", "10 am": a clock time makes a call proposal concrete. */
const TIME_OF_DAY = /\b\d{1,2}(?::\d{2}\s?(?:am|pm)?|\s?(?:am|pm))\b/i;

export function findPurpose(matcher: PhraseMatcher, english: boolean, text: string): Purpose {
  if (!english) return { proposesCall: [], offersCall: [], substance: [] };
  const texts = (set: keyof typeof PHRASE_SETS) => matcher.find(PHRASE_SETS[set]).map((hit) => hit.text);
  const proposals = texts('callProposals');
  const offers = texts('callOffers');
  // A proposal with neither a time nor a reason is only an offer.
  const concrete = proposals.length > 0 && (matcher.find(PHRASE_SETS.callDetails).length > 0 || TIME_OF_DAY.test(text));
  return {
    proposesCall: concrete ? proposals : [],
    offersCall: concrete ? offers : [...proposals, ...offers],
    substance: texts('substance'),
  };
}

/** Logit taken off when the draft already proposes a concrete call: more than any draft's case for one. */
const PROPOSAL_PENALTY = 6;

export function proposalPenalty(purpose: Purpose): number {
  return purpose.proposesCall.length ? PROPOSAL_PENALTY : 0;
}
