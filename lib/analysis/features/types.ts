/** What every feature group reads about a draft, computed once by features/index.ts. */
export interface FeatureInput {
  /** The rep's own text, bounded (see bounded.ts). */
  text: string;
  sentences: readonly string[];
  words: number;
  english: boolean;
  subject: string;
  threadMessages: number;
  /** Open questions counted by detectors/questions.ts. */
  questions: number;
  /** The settings' thresholds: a manager who moves them moves the features too. */
  threadThreshold: number;
  wordThreshold: number;
  /** Phrases that bring something new (an attachment, a date): detectors/purpose.ts. */
  substance: number;
}

/** Named numeric features plus the draft's words that raised them. */
export interface FeatureGroup {
  values: Record<string, number>;
  evidence: string[];
}
