/**
 * CallFirst's draft analysis: a draft in, a verdict out — whether to nudge the rep to call instead,
 * how strongly, why, and a ready call opener. Pure TypeScript: no DOM, no browser APIs, so the content
 * script, the CLI and the tests run the same code.
 */
import { DEFAULT_SETTINGS, type RuleId, type Settings } from '../settings/schema';
import { combineScore, levelFor } from './combine';
import type { DraftContext } from './context';
import { detectCheckin } from './detectors/checkin';
import { detectConflict } from './detectors/conflict';
import { detectLength } from './detectors/length';
import { detectOverdue } from './detectors/overdue';
import { findPurpose, purposeDiscount } from './detectors/purpose';
import { countQuestions, detectQuestions } from './detectors/questions';
import { detectThread } from './detectors/thread';
import { detectLanguage } from './language';
import { purposeFromNextContact } from './last-call';
import { buildCallRequest, buildOpener, buildPurpose } from './opener';
import { overdueMayStandAlone } from './overdue-alone';
import { extractOwnText } from './own-text';
import { PhraseMatcher } from './phrase-match';
import { customCheckinSet, PHRASE_SETS } from './phrase-sets';
import { countWords, splitSentences } from './sentences';
import { findTopic } from './topic';
import type { Analysis, AnalysisInput, Finding, Signal } from './types';

export type * from './types';

const DETECTORS: readonly [RuleId, (ctx: DraftContext) => Signal | undefined][] = [
  ['checkin', detectCheckin],
  ['questions', detectQuestions],
  ['length', detectLength],
  ['thread', detectThread],
  ['conflict', detectConflict],
];

function mergeSettings(partial: Partial<Settings> | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...partial, rules: { ...DEFAULT_SETTINGS.rules, ...partial?.rules } };
}

/** Blanks out the rep's never-flag phrases so no detector can see them. */
function removeIgnored(text: string, phrases: readonly string[]): string {
  let result = text;
  for (const phrase of phrases) {
    if (!phrase.trim()) continue;
    const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    result = result.replace(new RegExp(escaped, 'gi'), ' ');
  }
  return result;
}

function firstNameOf(input: AnalysisInput, greetingName: string | undefined): string | undefined {
  const recipient = input.recipients?.[0];
  const fromName = recipient?.name?.trim().split(/\s+/)[0];
  return fromName || greetingName;
}

export function analyzeDraft(input: AnalysisInput): Analysis {
  const settings = mergeSettings(input.settings);
  const own = extractOwnText(input.body);
  const text = removeIgnored(own.text, settings.ignorePhrases);
  const language = detectLanguage(text);
  const english = language === 'en';
  const sentences = splitSentences(text);
  const custom = customCheckinSet(settings.checkinPhrases);
  const matcher = new PhraseMatcher(english ? sentences : [], [
    ...Object.values(PHRASE_SETS),
    ...(custom ? [custom] : []),
  ]);
  const ctx: DraftContext = {
    text,
    words: countWords(text),
    language,
    english,
    subject: input.subject ?? '',
    threadMessages: input.threadMessages ?? 1,
    settings,
    matcher,
    questions: countQuestions(text, matcher, english),
    purpose: findPurpose(matcher, english, text),
  };

  const signals = DETECTORS.filter(([rule]) => settings.rules[rule])
    .map(([, detect]) => detect(ctx))
    .filter((s): s is Signal => s !== undefined)
    .sort((a, b) => b.weight - a.weight);
  const score = combineScore(signals, purposeDiscount(ctx.purpose));
  let level = levelFor(score, settings.sensitivity);

  const firstName = firstNameOf(input, own.greetingName);
  const findings: Finding[] = signals.map(({ rule, message, evidence }) =>
    evidence?.length ? { rule, message, evidence } : { rule, message },
  );
  const overdue = settings.rules.overdue ? detectOverdue(input.contact, firstName) : undefined;
  if (overdue && (level !== 'none' || overdueMayStandAlone(input.contact, english ? sentences : []))) {
    findings.push(overdue);
    if (level === 'none') level = 'suggest';
  }

  const reason = findings[0];
  // The purpose the rep noted after the last call wins; otherwise the draft's own point.
  const carried = purposeFromNextContact(input.contact?.nextPurpose);
  const purpose =
    carried ??
    buildPurpose(
      reason?.rule,
      findTopic({
        reason: reason?.rule,
        sentences,
        asks: ctx.questions.asks,
        evidence: reason?.evidence ?? [],
        readText: english && level !== 'none',
        subject: ctx.subject,
        ownText: text,
      }),
    );
  return {
    nudge: level !== 'none',
    level,
    score,
    findings,
    opener: buildOpener(purpose),
    openerSource: carried ? 'last_call' : 'draft',
    callRequest: buildCallRequest(purpose, firstName, own.signOff),
    language,
    words: ctx.words,
    questions: ctx.questions.count,
  };
}
