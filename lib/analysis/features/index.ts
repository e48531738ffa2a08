/**
 * The draft as named numbers for the learned model (model/): the detectors' own weights plus the
 * feature groups in this folder. Each feature belongs to one rule, so a nudge can say which kind of
 * call it is and show the words behind it.
 */
import type { RuleId } from '../../settings/schema';
import type { DraftContext } from '../context';
import { isDocument } from '../detectors/length';
import type { Signal } from '../types';
import { askFeatures } from './asks';
import { chaserFeatures } from './chaser';
import { shapeFeatures } from './shape';
import { stanceFeatures } from './stance';
import { tensionFeatures } from './tension';
import type { FeatureInput } from './types';

/**
 * The rule a feature speaks for, or `purpose`/`context` when it only moves the score. Signals that
 * mean the same thing are merged into one feature (a check-in found by a phrase or by its shape), so
 * the model learns the meaning, not which route found it on the writers it was trained on.
 */
export const FEATURE_RULES = {
  checkin: 'checkin',
  shortQuestion: 'checkin',
  questionsSignal: 'questions',
  questionCount: 'questions',
  lengthSignal: 'length',
  lengthLog: 'length',
  threadSignal: 'thread',
  threadAsks: 'thread',
  threadLength: 'thread',
  conflictSignal: 'conflict',
  stance: 'conflict',
  negativeValence: 'conflict',
  figures: 'conflict',
  english: 'context',
  offersCall: 'purpose',
  substance: 'purpose',
} as const satisfies Record<string, RuleId | 'purpose' | 'context'>;

export type FeatureName = keyof typeof FEATURE_RULES;
export type Features = Record<FeatureName, number>;

export interface DraftFeatures {
  values: Features;
  /** Questions written as statements ("I'd like to understand who…, whether…"). */
  embeddedAsks: number;
  /** Sentences that put figures (a price, a percentage) to the reader, in any language. */
  figureSentences: string[];
  /** Words from the draft behind each rule's features. */
  evidence: Partial<Record<RuleId, string[]>>;
}

const MAX_QUESTIONS = 8;
const MAX_SUBSTANCE = 3;
const MAX_STANCE = 4;

/** The question-heavy setting (default 4) less this is the first question that counts. */
const COUNT_FROM_BELOW_THRESHOLD = 2;
/** Other languages count only question marks, so they need one more (as detectors/questions.ts). */
const NON_ENGLISH_EXTRA = 1;

/** Questions past the two an ordinary email may ask (at default settings, every one past two). */
function questionsPast(ctx: DraftContext): number {
  const from = ctx.settings.questionThreshold - COUNT_FROM_BELOW_THRESHOLD + (ctx.english ? 0 : NON_ENGLISH_EXTRA);
  return Math.min(MAX_QUESTIONS, Math.max(0, ctx.questions.count - from));
}

export function draftFeatures(
  ctx: DraftContext,
  sentences: readonly string[],
  signals: readonly Signal[],
): DraftFeatures {
  const input: FeatureInput = {
    text: ctx.text,
    sentences,
    words: ctx.words,
    english: ctx.english,
    subject: ctx.subject,
    threadMessages: ctx.threadMessages,
    threadThreshold: ctx.settings.threadThreshold,
    wordThreshold: ctx.settings.wordThreshold,
    questions: ctx.questions.count,
    substance: ctx.purpose.substance.length,
  };
  const chaser = chaserFeatures(input);
  const tension = tensionFeatures(input);
  const stance = stanceFeatures(input);
  const asks = askFeatures(input);
  const shape = shapeFeatures(input);
  // Figures in a recap, report or newsletter inform; they are not a price fight with the reader.
  const document = isDocument(ctx);
  const weightOf = (rule: RuleId) => signals.find((s) => s.rule === rule)?.weight ?? 0;
  const values: Features = {
    // One check-in feature however it was found: a phrase, the English shape, or the shape in another language.
    checkin: Math.max(
      weightOf('checkin') > 0 ? 1 : 0,
      chaser.values.chaserShape ?? 0,
      chaser.values.shortReplyAsk ?? 0,
    ),
    shortQuestion: chaser.values.shortQuestion ?? 0,
    questionsSignal: weightOf('questions'),
    questionCount: Math.min(MAX_QUESTIONS, questionsPast(ctx) + (asks.values.embeddedAsks ?? 0)),
    lengthSignal: weightOf('length'),
    // Length beyond the threshold counts only where the length detector saw a letter to its reader, not a
    // document or a monologue (a memo, an article: MONOLOGUE_WEIGHT in detectors/length.ts).
    lengthLog: weightOf('length') >= 1 ? (shape.values.lengthLog ?? 0) : 0,
    threadSignal: weightOf('thread'),
    threadAsks: shape.values.threadAsks ?? 0,
    threadLength: shape.values.threadLength ?? 0,
    conflictSignal: weightOf('conflict'),
    stance: Math.min(
      MAX_STANCE,
      Object.values(stance.values).reduce((sum, v) => sum + v, 0),
    ),
    negativeValence: tension.values.negativeValence ?? 0,
    figures: document ? 0 : (shape.values.figures ?? 0),
    english: ctx.english ? 1 : 0,
    offersCall: ctx.purpose.offersCall.length ? 1 : 0,
    substance: Math.min(MAX_SUBSTANCE, ctx.purpose.substance.length),
  };
  return {
    values,
    embeddedAsks: asks.values.embeddedAsks ?? 0,
    figureSentences: document ? [] : shape.evidence,
    evidence: {
      checkin: chaser.evidence,
      questions: asks.evidence,
      conflict: [...stance.evidence, ...tension.evidence],
    },
  };
}
