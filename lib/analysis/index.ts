/**
 * CallFirst's draft analysis: a draft in, a verdict out — whether to nudge the rep to call instead,
 * how strongly, why, and a ready call opener. Pure TypeScript: no DOM, no browser APIs, so the content
 * script, the CLI and the tests run the same code.
 */
import { DEFAULT_SETTINGS, type RuleId, type Settings } from '../settings/schema';
import { boundBody, boundOwnText, estimateWords } from './bounded';
import { levelFor } from './combine';
import type { DraftContext } from './context';
import { detectCheckin } from './detectors/checkin';
import { detectConflict } from './detectors/conflict';
import { detectLength } from './detectors/length';
import { detectOverdue } from './detectors/overdue';
import { findPurpose, proposalPenalty } from './detectors/purpose';
import { countQuestions, detectQuestions } from './detectors/questions';
import { detectThread } from './detectors/thread';
import { draftFeatures, FEATURE_RULES, type FeatureName, type Features } from './features';
import { broadcastPenalty } from './features/audience';
import { detectLanguage } from './language';
import { explain } from './model/explain';
import { predict, scoreOf, SHIPPED_MODEL, type Model } from './model/logistic';
import { purposeFromNextContact } from './last-call';
import { buildCallRequest, buildOpener, buildPurpose } from './opener';
import { overdueMayStandAlone } from './overdue-alone';
import { extractOwnText } from './own-text';
import { PhraseMatcher } from './phrase-match';
import { customCheckinSet, PHRASE_SETS } from './phrase-sets';
import { splitSentences } from './sentences';
import { findTopic } from './topic';
import type { Analysis, AnalysisInput, Signal } from './types';
import type { Translate } from '../wording';

export type * from './types';
export type { Features } from './features';
export type { Model } from './model/logistic';
export type { AnalysisWording } from './wording';

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

/** The rep's own text, read up to the bound, and its word count including what lies past it. */
function boundedOwnText(body: string) {
  const bodyHead = boundBody(body);
  const own = extractOwnText(bodyHead.body);
  // Own text that runs to the end of the body read continues past it: that rest counts as length.
  const runsOn = bodyHead.rest > 0 && own.text.length > 0 && bodyHead.body.trimEnd().endsWith(own.text.slice(-50));
  const ownHead = boundOwnText(own.text);
  return { own, text: ownHead.text, rest: ownHead.rest + (runsOn ? bodyHead.rest : 0) };
}

/** Everything the analysis reads from a draft before the model weighs it. */
function readDraft(input: AnalysisInput) {
  const settings = mergeSettings(input.settings);
  const { own, text: ownText, rest } = boundedOwnText(input.body);
  const text = removeIgnored(ownText, settings.ignorePhrases);
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
    words: estimateWords(text, rest),
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
  const features = draftFeatures(ctx, sentences, signals);
  // A rule switched off in settings contributes nothing, learned or not.
  for (const name of Object.keys(FEATURE_RULES) as FeatureName[]) {
    const rule = FEATURE_RULES[name];
    if (rule !== 'purpose' && rule !== 'context' && !settings.rules[rule]) features.values[name] = 0;
  }
  return { settings, own, ctx, sentences, signals, features };
}

/** The named features of a draft, as `npm run train` learns from them. */
export function featuresOf(input: AnalysisInput): Features {
  return readDraft(input).features.values;
}

/**
 * `translate` words the opener and the call request: the extension passes browser.i18n (the rep's UI
 * locale), Node the English messages (scripts/english-messages.ts). They are in the UI locale, not
 * the draft's language: the rep says the opener on the call and reads it in the nudge beside the
 * other text in that locale, and browser.i18n offers no other locale's messages (the draft's
 * language would need every translation shipped and loaded by hand, for a guess from a few words).
 * `model` is the learned combination; leave-one-writer-out evaluation passes one trained without the
 * held-out writer.
 */
export function analyzeDraft(input: AnalysisInput, translate: Translate, model: Model = SHIPPED_MODEL): Analysis {
  const { settings, own, ctx, sentences, signals, features } = readDraft(input);
  const { text, language, english } = ctx;
  // A draft that already proposes a call, or a first message to many readers, has no call to add.
  const broadcast = broadcastPenalty(text, ctx.threadMessages);
  const prediction = predict(model, features.values, proposalPenalty(ctx.purpose) + broadcast);
  const { reasons, findings } = explain(prediction, signals, ctx, features);
  // The question and word thresholds are the manager's settings: a draft that reaches one at full weight (a
  // letter to one reader, not a document) is question-heavy or long, whatever the model's weights; a
  // broadcast has no one reader.
  const atThreshold =
    !broadcast && signals.some((s) => (s.rule === 'questions' || s.rule === 'length') && s.weight >= 1);
  const score = Math.max(scoreOf(model, prediction.logit), atThreshold && reasons.length ? 1 : 0);
  // Every nudge says why: without a reason to show, there is no nudge.
  let level = reasons.length ? levelFor(score, settings.sensitivity) : 'none';

  const firstName = firstNameOf(input, own.greetingName);
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
      translate,
    );
  return {
    nudge: level !== 'none',
    level,
    score,
    findings,
    opener: buildOpener(purpose, translate),
    openerSource: carried ? 'last_call' : 'draft',
    callRequest: buildCallRequest(purpose, { greeting: own.greeting, firstName, signOff: own.signOff }, translate),
    language,
    words: ctx.words,
    questions: ctx.questions.count,
  };
}
