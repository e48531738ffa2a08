/**
 * Audience: a draft written to many readers is a broadcast — an announcement, a notice, a campaign
 * letter — and nobody phones a mailing list. Two shapes of English say so whatever the topic: a
 * greeting to a group instead of a person ("Hello all", "Dear customers", "To all of our clients",
 * "ATTENTION:"), and words that split the readers into parts ("those of you who", "some of you",
 * "each of you"), which only make sense when there are many of them. Two or three named readers
 * ("you both", "Hi Mei and Robert") are still a conversation a call can hold, and so is a reply to
 * "all" in a thread (several people going round on one point is what a call settles): only a first
 * message to many readers is a broadcast, and it is never nudged (BROADCAST_PENALTY). A long draft
 * to many readers is a document, not a letter, for the length detector either way.
 * Hand-written: these are a handful of grammatical forms of address (a greeting's group noun, a
 * quantifier before "of you"), which no sentiment or part-of-speech resource marks.
 * Source: docs/labeling.md — newsletters and announcements meant to be read are email; a call is a
 * conversation with one reader.
 */

/** Group nouns a greeting may address instead of a name. */
const GROUP =
  '(?:all|everyone|everybody|team|folks|colleagues|customers|clients|partners|members|friends|subscribers|employees|staff)';
/** A greeting, or the first words, addressed to a group: "Hi all", "Dear customers and partners", "To all of our … clients:". */
const GROUP_GREETING = new RegExp(
  `^\\s*(?:(?:hi|hello|dear|hey|greetings|good (?:morning|afternoon|evening)|thank you|thanks)[ ,]+${GROUP}\\b|to all\\b|attention\\s*:)`,
  'i',
);
/** A quantifier that splits the readers: "some of you", "those of you who", "each one of you". */
const SPLIT_READERS = /\b(?:all|some|most|many|each|every one|each one|those|none|few|several) of you\b/i;
/** The greeting sits in the first lines. */
const OPENING_CHARS = 300;

/** True when the draft addresses many readers rather than one or two. */
export function addressesMany(text: string): boolean {
  const opening = text.slice(0, OPENING_CHARS);
  return opening.split('\n').some((line) => GROUP_GREETING.test(line)) || SPLIT_READERS.test(text);
}

/**
 * Logit taken off a first message to many readers, the same as off a draft that already proposes a
 * call (detectors/purpose.ts): more than any draft's case for a call.
 */
const BROADCAST_PENALTY = 6;

/** A first message to many readers: an announcement, not a conversation. */
export function broadcastPenalty(text: string, threadMessages: number): number {
  return threadMessages < 2 && addressesMany(text) ? BROADCAST_PENALTY : 0;
}
