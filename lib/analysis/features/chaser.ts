/**
 * Chaser shape: a short draft whose only content is a status ask ("any movement on this?", "Did
 * procurement ever come back to you?", "Ping 🙂", "thoughts?") is a check-in however it is phrased.
 * The shape (short, a status ask, nothing new attached or dated) generalizes where phrase lists do not.
 * The status words are a hand-written list: no maintained lexicon covers the vocabulary of chasing
 * status (sentiment and emotion lexicons such as AFINN score feelings, not requests), so the list
 * names the things a rep chases (an update, a sign-off, a reply) rather than whole phrasings.
 * Drafts in other languages get the shape without the words: a short reply whose one question is all
 * it says ("¿Alguna novedad sobre el pedido?", "gibt es schon Rückmeldung?") is most often a chase.
 * Source: docs/labeling.md call/checkin.
 */
import { countWords } from '../sentences';
import type { FeatureGroup, FeatureInput } from './types';

/** Own words up to which a draft is short enough to hold nothing but the ask. */
const SHORT_WORDS = 45;
/** A short English draft with one question and no status words is only a weak hint (most are clear asks). */
const SHORT_QUESTION_WORDS = 30;
/** A question about the state of something pending: "did X already…", "any movement?", "still relevant?". */
const STATUS_QUESTION =
  /\b(?:yet|already|still|status|updates?|news|movement|progress|decision|decided|sign(?:ed)? off|signed|approv\w*|releas\w*|come back|came back|get back|heard(?! of\b)|hear back|feedback|thoughts|comments|chance|land(?:ed)?|stand|relevant|any luck)\b/i;
/** A request for status without a question mark: "pls update", "kindly revert", "ping", "gentle reminder". */
const STATUS_REQUEST =
  /\b(?:ping|nudge|bump(?:ing)? (?:this|up)|reminder|revert|(?:pls|please|kindly) (?:update|advise)|update (?:me|us)|any updates?|status)\b/i;
/**
 * The writer (or someone they name) will supply the status: "I'm looking into the status", "Tana will
 * revert with an update", "I'll keep you posted". A promise to update is the opposite of chasing one.
 */
const PROMISES_UPDATE =
  /\b(?:(?:i|we)(?:'m| am|'re| are) (?:looking into|checking (?:on|with|into)|working on|chasing|following up with)|(?:will|'ll|shall) (?:revert|update you|let you know|keep you (?:posted|updated|informed)|get back to you|come back to you|follow up with))\b/i;
/** Lines that carry no content of their own: a greeting, a pleasantry, thanks. */
const NO_CONTENT =
  /^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^.!?]{0,40}[,!.]?|(?:i )?hope (?:you are|you're|all is|this finds)[^.!?]*[.!]?|(?:many )?thanks?(?: you)?[^.!?]{0,20}[.!]?|thx\.?)$/i;

const isStatusAsk = (s: string) =>
  (s.includes('?') && STATUS_QUESTION.test(s)) ||
  (STATUS_REQUEST.test(s) && !PROMISES_UPDATE.test(s.replace(/’/g, "'")));

export function chaserFeatures(input: FeatureInput): FeatureGroup {
  const { english, words, sentences, questions, substance } = input;
  const content = english ? sentences.filter((s) => !NO_CONTENT.test(s.trim())) : [];
  const asks = content.filter(isStatusAsk);
  const askWords = asks.reduce((sum, s) => sum + countWords(s), 0);
  const contentWords = content.reduce((sum, s) => sum + countWords(s), 0);
  // The status ask is most of what the draft says (a clause of context may come with it).
  const chaser = english && words <= SHORT_WORDS && asks.length > 0 && askWords * 2 >= contentWords && substance === 0;
  // Without English words to read, the shape alone: a short reply whose one question is all it says.
  const foreignAsk =
    !english && input.threadMessages >= 2 && words <= SHORT_WORDS && questions === 1 && substance === 0;
  return {
    values: {
      chaserShape: chaser ? 1 : 0,
      shortQuestion: english && words <= SHORT_QUESTION_WORDS && questions === 1 && substance === 0 ? 1 : 0,
      shortReplyAsk: foreignAsk ? 1 : 0,
    },
    evidence: chaser ? asks.slice(0, 2) : [],
  };
}
