/**
 * The purpose of the next contact, as the rep noted it after the last call, turned into the purpose
 * of this call: "confirm pilot start date", "Confirm the pilot start date.", "to confirm the pilot
 * start date" and "We need to confirm pilot start date" all become "to confirm the pilot start date";
 * a bare topic ("pilot start date") becomes "to follow up on the pilot start date".
 * Source: RESEARCH.md — end every contact knowing the purpose of the next one; state it when you call.
 *
 * A hand-written list of verbs, not a part-of-speech tagger: a note is a few words the rep wrote
 * telegraphically, and the tagger that could read them (compromise's) is too heavy for a mail page.
 *
 * The rewrite reads English ("to", "the", "follow up on"): a note in another language, or a UI locale
 * other than English, gets these English words around it inside the translated opener.
 */
import { LOWER, UPPER } from './letters';

/** Words a purpose note usually opens with when it names an action. */
const PURPOSE_VERBS = new Set(
  (
    'address agree align answer approve arrange ask assess book brief catch chase check choose clarify close ' +
    'collect commit compare complete confirm connect cover decide define demonstrate discuss draft explain ' +
    'explore extend finalise finalize find finish fix follow gather get give go hand hear help introduce invite ' +
    'kick learn lock make meet move negotiate nail offer outline pick prepare present prioritise prioritize ' +
    'propose raise reach recap reconfirm renew request resolve review revisit run schedule scope secure see ' +
    'send set settle share show sign solve sort start talk tell thank touch understand update validate verify ' +
    'walk welcome wrap'
  ).split(' '),
);

/** Endings that make an unknown first word a verb ("renegotiate", "formalise", "clarify"). */
const VERB_ENDING = /^[a-z]{2,}(?:ise|ize|ate|ify)$/;

/** After a verb, words that already start the object (or are not one): no "the" before them. */
const NO_ARTICLE = new Set(
  (
    'the a an our your my their his her its this that these those next last first final any some all each every ' +
    'both no more other another what which when where who whom whose why how whether if me you him them us it ' +
    'up down in out on off over back through about with for to into onto at by from of around ahead forward ' +
    'again together here there now today tomorrow asap base'
  ).split(' '),
);

/** Opening words of a question in its own word order ("when can they start"): not a purpose we can reword. */
const WH_WORD = /^(?:when|what|which|who|whom|whose|why|how|where|whether|if)$/;
const AUXILIARY =
  /^(?:can|could|will|would|shall|should|may|might|must|do|does|did|is|are|was|were|has|have|had)(?:n't)?$/;

/** "Purpose:", "Next:", "Next step -": a label the rep typed before the purpose. */
const LABEL = /^(?:purpose|next(?:\s+(?:step|call|contact|purpose))?|goal|aim|todo|to-do)\s*[:\-–—]\s*/i;
/** "The purpose of my next call is", "I need to", "we'll", "call them to": words around the purpose. */
const LEAD_INS = [
  /^the\s+(?:purpose|point|goal|aim)\s+of\s+(?:my|our|the)\s+(?:next\s+)?(?:call|contact|conversation)\s+(?:is|will be)\s+/i,
  /^(?:i|we)\s*(?:'ll|’ll|\s(?:will|shall|should|must|need to|want to|would like to|have to|plan to|am going to|are going to|'d like to|’d like to))\s+/i,
  /^(?:need|want|plan|have|going|try|trying)\s+to\s+/i,
  /^(?:call|ring|phone)(?:\s+(?!to\b)[^\s]+)?\s+(?=to\s)/i,
];

const ORDINARY_CAPITALISED = new RegExp(`^[${UPPER}][${LOWER}]+$`);
const LOWER_WORD = new RegExp(`^[${LOWER}][${LOWER}-]*$`);
const MAX_WORDS = 25;

/** "Confirm" -> "confirm"; "ACME", "Q3", "iPhone" and names stay as written. */
function lowerOrdinary(word: string): string {
  return ORDINARY_CAPITALISED.test(word) ? word.toLowerCase() : word;
}

/** The base form of a verb in -ing, if it is one we know: "confirming" -> "confirm", "planning" -> "plan". */
function baseOfGerund(word: string): string | undefined {
  if (!word.endsWith('ing')) return undefined;
  const stem = word.slice(0, -3);
  const candidates = [stem, `${stem}e`, /(.)\1$/.test(stem) ? stem.slice(0, -1) : ''];
  return candidates.find((c) => c && (PURPOSE_VERBS.has(c) || VERB_ENDING.test(c)));
}

function isVerb(word: string): boolean {
  return PURPOSE_VERBS.has(word) || VERB_ENDING.test(word);
}

/** "the" before an object that is a plain lower-case word: "confirm pilot start date" -> "confirm the pilot …". */
function withArticle(words: string[]): string[] {
  const first = words[0];
  if (!first || !LOWER_WORD.test(first) || NO_ARTICLE.has(first) || first.endsWith('ing')) return words;
  return ['the', ...words];
}

/**
 * The purpose of the call ("to confirm the pilot start date") from the rep's note of the next
 * contact's purpose, or undefined when the note is empty or a question we cannot reword.
 */
export function purposeFromNextContact(note: string | undefined): string | undefined {
  let text = (note ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .trim();
  text = text.replace(LABEL, '');
  for (const lead of LEAD_INS) text = text.replace(lead, '');
  const question = /\?\s*$/.test(text);
  text = text.replace(/[\s.!?;:,]+$/, '');
  let words = text.split(' ').filter(Boolean);
  if (words[0] && lowerOrdinary(words[0]) === 'to') words = words.slice(1);
  const [opening, ...rest] = words;
  if (!opening) return undefined;
  const first = lowerOrdinary(opening);
  words = [first, ...rest];
  // "when can they start?" asks; "when to start the pilot" and "whether Acme signs" are settled.
  if (AUXILIARY.test(first) || (WH_WORD.test(first) && (question || AUXILIARY.test(words[1] ?? '')))) {
    return undefined;
  }
  let purpose: string[];
  if (WH_WORD.test(first)) purpose = ['settle', ...words];
  else if (isVerb(first)) purpose = [first, ...withArticle(words.slice(1))];
  else {
    const base = baseOfGerund(first);
    purpose = base ? [base, ...withArticle(words.slice(1))] : ['follow', 'up', 'on', ...withArticle(words)];
  }
  return `to ${purpose.slice(0, MAX_WORDS).join(' ')}`;
}
