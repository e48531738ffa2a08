// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisInput } from '../../../lib/analysis';
import { type CoachDeps, startCoach } from '../../../lib/coach';
import type { NudgeView } from '../../../lib/coach/mount';
import { wasSent } from '../../../lib/coach/send';
import { gmailHost } from '../../../lib/hosts/gmail';
import type { ComposeHost } from '../../../lib/hosts/types';
import type { LedgerEvent, Request } from '../../../lib/messages';
import type { ResolvedSettings } from '../../../lib/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { CHECKIN, fakeContext, loadFixture, NONE } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
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
        await sleep(options.settingsDelay ?? 0);
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
afterEach(() => {
  current?.fake.invalidate();
  current = undefined;
});

describe('startCoach', () => {
  it('finds windows already open, analyses after a pause and shows the nudge once per level and reasons', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await sleep(20);
    expect(t.coach.sessionCount).toBe(1);
    type('Hi Dana, just checking in.');
    await sleep(200);
    expect(t.views.filter(Boolean)).toHaveLength(0); // still within the pause
    await sleep(350);
    expect(t.views.at(-1)?.reasons).toEqual(['checkin']);
    type('Hi Dana, just checking in. Really.');
    await sleep(500);
    expect(t.records.filter((r) => r.type === 'nudge_shown')).toHaveLength(1);
    // No draft text in anything sent to the background.
    expect(JSON.stringify(t.requests)).not.toContain('checking in');
  });

  it('counts a click on Send once (mouseup and click both fire) when the window leaves', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await sleep(20);
    click(sendButton());
    document.querySelector('[role="dialog"]')!.remove();
    await sleep(50);
    expect(t.sent()).toHaveLength(1);
    expect(t.sent()[0]).toMatchObject({
      recipients: [{ address: 'dana@acme.example', name: 'Dana Whitfield' }],
      host: 'gmail',
    });
  });

  it('counts Ctrl+Enter in the body as a send intent', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await sleep(20);
    document
      .querySelector('[g_editable]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    document.querySelector('[role="dialog"]')!.remove();
    await sleep(50);
    expect(t.sent()).toHaveLength(1);
  });

  it('does not count a window that closes without a send intent, after a discard, or behind a validation dialog', async () => {
    load('three-windows.html');
    let blocking = false;
    const t = (current = setup({ host: { hasBlockingDialog: () => blocking } }));
    await sleep(20);
    expect(t.coach.sessionCount).toBe(3);
    const dialogs = document.querySelectorAll('[role="dialog"]');
    dialogs[0]!.remove(); // closed with no intent
    const sendIn = (i: number) => dialogs[i]!.querySelector('.Up [role="button"]:not([aria-haspopup])');
    click(sendIn(1));
    click(dialogs[1]!.querySelector('.oh'));
    dialogs[1]!.remove(); // discarded after a send click
    click(sendIn(2));
    blocking = true;
    await sleep(30);
    blocking = false;
    dialogs[2]!.remove(); // the send was stopped by a dialog, then the window was closed
    await sleep(50);
    expect(t.sent()).toHaveLength(0);
  });

  it('quiet mode never shows the nudge but still counts sends, and settings apply to open windows at once', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await sleep(20);
    type('just checking in');
    await sleep(450);
    expect(t.views.at(-1)).not.toBeNull();
    t.changeSettings({ quietMode: true });
    expect(t.views.at(-1)).toBeNull();
    click(sendButton());
    document.querySelector('[role="dialog"]')!.remove();
    await sleep(50);
    expect(t.sent()[0]).toMatchObject({ level: 'none', reasons: [] });
  });

  it('holds records until settings are known and does nothing when the site is switched off', async () => {
    load('compose-new.html');
    const t = (current = setup({ settings: { sites: ['outlook'] }, settingsDelay: 60 }));
    await sleep(10);
    click(sendButton());
    document.querySelector('[role="dialog"]')!.remove();
    await sleep(120);
    expect(t.records).toEqual([]);
  });

  it('a page that opens with empty drafts asks the background nothing; focusing a window warms it', async () => {
    load('three-windows.html');
    const t = (current = setup());
    await sleep(20);
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
    await sleep(20);
    t.fake.invalidate();
    document.querySelector('[g_editable]')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    type('Hi Dana, just checking in?');
    expect(t.primes()).toBe(0);
  });

  it('stops quietly when the extension context goes away', async () => {
    load('compose-new.html');
    const t = (current = setup());
    await sleep(20);
    t.fake.invalidate();
    type('just checking in');
    click(sendButton());
    document.querySelector('[role="dialog"]')!.remove();
    await sleep(500);
    expect(t.records).toEqual([]);
    expect(t.coach.sessionCount).toBe(0);
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
    await sleep(500); // past the analysis pause and an idle scan: nothing may run
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
    await sleep(500);
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
