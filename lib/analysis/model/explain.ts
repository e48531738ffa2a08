/**
 * Why the model nudges, in one plain sentence per rule with the draft's own words: the rules whose
 * features added most to the model's logit come first. A detector's own finding is used when it has
 * one; otherwise the feature group's evidence speaks.
 */
import type { RuleId } from '../../settings/schema';
import type { DraftContext } from '../context';
import { lengthMessage } from '../detectors/length';
import type { DraftFeatures } from '../features';
import type { Finding, Signal } from '../types';
import type { Prediction } from './logistic';

/** A rule must add at least this much to the logit to be named as a reason. */
export const MIN_REASON_LOGIT = 1;
const MAX_EVIDENCE = 3;

function featureFinding(rule: RuleId, ctx: DraftContext, features: DraftFeatures): Finding | undefined {
  const evidence = (features.evidence[rule] ?? []).slice(0, MAX_EVIDENCE);
  const asks = ctx.questions.asks.slice(0, MAX_EVIDENCE);
  switch (rule) {
    case 'checkin':
      if (evidence[0]) return { rule, message: { key: 'reasonCheckinOnly', substitutions: [evidence[0]] }, evidence };
      if (asks[0]) return { rule, message: { key: 'reasonCheckinOnly', substitutions: [asks[0]] }, evidence: asks };
      return undefined;
    case 'questions': {
      const count = ctx.questions.count + features.embeddedAsks;
      const all = [...asks, ...evidence].slice(0, MAX_EVIDENCE);
      return all.length
        ? {
            rule,
            message: { key: 'reasonQuestionsAbout', count, substitutions: [String(count)] },
            evidence: all,
          }
        : undefined;
    }
    case 'conflict':
      if (evidence.length)
        return {
          rule,
          message: { key: 'reasonConflictRefuses' },
          evidence,
        };
      // Without words to quote (another language), the figures it puts to the reader are the evidence.
      return features.figureSentences.length
        ? {
            rule,
            message: { key: 'reasonConflictFigures' },
            evidence: features.figureSentences.slice(0, MAX_EVIDENCE),
          }
        : undefined;
    case 'thread':
      return {
        rule,
        message: { key: 'reasonThreadOpenPoints', substitutions: [String(ctx.threadMessages)] },
        ...(asks.length ? { evidence: asks } : {}),
      };
    case 'length':
      return { rule, message: lengthMessage(ctx.words) };
    default:
      return undefined;
  }
}

const findingOf = ({ rule, message, evidence }: Signal): Finding =>
  evidence?.length ? { rule, message, evidence } : { rule, message };

/**
 * The findings to show: the reasons the model weighed most (strongest first), then any other
 * detector findings (near misses) as before.
 */
export function explain(
  prediction: Prediction,
  signals: readonly Signal[],
  ctx: DraftContext,
  features: DraftFeatures,
): { reasons: Finding[]; findings: Finding[] } {
  const reasons: Finding[] = [];
  const ranked = [...prediction.byRule].filter(([, part]) => part >= MIN_REASON_LOGIT).sort((a, b) => b[1] - a[1]);
  for (const [rule] of ranked) {
    if (!ctx.settings.rules[rule]) continue;
    const signal = signals.find((s) => s.rule === rule);
    const finding = signal ? findingOf(signal) : featureFinding(rule, ctx, features);
    if (finding) reasons.push(finding);
  }
  const rest = signals.filter((s) => !reasons.some((r) => r.rule === s.rule)).map(findingOf);
  return { reasons, findings: [...reasons, ...rest] };
}
