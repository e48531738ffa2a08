/**
 * When "not called in a while" may show the nudge by itself, with no other reason: at most once per
 * contact in a week (whether the rep acted on it or dismissed it), never on a draft that only thanks,
 * delivers, confirms or schedules, and not before the draft says anything beyond a greeting (an empty
 * draft may yet become a delivery, and would spend the week's one nudge). Beside another reason it
 * always adds its line.
 * Source: issue #11 item 4 — the overdue signal must not nag.
 */
import { isRoutineDraft, routineTypeOf } from './routine-draft';
import type { ContactHistory } from './types';

/** Days after an overdue-only nudge before the next one for the same contact. */
export const OVERDUE_ALONE_EVERY_DAYS = 7;

export function overdueMayStandAlone(contact: ContactHistory | undefined, sentences: readonly string[]): boolean {
  const last = contact?.lastOverdueNudgeDaysAgo;
  if (last !== undefined && last < OVERDUE_ALONE_EVERY_DAYS) return false;
  const said = sentences.some((sentence) => routineTypeOf(sentence) !== 'greeting');
  return said && !isRoutineDraft(sentences);
}
