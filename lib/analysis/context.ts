import type { Settings } from '../settings/schema';
import type { PhraseMatcher } from './phrase-match';
import type { Language } from './types';

/** Everything the detectors read about one draft, computed once. */
export interface DraftContext {
  /** The rep's own text (quotes, signature and ignored phrases removed). */
  text: string;
  words: number;
  language: Language;
  /** English phrase rules run only on English drafts. */
  english: boolean;
  subject: string;
  threadMessages: number;
  settings: Settings;
  matcher: PhraseMatcher;
  questions: QuestionCount;
  purpose: Purpose;
}

export interface QuestionCount {
  count: number;
  /** The questions as written, for the nudge's evidence and the opener. */
  asks: string[];
}

export interface Purpose {
  /** The draft already proposes a call or a meeting time. */
  proposesCall: string[];
  /** An offer to talk "if easier": softens, never cancels. */
  offersCall: string[];
  /** Something new: an attachment, a document, a dated ask. */
  substance: string[];
}
