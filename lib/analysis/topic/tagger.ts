/**
 * Parts of speech for the one to three sentences that carry a draft's main ask, from compromise's
 * lexicon and its first tagging pass (`compromise/two`, without the slower corrective pass: the
 * noun-phrase rules in noun-phrases.ts read the few tags they need and tolerate its slips).
 * Only called for English drafts that will show a nudge, so an ordinary keystroke costs nothing here.
 */
import nlp from 'compromise/two';

export interface TaggedWord {
  /** As written, without surrounding punctuation. */
  text: string;
  /** Lower case, apostrophes straightened. */
  normal: string;
  tags: ReadonlySet<string>;
  /** What is written after the word up to the next one: " ", ", ", "-" (a hyphenated compound), " - ". */
  after: string;
}

export function tagSentence(sentence: string): TaggedWord[] {
  const doc = nlp.tokenize(sentence);
  doc.compute(['lexicon', 'preTagger']);
  // The terms as compromise holds them (`doc.docs`): `json()` would copy each and print the sentences too.
  const words: TaggedWord[] = [];
  for (const term of doc.docs.flat()) {
    const last = words[words.length - 1];
    // Contractions and number ranges add words that are not written ("I'm" -> "I am"); only written words count.
    if (term.text === '' && last) last.after += term.post;
    else if (term.text !== '')
      words.push({ text: term.text, normal: term.normal, tags: new Set(term.tags), after: term.post });
  }
  return words;
}
