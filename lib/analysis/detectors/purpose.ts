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
import { countWords } from '../sentences';

/** "9:30", "1pm", "10 am": a clock time makes a call proposal concrete. */
const TIME_OF_DAY = /\b\d{1,2}(?::\d{2}\s?(?:am|pm)?|\s?(?:am|pm))\b/i;

/** A link inside a sentence of the rep's hands the reader something to open (any language). */
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
/** Words besides the link: fewer, and the line is a signature's "Web: www…" or a bare link. */
const LINK_SENTENCE_WORDS = 6;

function sharedLinks(text: string): string[] {
  // Most drafts hold no link: only then are lines split and counted.
  if (!/https?:\/\/|www\./i.test(text)) return [];
  return text
    .split('\n')
    .filter((line) => countWords(line.replace(LINK, ' ')) >= LINK_SENTENCE_WORDS)
    .flatMap((line) => line.match(LINK) ?? []);
}

export function findPurpose(matcher: PhraseMatcher, english: boolean, text: string): Purpose {
  const links = sharedLinks(text);
  if (!english) return { proposesCall: [], offersCall: [], substance: links };
  const texts = (set: keyof typeof PHRASE_SETS) => matcher.find(PHRASE_SETS[set]).map((hit) => hit.text);
  const proposals = texts('callProposals');
  const offers = texts('callOffers');
  // A proposal with neither a time nor a reason is only an offer.
  const concrete = proposals.length > 0 && (matcher.find(PHRASE_SETS.callDetails).length > 0 || TIME_OF_DAY.test(text));
  return {
    proposesCall: concrete ? proposals : [],
    offersCall: concrete ? offers : [...proposals, ...offers],
    substance: [...texts('substance'), ...links],
  };
}

/** Logit taken off when the draft already proposes a concrete call: more than any draft's case for one. */
const PROPOSAL_PENALTY = 6;

export function proposalPenalty(purpose: Purpose): number {
  return purpose.proposesCall.length ? PROPOSAL_PENALTY : 0;
}
