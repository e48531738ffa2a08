/**
 * Stance: sentences that refuse, apologise, concede or compare — the calm shape of pricing pushback, a refusal or
 * a competitor bake-off ("isn't something I can get approved", "I realise that's not the answer you
 * were hoping for", "their number is lower"). Negated ability and concession are grammar, not topic,
 * so they carry to writers the phrase lists never saw. The cue words are hand-written: sentiment
 * lexicons (AFINN, VADER) score feelings and miss "can't", "I realise" and "their quote"; no maintained
 * resource marks refusal, concession or comparison with a competitor.
 * Source: docs/labeling.md call/conflict (a refusal, pricing pushback, a negotiation).
 */
import type { FeatureGroup, FeatureInput } from './types';

/**
 * The rep or the company declining: "we cannot go down 14%", "I can't get there", "it is not possible".
 * "Can't" before a verb of the mind or the senses is an idiom about oneself, not a refusal to the reader
 * ("I can't recall", "we couldn't stand it", "I can't wait", "I can't thank you enough").
 */
const REFUSAL =
  /\b(?:(?:i|we)(?: (?:really|simply|just|honestly|unfortunately))? (?:can(?:no|'|’)t|can not|won(?:'|’)t be able|will not be able|am unable|are unable|am not able|are not able|could not|couldn(?:'|’)t|have to decline|must decline)(?! (?:even )?(?:recall|remember|believe|imagine|wait|stand|thank|explain|speak|read|stress|emphasi[sz]e)\b)|(?:is|it's|it is) not possible|(?:isn(?:'|’)t|is not) something (?:i|we)|not in a position|not the answer)\b/i;
/** An apology for a problem: "I'm sorry", "we apologise", "I owe you". */
const APOLOGY =
  /\b(?:i(?:'m|’m| am) (?:so |really |very |truly |deeply )?sorry|(?:i|we) (?:sincerely )?apologi[sz]e|(?:my|our) (?:sincere )?apologies|i owe you)\b/i;
/** Conceding the reader's side before holding one's own: "I realise that's not…", "to be honest", "I hear you". */
const CONCESSION =
  /\b(?:i (?:know|realise|realize|understand|appreciate|recognise|recognize) (?:this|that's|that this|it's|how|why|you|your|these)|i hear you|i get (?:that|it)|to be (?:honest|candid|upfront|fair|transparent)|honestly|an? honest (?:update|answer)|be (?:honest|candid|upfront|transparent) with you|frankly|with (?:all due )?respect(?! to\b)|respectfully|push(?:ing)? back|(?:i'd|i would) rather (?:you|tell|be)|hear it from me|not a fun)\b/i;
const COMPETITOR =
  /\b(?:competitor\w*|comparison|compared|bake-?off|versus|vs\.?|their (?:quote|price|pricing|number|offer|bid|proposal|grid|sheet)|other (?:quote|offer|vendor|supplier|bid|proposal)s?|cheaper|lower (?:price|quote|offer|bid))\b/i;
/** A price that moves: up, down, off. With a figure in the same sentence it is a price change or a discount fight. */
const PRICE_CHANGE =
  /\b(?:increase\w*|rais\w*|going up|goes up|moves? (?:from|to)|hike|discount\w*|off|reduc\w*|higher|lower|surcharge|go down|come down|counter\w*)\b/i;
const PRICE_WORDS =
  /\b(?:price\w*|pricing|rates?|discount\w*|fees?|costs?|budget|quote\w*|invoice\w*|renewal|increase\w*|pepm|per (?:unit|seat|user|month|year))\b/i;
/** A figure in the same sentence: a percentage or an amount of money. */
const FIGURE = /\d\s?%|[$€£₹]\s?\d|\d\s?(?:k|usd|eur|inr|omr|gbp)\b/i;

const matching = (sentences: readonly string[], pattern: RegExp) => sentences.filter((s) => pattern.test(s));

export function stanceFeatures(input: FeatureInput): FeatureGroup {
  if (!input.english)
    return { values: { refusal: 0, concession: 0, apology: 0, competitor: 0, priceFigures: 0 }, evidence: [] };
  const refusal = matching(input.sentences, REFUSAL);
  const concession = matching(input.sentences, CONCESSION);
  const competitor = matching(input.sentences, COMPETITOR);
  const apology = matching(input.sentences, APOLOGY);
  const priceFigures = input.sentences.filter((s) => PRICE_WORDS.test(s) && PRICE_CHANGE.test(s) && FIGURE.test(s));
  return {
    values: {
      refusal: Math.min(3, refusal.length),
      concession: Math.min(3, concession.length),
      apology: Math.min(2, apology.length),
      competitor: Math.min(2, competitor.length),
      priceFigures: Math.min(3, priceFigures.length),
    },
    evidence: [...refusal, ...apology, ...concession, ...competitor, ...priceFigures].slice(0, 3),
  };
}
