/**
 * The draft analysis, run in the background for the content scripts, so a mail page neither loads
 * lib/analysis nor spends main-thread time on it. Draft text arrives in an `analyse` message and is
 * analysed in memory: never stored, never logged. What the analysis read of the last pass's sentences
 * stays in memory until the next pass (so a sentence the rep has not changed is not read again), and
 * goes with the worker when it stops.
 */
import { type Analysis, type AnalysisInput, analyzeDraft, type ContactHistory, type Recipient } from '../analysis';
import { translate } from '../i18n';
import type { ResponseMap } from '../messages';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { validateSettings } from '../settings/validate';

/** A user-timing name (no text in it), so benchmarks can read what each pass cost the background. */
export const ANALYSE_MEASURE = 'callfirst:analyse';
const MAX_RECIPIENTS = 100;
const MAX_FIELD = 320;

/**
 * The draft primed with (never the rep's text), analysed once per background lifetime when a
 * compose window opens: the first analysis is cold (V8 compiles the analysis and the phrase rules a
 * draft touches), and priming pays that before the rep's first pause rather than after it. It
 * reaches the phrase rules, the check-in and question findings and the opener.
 */
export const PRIME_INPUT: AnalysisInput = {
  body:
    'Hi Dana, just checking in to see if there is any update on the renewal? ' +
    'Could you let me know where things stand with legal? Any thoughts on the pricing?',
  subject: 'Renewal',
  threadMessages: 4,
  recipients: [{ name: 'Dana Example', address: 'dana@example.com' }],
  settings: DEFAULT_SETTINGS,
};

const text = (value: unknown, max = MAX_FIELD): string | undefined =>
  typeof value === 'string' && value.length <= max ? value : undefined;
const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;

function recipientsOf(value: unknown): Recipient[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_RECIPIENTS).flatMap((raw: unknown) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const { address, name } = raw as Record<string, unknown>;
    const recipient: Recipient = {};
    if (text(address)) recipient.address = text(address);
    if (text(name)) recipient.name = text(name);
    return [recipient];
  });
}

/**
 * What the ledger says of the contact, as the coach put it (lib/coach/contact.ts): every field a
 * finite number, a boolean or a short string, kept by shape so a field added there arrives here too.
 */
function contactOf(value: unknown): ContactHistory | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const kept = Object.entries(value).filter(
    ([, v]) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' || text(v, 1000) !== undefined,
  );
  return Object.fromEntries(kept);
}

/** The analysis input a content script sent, keeping only well-formed fields; null without a body. */
export function sanitizeAnalysisInput(raw: unknown): AnalysisInput | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { body, subject, threadMessages, recipients, contact, settings } = raw as Record<string, unknown>;
  if (typeof body !== 'string') return null;
  const input: AnalysisInput = {
    body,
    subject: text(subject, 1000) ?? '',
    threadMessages: count(threadMessages) ?? 1,
    recipients: recipientsOf(recipients),
    // Settings the page sent are checked like saved ones; a bad value falls back to its default.
    settings: validateSettings(settings, 'saved').values as AnalysisInput['settings'],
  };
  const history = contactOf(contact);
  if (history) input.contact = history;
  return input;
}

function timed(input: AnalysisInput, analyze: (input: AnalysisInput) => Analysis): Analysis {
  const started = performance.now();
  const analysis = analyze(input);
  // Only the latest pass is kept: the worker can live for hours while a rep writes.
  performance.clearMeasures(ANALYSE_MEASURE);
  performance.measure(ANALYSE_MEASURE, { start: started, end: performance.now() });
  return analysis;
}

/** The analysis with the opener and call request in the browser's UI locale (see analyzeDraft). */
const analyzeInUiLocale = (input: AnalysisInput) => analyzeDraft(input, translate);

/** The background's side of `analyse` and `prime_analysis`. */
export function createAnalysisService(analyze: (input: AnalysisInput) => Analysis = analyzeInUiLocale) {
  let primed = false;
  return {
    analyse(raw: unknown): ResponseMap['analyse'] {
      const input = sanitizeAnalysisInput(raw);
      if (!input) return { ok: false };
      try {
        const analysis = timed(input, analyze);
        primed = true;
        return { ok: true, analysis };
      } catch {
        // No text in logs: the page stays quiet and tries again on the next pause.
        return { ok: false };
      }
    },
    prime(): ResponseMap['prime_analysis'] {
      if (primed) return { ok: true };
      try {
        analyze(PRIME_INPUT);
        primed = true;
        return { ok: true };
      } catch {
        return { ok: false };
      }
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
