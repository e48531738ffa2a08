import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeTitle, coalesce, showBadge } from '../../../lib/background/badge';
import { handleCommand, openCallLog, POPUP_INTENT_KEY, takePopupIntent } from '../../../lib/background/commands';
import { createMessageHandler } from '../../../lib/background/router';
import { MIDNIGHT_ALARM, startBackground, type Background } from '../../../lib/background';
import { Ledger } from '../../../lib/ledger/ledger';
import { PENDING_STATE_KEY, sessionPendingStore } from '../../../lib/ledger/session';
import type { ContactHistory } from '../../../lib/messages';
import { call, email, englishMessage, testDatabase, useEnglishMessages } from './helpers';

let ledgers: Ledger[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});
afterEach(() => {
  ledgers.forEach((l) => l.close());
  ledgers = [];
});

function testLedger() {
  const tdb = testDatabase();
  const ledger = new Ledger({ createDb: () => tdb.create() });
  ledgers.push(ledger);
  return { ledger, tdb };
}

describe('message handler', () => {
  it('records valid events and refuses malformed ones', async () => {
    const { ledger } = testLedger();
    const handle = createMessageHandler(ledger);
    const sent = email('dana@acme.example', Date.now(), 'k1');
    expect(await handle({ type: 'record', event: sent })).toEqual({ ok: true, outcome: 'saved' });
    expect(await handle({ type: 'record', event: sent })).toEqual({ ok: true, outcome: 'duplicate' });
    expect(await handle({ type: 'record', event: { ...sent, key: 42 } })).toEqual({ ok: false, outcome: 'invalid' });
    expect(handle({ type: 'something_else' })).toBeUndefined();
    expect(handle('record')).toBeUndefined();
  });

  it('answers contact history, clears and flushes', async () => {
    const { ledger } = testLedger();
    const handle = createMessageHandler(ledger);
    await handle({ type: 'record', event: email([{ address: 'dana@acme.example', name: 'Dana' }], Date.now(), 'k1') });
    const history = (await handle({
      type: 'contact_history',
      addresses: ['DANA@acme.example', 'x@y.example'],
    })) as ContactHistory[];
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ address: 'dana@acme.example', name: 'Dana', emailsSinceLastCall: 1 });
    expect(await handle({ type: 'flush_ledger' })).toEqual({ ok: true, persistent: true });
    expect(await handle({ type: 'clear_ledger' })).toEqual({ ok: true });
    expect(await handle({ type: 'contact_history', addresses: ['dana@acme.example'] })).toEqual([]);
  });
});

describe('badge', () => {
  it('titles the button with today’s calls and emails', () => {
    expect(badgeTitle({ calls: 2, emails: 9 }, true, englishMessage)).toBe('2 calls · 9 emails today');
    expect(badgeTitle({ calls: 1, emails: 1 }, true, englishMessage)).toBe('1 call · 1 email today');
    expect(badgeTitle({ calls: 0, emails: 3 }, false, englishMessage)).toBe('0 calls · 3 emails today (not saved yet)');
  });

  it('shows today’s calls, green once the goal is met', async () => {
    await showBadge({ counts: { calls: 2, emails: 9 }, goal: 5, saved: true });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toBe('2 calls · 9 emails today');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([28, 100, 210, 255]);
    await showBadge({ counts: { calls: 5, emails: 9 }, goal: 5, saved: true });
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([31, 138, 60, 255]);
  });

  it('coalesces bursts of refreshes', async () => {
    let runs = 0;
    const refresh = coalesce(async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
    });
    await Promise.all([refresh(), refresh(), refresh(), refresh()]);
    await refresh();
    expect(runs).toBe(3); // the first, one for the burst behind it, and the last
  });
});

describe('log-call command', () => {
  it('opens the popup with a log-call intent', async () => {
    const openPopup = vi.spyOn(fakeBrowser.action, 'openPopup').mockResolvedValue(undefined);
    await handleCommand('log-call');
    expect(openPopup).toHaveBeenCalledOnce();
    expect(await takePopupIntent()).toBe(true);
    expect(await takePopupIntent()).toBe(false); // taken once
    expect(handleCommand('something-else')).toBeUndefined();
  });

  it('falls back to a popup window when the popup cannot open', async () => {
    vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('no active browser window'));
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await openCallLog();
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/\/popup\.html#log-call$/) as unknown, type: 'popup' }),
    );
  });

  it('ignores a stale intent', async () => {
    await fakeBrowser.storage.session.set({ [POPUP_INTENT_KEY]: { view: 'log-call', at: Date.now() - 60_000 } });
    expect(await takePopupIntent()).toBe(false);
  });
});

describe('pending events in storage.session', () => {
  it('keeps them there while storage fails, and removes them once saved', async () => {
    const tdb = testDatabase();
    const ledger = new Ledger({
      createDb: () => tdb.create(),
      pending: sessionPendingStore(),
      retryDelaysMs: [60_000],
    });
    ledgers.push(ledger);
    tdb.failure.writes = true;
    await ledger.record(call('a@x.example', Date.now(), 'c1'));
    const got = await fakeBrowser.storage.session.get(PENDING_STATE_KEY);
    expect(got[PENDING_STATE_KEY]).toMatchObject({ status: { persistent: false, problem: 'quota', pending: 1 } });
    tdb.failure.writes = false;
    await ledger.flush();
    expect(await fakeBrowser.storage.session.get(PENDING_STATE_KEY)).toEqual({});
  });
});

describe('startBackground', () => {
  let bg: Background | undefined;
  afterEach(async () => {
    await bg?.ledger.clear();
    bg?.ledger.close();
    bg = undefined;
  });

  beforeEach(() => {
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  });

  it('records messages and keeps the badge on today’s calls', async () => {
    bg = startBackground();
    const now = Date.now();
    await fakeBrowser.runtime.sendMessage({ type: 'record', event: email('a@x.example', now, 'e1') });
    await fakeBrowser.runtime.sendMessage({ type: 'record', event: email('a@x.example', now, 'e2') });
    await fakeBrowser.runtime.sendMessage({ type: 'record', event: call('a@x.example', now, 'c1') });
    await bg.refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toBe('1 call · 2 emails today');
  });

  describe('at local midnight', () => {
    // Only Date is faked: IndexedDB (fake-indexeddb) still needs real timers.
    const lateEvening = new Date(2026, 2, 10, 23, 58).getTime();
    const nextMidnight = new Date(2026, 2, 11).getTime();
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(lateEvening);
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    async function midnightAlarm() {
      const alarm = await fakeBrowser.alarms.get(MIDNIGHT_ALARM);
      expect(alarm).toBeDefined();
      return alarm!;
    }

    it('sets an alarm for just after the next local midnight', async () => {
      bg = startBackground();
      await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).toHaveLength(1));
      expect((await midnightAlarm()).scheduledTime).toBe(nextMidnight + 1_000);
    });

    it('turns the badge over to the new day, prunes, and sets the next alarm when it fires', async () => {
      bg = startBackground();
      await fakeBrowser.runtime.sendMessage({ type: 'record', event: call('a@x.example', Date.now(), 'c1') });
      await bg.refreshBadge();
      expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
      await vi.waitFor(async () =>
        expect(await fakeBrowser.storage.local.get('ledgerPrunedDay')).toEqual({ ledgerPrunedDay: '2026-03-10' }),
      );
      const prune = vi.spyOn(bg.ledger, 'prune');

      // The background slept through the evening; the alarm wakes it after midnight.
      const alarm = await midnightAlarm();
      vi.setSystemTime(alarm.scheduledTime);
      await fakeBrowser.alarms.onAlarm.trigger(alarm);

      await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('0'));
      expect(await fakeBrowser.action.getTitle({})).toBe('0 calls · 0 emails today');
      await vi.waitFor(async () =>
        expect(await fakeBrowser.storage.local.get('ledgerPrunedDay')).toEqual({ ledgerPrunedDay: '2026-03-11' }),
      );
      expect(prune).toHaveBeenCalledOnce();
      await vi.waitFor(async () =>
        expect((await midnightAlarm()).scheduledTime).toBe(new Date(2026, 2, 12).getTime() + 1_000),
      );
    });

    it('ignores alarms of other names', async () => {
      bg = startBackground();
      await fakeBrowser.runtime.sendMessage({ type: 'record', event: call('a@x.example', Date.now(), 'c1') });
      await bg.refreshBadge();
      const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
      const scheduled = (await midnightAlarm()).scheduledTime;
      vi.setSystemTime(scheduled);
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-else', scheduledTime: scheduled });
      expect(setBadgeText).not.toHaveBeenCalled();
      expect((await midnightAlarm()).scheduledTime).toBe(scheduled);
    });
  });
});
