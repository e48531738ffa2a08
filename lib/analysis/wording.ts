/**
 * What the analysis says, as keys of public/_locales/en/messages.json (lib/wording.ts turns them into
 * words): the analysis stays pure and the reason sentences are translated like every other string.
 * Each key is listed here, so a typo in a detector fails the type check, and lib/i18n.ts checks each
 * is a message.
 */
import { say, type Translate } from '../wording';

/** Messages with one wording. */
export type SentenceKey =
  | 'reasonCheckin'
  | 'reasonCheckinOnly'
  | 'reasonConflict'
  | 'reasonConflictNear'
  | 'reasonConflictRefuses'
  | 'reasonConflictFigures'
  | 'reasonThread'
  | 'reasonThreadOpenPoints'
  | 'reasonOverdue'
  | 'reasonOverdueEmails'
  | 'reasonOverdueThisContact'
  | 'opener'
  | 'purposeCheckin'
  | 'purposeCheckinUnnamed'
  | 'purposeQuestions'
  | 'purposeQuestionsUnnamed'
  | 'purposeConflict'
  | 'purposeConflictUnnamed'
  | 'purposeThread'
  | 'purposeThreadUnnamed'
  | 'purposeLength'
  | 'purposeLengthUnnamed'
  | 'purposeOverdue'
  | 'purposeOverdueUnnamed'
  | 'callRequest'
  | 'callRequestAfterDash'
  | 'callRequestGreeting'
  | 'callRequestGreetingNoName'
  | 'callRequestSignOff'
  | 'callRequestSignOffFormal';

/** Messages with plural forms (`_one`, `_other`…), picked by a count. */
export type CountedKey =
  | 'reasonQuestions'
  | 'reasonQuestionsNear'
  | 'reasonQuestionsAbout'
  | 'reasonLength'
  | 'reasonOverdueDays'
  | 'reasonOverdueDaysEmails'
  | 'historyEmailsSince';

type Substitutions = (string | AnalysisWording)[];

/** A sentence of the analysis: a finding's reason, or a part of the opener or call request. */
export type AnalysisWording =
  | { key: SentenceKey; substitutions?: Substitutions }
  | { key: CountedKey; count: number; substitutions?: Substitutions };

/** The words of `wording` in the translation `translate` reads. */
export function sayIn(translate: Translate, wording: AnalysisWording): string {
  return say(wording, translate);
}
