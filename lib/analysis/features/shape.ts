/**
 * Shape: length, thread depth and figures — signals that need no English, so they also speak for
 * drafts in other languages. A deep thread where the draft still asks or explains at length is going
 * round; the depth only counts past the point where the labeling rules call a thread long.
 * Source: docs/labeling.md call/thread (5+ messages and still clarifying) and call/long (about 250+ words).
 */
import type { FeatureGroup, FeatureInput } from './types';
import { speaksToReader, wordTokens } from './words';

const MAX_DEPTH = 6;
const STUCK_WORDS = 25;
const STUCK_QUESTIONS = 2;
/**
 * Length counts from half the long-draft threshold: at the default 250, from 125 words, where replies
 * start to fall (Boomerang: 50–125 words get the most; see detectors/length.ts).
 */
const LENGTH_FROM_SHARE = 0.5;
const FIGURES = /\d\s?%|[$€£₹]\s?\d/g;

const countFigures = (text: string) => text.match(FIGURES)?.length ?? 0;

/**
 * Figures (percentages, amounts) the writer puts to the reader, and the sentences that hold them. In
 * English only sentences with "I", "we" or "you" count: figures in a news story or a market report are
 * about the world, not a price between two people. Other languages count every figure (no pronouns are
 * read there).
 */
function figuresIn(input: FeatureInput): { count: number; sentences: string[] } {
  let count = 0;
  const sentences: string[] = [];
  for (const sentence of input.sentences) {
    // Most sentences hold no figure: only those that do are tokenized.
    const figures = countFigures(sentence);
    if (!figures || (input.english && !speaksToReader(wordTokens(sentence)))) continue;
    count += figures;
    sentences.push(sentence);
  }
  return { count, sentences };
}

export function shapeFeatures(input: FeatureInput): FeatureGroup {
  // Depth counts from the long-thread setting (default 5 messages): 1 at the fifth message.
  const depth = Math.min(MAX_DEPTH, Math.max(0, input.threadMessages - input.threadThreshold + 1));
  // One short question deep in a thread ("are you coming over?") is chat, as in detectors/thread.ts.
  const stuck = input.words >= STUCK_WORDS || input.questions >= STUCK_QUESTIONS;
  const lengthLog = Math.max(0, Math.log2(input.words / (input.wordThreshold * LENGTH_FROM_SHARE)));
  const figures = figuresIn(input);
  return {
    values: {
      lengthLog,
      threadAsks: stuck ? depth * Math.min(3, input.questions) : 0,
      threadLength: depth * Math.min(2, lengthLog),
      figures: Math.min(4, figures.count),
    },
    evidence: figures.sentences,
  };
}
