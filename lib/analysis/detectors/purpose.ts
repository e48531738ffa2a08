/**
 * purpose — evidence that the draft already has a purpose: it proposes a call or a meeting time
 * (then the nudge has nothing to add), or it brings something new (an attachment, a document, a
 * dated ask). A negative signal: it lowers or cancels the score, it is never a reason to nudge.
 * Source: docs/research.md — stating the reason for a call doubles its success (Gong); "end every
 * contact knowing the purpose of the next one".
 */
import type { Purpose } from '../context';
import type { PhraseMatcher } from '../phrase-match';
import { PHRASE_SETS } from '../phrase-sets';

const PROPOSAL_DISCOUNT = 2.5;
const OFFER_DISCOUNT = 0.2;

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

/**
 * How much the draft's own purpose takes off the score. Substance is not discounted here: it
 * cancels a check-in (detectors/checkin.ts) but bad news with an attachment is still bad news.
 */
export function purposeDiscount(purpose: Purpose): number {
  if (purpose.proposesCall.length) return PROPOSAL_DISCOUNT;
  return purpose.offersCall.length ? OFFER_DISCOUNT : 0;
}
