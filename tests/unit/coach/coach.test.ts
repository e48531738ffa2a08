// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisInput } from '../../../lib/analysis';
import { type CoachDeps, startCoach } from '../../../lib/coach';
import type { NudgeView } from '../../../lib/coach/mount';
import { wasSent } from '../../../lib/coach/send';
import { gmailHost } from '../../../lib/hosts/gmail';
import type { ComposeHost } from '../../../lib/hosts/types';
import type { LedgerEvent, Request } from '../../../lib/messages';
import type { ResolvedSettings } from '../../../lib/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { CHECKIN, emulateInsertText, fakeContext, loadFixture, NONE, useFakeClock } from './helpers';

/** Lets `ms` of page time pass on the fake clock, running every timer and answer due in it. */
const elapse = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const load = (file: string) => loadFixture(`gmail/${file}`);

function setup(options: { settings?: Partial<Settings>; host?: Partial<ComposeHost>; settingsDelay?: number } = {}) {
  /** Once true, every extension API throws as it does in a content script whose extension was updated. */
  let extensionGone = false;
  let callsAfterGone = 0;
  let removed = 0;
  const api = <T>(call: () => T): T => {
    if (!extensionGone) return call();
    callsAfterGone++;
    throw new Error('Extension context invalidated.');
  };
  const records: LedgerEvent[] = [];
  const requests: Request[] = [];
  const views: (NudgeView | null)[] = [];
  const analysed: AnalysisInput[] = [];
  let warms = 0;
  let watcher: ((s: ResolvedSettings) => void) | undefined;
  const resolved = (values: Partial<Settings>): ResolvedSettings => ({
    values: { ...DEFAULT_SETTINGS, ...values },
    locked: [],
    problems: [],
  });
  const deps: Partial<CoachDeps> = {
    analyse: (input) => {
      analysed.push(input);
      return Promise.resolve(/checking in/i.test(input.body) ? CHECKIN : NONE);
    },
    warm: () => warms++,
    send: ((req: Request) =>
      api(() => {
        requests.push(req);
        if (req.type === 'record') records.push(req.event);
        return Promise.resolve(req.type === 'record' ? { ok: true } : []);
      })) as CoachDeps['send'],
    loadSettings: () =>
      api(async () => {
        await new Promise((ready) => setTimeout(ready, options.settingsDelay ?? 0));
        return resolved(options.settings ?? {});
      }),
    watchSettings: (cb) =>
      api(() => {
        watcher = cb;
        // What removing a storage listener does once the extension has gone: `browser.storage` is undefined.
        return () => api(() => undefined);
      }),
    updateUserSettings: () => api(() => Promise.resolve()),
    reportDiagnostics: () => api(() => Promise.resolve()),
    mountNudge: () =>
      api(() =>
        Promise.resolve({
          update: (view: NudgeView | null) => views.push(view),
          remove: () => removed++,
          connected: true,
        }),
      ),
  };
  const fake = fakeContext();
  // Sends count at once unless a test brings Undo Send in (its own tests below).
  const host = { ...gmailHost, undoSend: undefined, ...options.host };
  const coach = startCoach(fake.ctx, host, { deps });
  return {
    coach,
    records,
    requests,
    views,
    fake,
    primes: () => warms,
    analysed,
    changeSettings: (values: Partial<Settings>) => watcher?.(resolved(values)),
    sent: () => records.filter((r) => r.type === 'email_sent'),
    /** From now on every extension API throws "Extension context invalidated". */
    extensionGoes: () => {
      extensionGone = true;
    },
    callsAfterGone: () => callsAfterGone,
    removed: () => removed,
  };
}

function type(text: string, index = 0) {
  const body = document.querySelectorAll<HTMLElement>('[g_editable]')[index]!;
  body.textContent = text;
  body.dispatchEvent(new Event('input', { bubbles: true }));
}

function click(el: Element | null) {
  el!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  el!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}

const sendButton = (i = 0) => document.querySelectorAll('.Up [role="button"]:not([aria-haspopup])')[i]!;

let current: ReturnType<typeof setup> | undefined;
beforeEach(() => {
  useFakeClock();
});
afterEach(() => {
  current?.fake.invalidate();
  current = undefined;
  vi.useRealTimers();
});

describe('startCoach', () => {
  it('finds windows already open, analyses after a pause and shows the nudge once per level and reasons', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await elapse(20);
    expect(t.coach.sessionCount).toBe(1);
    type('Hi Dana, just checking in.');
    await elapse(200);
    expect(t.views.filter(Boolean)).toHaveLength(0); // still within the pause
    await elapse(350);
    expect(t.views.at(-1)?.reasons).toEqual(['checkin']);
    type('Hi Dana, just checking in. Really.');
    await elapse(500);
    expect(t.records.filter((r) => r.type === 'nudge_shown')).toHaveLength(1);
    // No draft text in anything sent to the background.
    expect(JSON.stringify(t.requests)).not.toContain('checking in');
  });

  it('counts a click on Send once (mouseup and click both fire) when the window leaves', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await elapse(20);
    click(sendButton());
    document.querySelector('[role="dialog"]')!.remove();
    await elapse(50);
    expect(t.sent()).toHaveLength(1);
    expect(t.sent()[0]).toMatchObject({
      recipients: [{ address: 'dana@acme.example', name: 'Dana Whitfield' }],
      host: 'gmail',
    });
  });

  it('counts Ctrl+Enter in the body as a send intent', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await elapse(20);
    document
      .querySelector('[g_editable]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    document.querySelector('[role="dialog"]')!.remove();
    await elapse(50);
    expect(t.sent()).toHaveLength(1);
  });

  it('does not count a window that closes without a send intent, after a discard, or behind a validation dialog', async () => {
    load('three-windows.html');
    let blocking = false;
    const t = (current = setup({ host: { hasBlockingDialog: () => blocking } }));
    await elapse(20);
    expect(t.coach.sessionCount).toBe(3);
    const dialogs = document.querySelectorAll('[role="dialog"]');
    dialogs[0]!.remove(); // closed with no intent
    const sendIn = (i: number) => dialogs[i]!.querySelector('.Up [role="button"]:not([aria-haspopup])');
    click(sendIn(1));
    click(dialogs[1]!.querySelector('.oh'));
    dialogs[1]!.remove(); // discarded after a send click
    click(sendIn(2));
    blocking = true;
    await elapse(30);
    blocking = false;
    dialogs[2]!.remove(); // the send was stopped by a dialog, then the window was closed
    await elapse(50);
    expect(t.sent()).toHaveLength(0);
  });

  it('quiet mode never shows the nudge but still counts sends, and settings apply to open windows at once', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await elapse(20);
    type('just checking in');
    await elapse(450);
    expect(t.views.at(-1)).not.toBeNull();
    t.changeSettings({ quietMode: true });
    expect(t.views.at(-1)).toBeNull();
    click(sendButton());
    document.querySelector('[role="dialog"]')!.remove();
    await elapse(50);
    expect(t.sent()[0]).toMatchObject({ level: 'none', reasons: [] });
  });

  it('holds records until settings are known and does nothing when the site is switched off', async () => {
    load('compose-new.html');
    const t = (current = setup({ settings: { sites: ['outlook'] }, settingsDelay: 60 }));
    await elapse(10);
    click(sendButton());
    document.querySelector('[role="dialog"]')!.remove();
    await elapse(120);
    expect(t.records).toEqual([]);
  });

  it('a page that opens with empty drafts asks the background nothing; focusing a window warms it', async () => {
    load('three-windows.html');
    const t = (current = setup());
    await elapse(20);
    expect(t.coach.sessionCount).toBe(3);
    expect(t.primes()).toBe(0);
    expect(t.analysed).toEqual([]); // no words of the rep's own: no analysis asked for
    expect(t.requests).toEqual([]); // nor the ledger about the recipients
    const body = document.querySelector('[g_editable]')!;
    body.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(t.primes()).toBe(1);
    type('Hi Dana, just checking in on the renewal?');
    expect(t.requests.map((r) => r.type)).toEqual(['contact_history']); // asked at the first edit, before the pause
    await vi.waitFor(() => expect(t.views.at(-1)?.reasons).toEqual(['checkin']));
    expect(t.analysed).toHaveLength(1);
  });

  it('warms nothing once the context has gone away', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await elapse(20);
    t.fake.invalidate();
    document.querySelector('[g_editable]')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    type('Hi Dana, just checking in?');
    expect(t.primes()).toBe(0);
  });

  it('stops quietly when the extension context goes away', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await elapse(20);
    t.fake.invalidate();
    type('just checking in');
    click(sendButton());
    document.querySelector('[role="dialog"]')!.remove();
    await elapse(500);
    expect(t.records).toEqual([]);
    expect(t.coach.sessionCount).toBe(0);
  });
});

describe('Undo Send', () => {
  /** Gmail's send with Undo Send on: the window goes and the "Message sent · Undo" toast shows. */
  function sendUndoably() {
    click(sendButton());
    const frame = document.querySelector<HTMLElement>('[role="dialog"]')!;
    const place = { parent: frame.parentNode!, next: frame.nextSibling };
    frame.remove();
    const toast = document.createElement('div');
    toast.setAttribute('role', 'alert');
    toast.innerHTML = 'Message sent. <span id="link_undo" role="link" tabindex="0">Undo</span>';
    document.body.append(toast);
    return {
      /** The rep presses Undo: the toast goes and the same window comes back. */
      undo: () => {
        click(toast.querySelector('#link_undo'));
        toast.remove();
        place.parent.insertBefore(frame, place.next);
      },
      runOut: () => toast.remove(),
    };
  }
  const accepted = (t: ReturnType<typeof setup>) => t.records.filter((r) => r.type === 'nudge_accepted');
  /** A new Gmail draft with undo send, nudged as a check-in, whose rep took the call-request rewrite. */
  async function checkinRewrittenAsCallRequest() {
    emulateInsertText();
    load('compose-new.html');
    const t = (current = setup({ host: { undoSend: gmailHost.undoSend } }));
    type('Hi Dana, just checking in.');
    await vi.waitFor(() => expect(t.views.at(-1)?.reasons).toEqual(['checkin']));
    t.views.at(-1)!.actions.askForCall();
    return t;
  }

  it('takes back the rewrite accepted with the send; sent again, the draft records it and the email once', async () => {
    const t = await checkinRewrittenAsCallRequest();
    expect(document.querySelector('[g_editable]')!.textContent).toBe(CHECKIN.callRequest);

    const first = sendUndoably();
    await elapse(2_000);
    first.undo();
    await elapse(40_000); // longer than any offer: nothing of the undone send may count late
    expect(t.coach.sessionCount).toBe(1); // the draft is back
    expect(t.records.filter((r) => r.type !== 'nudge_shown')).toEqual([]);

    const second = sendUndoably();
    await elapse(5_000);
    expect(accepted(t)).toEqual([]);
    second.runOut();
    await elapse(2_000);
    expect(accepted(t)).toMatchObject([{ action: 'call_request', reasons: ['checkin'] }]);
    expect(t.sent()).toHaveLength(1);
  });

  it("a draft brought back and returned to the rep's own words before Send accepts nothing", async () => {
    const t = await checkinRewrittenAsCallRequest();
    const first = sendUndoably();
    await elapse(1_000);
    first.undo();
    await elapse(500);
    type('Hi Dana, just checking in.');
    const again = sendUndoably();
    await elapse(1_000);
    again.runOut();
    await elapse(2_000);
    expect(t.sent()).toHaveLength(1);
    expect(accepted(t)).toEqual([]);
  });
});

describe('an extension update under an open draft', () => {
  it('an extension API saying the context is gone stops the coach: its nudge goes and no API is called again', async () => {
    load('compose-new.html');
    const t = (current = setup());
    type('Hi Dana, just checking in.');
    await vi.waitFor(() => expect(t.views.at(-1)).toBeTruthy());
    t.extensionGoes();
    t.views.at(-1)!.actions.logCall({ purpose: 'Renewal', discussed: '', proposed: '', nextPurpose: '' });
    await vi.waitFor(() => expect(t.coach.sessionCount).toBe(0));
    expect(t.removed()).toBe(1);
    const calls = t.callsAfterGone();
    type('Hi Dana, just checking in again.');
    click(sendButton());
    document.querySelector('[role="dialog"]')!.remove();
    await elapse(500); // past the analysis pause and an idle scan: nothing may run
    expect(t.callsAfterGone()).toBe(calls);
    expect(t.coach.sessionCount).toBe(0);
  });

  it('when the context is invalidated, stopping throws nothing into the page, even with extension storage gone', async () => {
    load('compose-new.html');
    const t = (current = setup());
    type('Hi Dana, just checking in.');
    await vi.waitFor(() => expect(t.views.at(-1)).toBeTruthy());
    t.extensionGoes();
    expect(() => t.fake.invalidate()).not.toThrow();
    expect(t.removed()).toBe(1);
    expect(t.coach.sessionCount).toBe(0);
    type('Hi Dana, just checking in again.');
    click(sendButton());
    await elapse(500);
    // Only the listener removal was tried (and its error kept from the page).
    expect(t.callsAfterGone()).toBe(1);
  });
});

describe('wasSent', () => {
  it('needs a fresh intent, no later discard and no blocking dialog', () => {
    expect(wasSent({}, 1000, false)).toBe(false);
    expect(wasSent({ sendIntentAt: 900 }, 1000, false)).toBe(true);
    expect(wasSent({ sendIntentAt: 900 }, 1000, true)).toBe(false);
    expect(wasSent({ sendIntentAt: 900, discardAt: 950 }, 1000, false)).toBe(false);
    expect(wasSent({ sendIntentAt: 0 }, 10 * 60_000, false)).toBe(false);
  });
});
