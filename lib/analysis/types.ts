import type { RuleId, Settings } from '../settings/schema';
import type { AnalysisWording } from './wording';

export type Level = 'none' | 'suggest' | 'strong';

/** Languages the cheap detector tells apart; anything else is 'other'. */
export type Language = 'en' | 'de' | 'fr' | 'es' | 'pt' | 'it' | 'nl' | 'other';

export interface Recipient {
  address?: string;
  name?: string;
}

/** What the ledger knows about the person being written to (supplied by the in-page coach). */
export interface ContactHistory {
  lastCallDaysAgo?: number;
  emailsSinceLastCall?: number;
  overdue?: boolean;
  /** The purpose of the next contact the rep noted at the last call: this draft's opener. */
  nextPurpose?: string;
  /** Days (with fractions) since a nudge showed for this contact with "overdue" as its only reason. */
  lastOverdueNudgeDaysAgo?: number;
}

export interface AnalysisInput {
  /** The whole compose text as the rep sees it, quoted history and signature included. */
  body: string;
  subject?: string;
  /** Messages in the conversation, this draft included. */
  threadMessages?: number;
  recipients?: Recipient[];
  contact?: ContactHistory;
  settings?: Partial<Settings>;
}

export interface Finding {
  rule: RuleId;
  /** One plain sentence for the rep, as a message key: worded where it is shown (lib/wording.ts). */
  message: AnalysisWording;
  /** The words in the draft that triggered the rule. */
  evidence?: string[];
}

export interface Analysis {
  nudge: boolean;
  level: Level;
  score: number;
  findings: Finding[];
  /** "The purpose of my call is to …", built from the draft, in the rep's UI locale (see analyzeDraft). */
  opener: string;
  /** Where the opener's purpose came from: the draft, or the next purpose noted at the last call. */
  openerSource: 'draft' | 'last_call';
  /** A short replacement email asking for a 10-minute call, in the rep's UI locale around their own greeting and closing. */
  callRequest: string;
  language: Language;
  /** Words in the rep's own text. */
  words: number;
  /** Open questions in the rep's own text. */
  questions: number;
}

/** A detector's verdict before combining: a finding plus how much it adds to the score. */
export interface Signal extends Finding {
  weight: number;
}
