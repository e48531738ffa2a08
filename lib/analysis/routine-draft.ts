/**
 * A routine draft: every sentence of the rep's own words only greets, thanks, delivers (an
 * attachment, a link, a document), confirms or schedules, and none asks anything. Such a draft needs
 * no call, whoever it goes to, so "not called in a while" never nudges on it by itself.
 * Source: issue #11 item 4 — the overdue signal must never fire on "Attached is the signed order
 * form" or a draft that only delivers, confirms or thanks.
 *
 * Hand-written sentence types: these are speech acts of business email (delivering, confirming,
 * scheduling), which no maintained lexicon or the sentence types of compromise (statement, question)
 * tell apart. English only: a draft in another language is never judged routine.
 */

export type RoutineSentence = 'greeting' | 'thanks' | 'delivery' | 'confirmation' | 'scheduling';

/** Sentence types, each a pattern over one lower-cased sentence; the first that matches names it. */
export const ROUTINE_SENTENCES: readonly { type: RoutineSentence; pattern: RegExp }[] = [
  { type: 'greeting', pattern: /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^.!]{0,40}[,.!]?$/ },
  {
    type: 'thanks',
    pattern:
      /^(?:(?:many |big |thanks|thank you|thx|cheers)\b|(?:i |we )?(?:really |truly )?(?:appreciate|am grateful|are grateful)\b|much appreciated\b|great (?:speaking|talking|meeting|to (?:speak|talk|meet))\b)/,
  },
  {
    type: 'delivery',
    pattern:
      /^(?:attached|enclosed)\b|\b(?:is|are) (?:attached|enclosed)\b|(?:find|see) (?:attached|enclosed|below)\b|^(?:i(?:'ve| have)? |we(?:'ve| have)? )?(?:attach(?:ed|ing)?|shar(?:e|ed|ing)|send(?:ing)?|sent|upload(?:ed|ing)?|forward(?:ed|ing)?)\b|^here(?:'s| is| are)\b|^(?:the )?link\b/,
  },
  {
    type: 'confirmation',
    pattern:
      /^(?:(?:confirm(?:ed|ing)?|this (?:is to )?confirms?|just confirming|(?:that|this|it) (?:works|sounds good|is fine)|sounds (?:good|great|perfect)|works for (?:me|us)|got it|noted|received|will do)\b|(?:done|perfect|great|all good|all set|yes|ok(?:ay)?)(?:[,.!]|$))/,
  },
  {
    type: 'scheduling',
    pattern:
      /\b(?:see you|talk (?:to you )?(?:on|at|then|tomorrow|soon)|speak (?:to you )?(?:on|at|then|tomorrow|soon)|(?:calendar )?invite|(?:is|are) (?:booked|scheduled|set|confirmed) for|looking forward to (?:seeing|meeting|speaking|talking|our))\b/,
  },
];

/** A routine sentence is short and asks nothing. */
const MAX_ROUTINE_WORDS = 30;
const ASKS =
  /\?|\b(?:can|could|would|will) you\b|\bplease (?!find|see)\w+|\blet (?:me|us) know\b|\b(?:need|needs) (?:you|your)\b/;

/** The type of one sentence, or undefined when it does something else. */
export function routineTypeOf(sentence: string): RoutineSentence | undefined {
  const text = sentence.trim().toLowerCase().replace(/[’‘]/g, "'");
  if (!text || ASKS.test(text) || text.split(/\s+/).length > MAX_ROUTINE_WORDS) return undefined;
  return ROUTINE_SENTENCES.find(({ pattern }) => pattern.test(text))?.type;
}

/** True when the draft has sentences and every one of them is routine (a greeting alone is not a draft). */
export function isRoutineDraft(sentences: readonly string[]): boolean {
  const types = sentences.map(routineTypeOf);
  return types.some((t) => t !== undefined && t !== 'greeting') && types.every((t) => t !== undefined);
}
