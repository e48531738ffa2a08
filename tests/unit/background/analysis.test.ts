import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Analysis, type AnalysisInput, analyzeDraft } from '../../../lib/analysis';
import { englishMessage } from '../../../scripts/english-messages';
import {
  ANALYSE_MEASURE,
  createAnalysisService,
  PRIME_INPUT,
  sanitizeAnalysisInput,
} from '../../../lib/background/analysis';
import { createMessageHandler } from '../../../lib/background/router';
import {
  AnalysisUnavailable,
  BACKGROUND_IDLE_MS,
  createBackgroundAnalysis,
} from '../../../lib/coach/analyse-in-background';
import { Ledger } from '../../../lib/ledger/ledger';
import { toAnalysisContact } from '../../../lib/coach/contact';
import type { ContactHistory, Request } from '../../../lib/messages';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { testDatabase, useEnglishMessages } from '../ledger/helpers';

const CHECKIN = {
  body: 'Hi Dana, just checking in to see if there is any update?',
  subject: 'Renewal',
  threadMessages: 3,
  recipients: [{ address: 'dana@acme.example', name: 'Dana Reyes' }],
  settings: DEFAULT_SETTINGS,
};

/** The background's message listener on the fake browser, as entrypoints/background.ts registers it. */
function listenLikeTheBackground(analyze?: (input: AnalysisInput) => Analysis) {
  const ledger = new Ledger({ createDb: () => testDatabase().create() });
  const handler = createMessageHandler(ledger, Date.now, createAnalysisService(analyze));
  fakeBrowser.runtime.onMessage.addListener(handler);
  return ledger;
}

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});

describe('the background analysis', () => {
  it('answers an analyse message with what the analysis says of the draft, worded in the UI locale', async () => {
    const ledger = listenLikeTheBackground();
    const { analyse } = createBackgroundAnalysis();
    const analysis = await analyse(CHECKIN);
    expect(analysis).toEqual(analyzeDraft(CHECKIN, englishMessage));
    expect(analysis.nudge).toBe(true);
    expect(analysis.findings.map((f) => f.rule)).toContain('checkin');
    ledger.close();
  });

  it('keeps no draft text: only a timing entry without text is left behind', () => {
    const service = createAnalysisService();
    service.analyse(CHECKIN);
    service.analyse({ ...CHECKIN, body: 'Second draft, also checking in?' });
    const entries = performance.getEntriesByName(ANALYSE_MEASURE);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toMatch(/checking|Dana/);
  });

  it('primes on its own built-in draft, once; the draft reaches the phrase rules, check-in and questions', () => {
    expect(analyzeDraft(PRIME_INPUT, englishMessage).findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['checkin', 'questions']),
    );
    const seen: unknown[] = [];
    const service = createAnalysisService((input) => {
      seen.push(input);
      return analyzeDraft(input, englishMessage);
    });
    expect(service.prime()).toEqual({ ok: true });
    expect(service.prime()).toEqual({ ok: true });
    expect(seen).toEqual([PRIME_INPUT]);
  });

  it('refuses malformed input and survives an analysis that throws', () => {
    expect(createAnalysisService().analyse({ subject: 'no body' })).toEqual({ ok: false });
    expect(createAnalysisService().analyse('just text')).toEqual({ ok: false });
    const failing = createAnalysisService(() => {
      throw new Error('boom');
    });
    expect(failing.analyse(CHECKIN)).toEqual({ ok: false });
    expect(failing.prime()).toEqual({ ok: false });
  });

  it('keeps only well-formed fields of what a page sent', () => {
    const input = sanitizeAnalysisInput({
      body: 'Any update?',
      subject: 42,
      threadMessages: -3,
      recipients: [{ address: 'a@b.example', name: 7 }, 'x', null],
      contact: { overdue: ['yes'], emailsSinceLastCall: 4, lastCallDaysAgo: Number.NaN, nested: { a: 1 } },
      settings: { sensitivity: 'loud', rules: { checkin: false }, somethingElse: true },
      extra: 'dropped',
    });
    expect(input).toEqual({
      body: 'Any update?',
      subject: '',
      threadMessages: 1,
      recipients: [{ address: 'a@b.example' }],
      contact: { emailsSinceLastCall: 4 },
      settings: { rules: { checkin: false } },
    });
  });

  it('passes on everything the coach says of a contact', () => {
    const history: ContactHistory = {
      address: 'dana@acme.example',
      lastCallAt: Date.UTC(2026, 10, 1),
      emailsSinceLastCall: 4,
      lastCall: { at: Date.UTC(2026, 10, 1), nextPurpose: 'agree the renewal date' },
      lastOverdueOnlyNudgeAt: Date.UTC(2026, 10, 20),
    };
    const contact = toAnalysisContact(history, Date.UTC(2026, 11, 2), 14);
    expect(Object.keys(contact).length).toBeGreaterThanOrEqual(5);
    const sent = JSON.parse(JSON.stringify({ ...CHECKIN, contact })) as unknown;
    expect(sanitizeAnalysisInput(sent)?.contact).toEqual(contact);
  });
});

describe('asking the background from the page', () => {
  it('tries once more when the background is still starting', async () => {
    const sent: Request[] = [];
    const { analyse } = createBackgroundAnalysis({
      send: ((request: Request) => {
        sent.push(request);
        if (sent.length === 1)
          return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
        return Promise.resolve({ ok: true, analysis: analyzeDraft(CHECKIN, englishMessage) });
      }) as never,
      sleep: () => Promise.resolve(),
    });
    expect((await analyse(CHECKIN)).nudge).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it('passes on a lost extension context as it is (the coach stops on it), without retrying', async () => {
    let calls = 0;
    const { analyse, wake } = createBackgroundAnalysis({
      send: () => {
        calls++;
        throw new Error('Extension context invalidated.');
      },
    });
    await expect(analyse(CHECKIN)).rejects.toThrow('Extension context invalidated.');
    expect(calls).toBe(1);
    expect(() => wake()).not.toThrow();
  });

  it('is unavailable when no background answers, and says so when the background could not analyse', async () => {
    const noReceiver = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    const gone = createBackgroundAnalysis({ send: noReceiver, sleep: () => Promise.resolve() });
    await expect(gone.analyse(CHECKIN)).rejects.toBeInstanceOf(AnalysisUnavailable);
    const silent = createBackgroundAnalysis({ send: () => Promise.resolve(undefined) });
    await expect(silent.analyse(CHECKIN)).rejects.toBeInstanceOf(AnalysisUnavailable);
    listenLikeTheBackground(() => {
      throw new Error('boom');
    }).close();
    const failing = createBackgroundAnalysis().analyse(CHECKIN);
    await expect(failing).rejects.toThrow('the background could not analyse the draft');
    await expect(failing).rejects.not.toBeInstanceOf(AnalysisUnavailable);
  });

  it('wakes the background when a window opens and after a quiet spell, not on every keystroke', async () => {
    let clock = 0;
    const sent: string[] = [];
    const client = createBackgroundAnalysis({
      send: ((request: Request) => {
        sent.push(request.type);
        return Promise.resolve(
          request.type === 'analyse' ? { ok: true, analysis: analyzeDraft(CHECKIN, englishMessage) } : { ok: true },
        );
      }) as never,
      now: () => clock,
    });
    client.wake();
    client.wake();
    expect(sent).toEqual(['prime_analysis']);
    clock += 10_000;
    await client.analyse(CHECKIN);
    clock += BACKGROUND_IDLE_MS - 1;
    client.wake();
    expect(sent).toEqual(['prime_analysis', 'analyse']);
    clock += 2;
    client.wake();
    expect(sent).toEqual(['prime_analysis', 'analyse', 'prime_analysis']);
  });
});
