/**
 * Parts of speech for the one to three sentences that carry a draft's main ask, from compromise's
 * lexicon and its first tagging pass (`compromise/two`, without the slower corrective pass: the
 * noun-phrase rules in noun-phrases.ts read the few tags they need and tolerate its slips).
 * Only called for English drafts that will show a nudge, so an ordinary keystroke costs nothing here.
 * As the rep types on, the sentences that carry the ask rarely change: the last few tagged are kept
 * (in memory, until newer ones push them out), so a pass re-tags only a sentence that changed.
 */
import nlp from 'compromise/two';

/** Shared by every pass that tags the same sentence: read, never changed. */
export interface TaggedWord {
  /** As written, without surrounding punctuation. */
  readonly text: string;
  /** Lower case, apostrophes straightened. */
  readonly normal: string;
  readonly tags: ReadonlySet<string>;
  /** What is written after the word up to the next one: " ", ", ", "-" (a hyphenated compound), " - ". */
  readonly after: string;
}

/** Sentences whose tags are kept: a pass tags one to three, so those of the last few passes. */
const KEPT_SENTENCES = 8;
const kept = new Map<string, readonly TaggedWord[]>();
const NO_TAGS: ReadonlySet<string> = new Set();

export function tagSentence(sentence: string): readonly TaggedWord[] {
  let words = kept.get(sentence);
  // Deleted and set again, so the Map's order is least recently used first.
  if (words) kept.delete(sentence);
  else words = tag(sentence);
  kept.set(sentence, words);
  if (kept.size > KEPT_SENTENCES) kept.delete(kept.keys().next().value ?? '');
  return words;
}

function tag(sentence: string): TaggedWord[] {
  const doc = nlp.tokenize(sentence);
  doc.compute(['lexicon', 'preTagger']);
  // The terms as compromise holds them (`doc.docs`): `json()` would copy each and print the sentences too.
  const words: { -readonly [K in keyof TaggedWord]: TaggedWord[K] }[] = [];
  for (const term of doc.docs.flat()) {
    const last = words[words.length - 1];
    // Contractions and number ranges add words that are not written ("I'm" -> "I am"); only written words count.
    if (term.text === '' && last) last.after += term.post;
    // The term's own tag set: the document is dropped after this, so nothing changes it again.
    else if (term.text !== '')
      words.push({ text: term.text, normal: term.normal, tags: term.tags ?? NO_TAGS, after: term.post });
  }
  return words;
}
