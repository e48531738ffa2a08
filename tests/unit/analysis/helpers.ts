import { analyzeDraft, type AnalysisInput } from '../../../lib/analysis';
import { englishMessage } from '../../../scripts/english-messages';
import type { RuleId } from '../../../lib/settings/schema';

/** The rules that found something in a draft (near misses included). */
export function rulesOf(body: string, extra: Omit<AnalysisInput, 'body'> = {}): RuleId[] {
  return analyzeDraft({ body, ...extra }, englishMessage).findings.map((f) => f.rule);
}

export function nudges(body: string, extra: Omit<AnalysisInput, 'body'> = {}): boolean {
  return analyzeDraft({ body, ...extra }, englishMessage).nudge;
}
