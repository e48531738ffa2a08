// @vitest-environment happy-dom
/**
 * One compose window's session against fakes (no browser, no extension): what it shows, what each
 * of the nudge's actions does to the draft, the settings and the ledger, and which analysis answers
 * it drops.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Analysis, AnalysisInput } from '../../../lib/analysis';
import { AnalysisUnavailable } from '../../../lib/coach/analyse-in-background';
import type { NudgeHandle, NudgeView } from '../../../lib/coach/mount';
import type { DraftSent } from '../../../lib/coach/pending-sends';
import type { SiteDiagnostics } from '../../../lib/diagnostics';
import { ComposeSession, type SessionEnv } from '../../../lib/coach/session';
import { gmailHost } from '../../../lib/hosts/gmail';
import type { ContactHistory, LedgerEvent, Request, ResponseOf } from '../../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { useEnglishMessages } from '../ledger/helpers';
import { CHECKIN, deferred, emulateInsertText, fakeContext, loadFixture, NONE, useFakeClock } from './helpers';

const DRAFT = 'Hi Dana, just checking in. The order form is attached.';

function setup(
  answer: (input: AnalysisInput) => Promise<Analysis> = (input) =>
    Promise.resolve(/checking in/i.test(input.body) ? CHECKIN : NONE),
  /** What the ledger answers about the recipients. */
  histories?: ContactHistory[],
) {
  loadFixture('gmail/compose-new.html');
  const win = gmailHost.findComposeWindows(document).windows[0]!;
  win.body.innerHTML = `<div>${DRAFT}</div>`;
  const records: LedgerEvent[] = [];
  const sends: DraftSent[] = [];
  const views: (NudgeView | null)[] = [];
  const changes: Partial<Settings>[] = [];
  const diagnosed: SiteDiagnostics['lastProblem'][] = [];
  const failures: unknown[] = [];
  const fake = fakeContext();
  let settings: Settings = DEFAULT_SETTINGS;
  /** Settings the organisation's policy sets. */
  let locked: (keyof Settings)[] = [];
  let removed = 0;
  let warms = 0;
  const ui: NudgeHandle = {
    update: (view) => views.push(view),
    remove: () => removed++,
    connected: true,
  };
  const env: SessionEnv = {
    ctx: fake.ctx,
    deps: { analyse: answer, warm: () => warms++, mountNudge: () => Promise.resolve(ui), now: () => 1_000 },
    site: 'gmail',
    settings: () => settings,
    canChange: (key) => !locked.includes(key),
    active: () => fake.ctx.isValid,
    alive: () => fake.ctx.isValid,
    request: <R extends Request>(req: R) =>
      Promise.resolve((req.type === 'contact_history' ? histories : undefined) as ResponseOf<R> | undefined),
    record: (event) => records.push(event),
    sent: (send) => {
      sends.push(send);
      records.push(...send.records);
    },
    diagnose: (update) => diagnosed.push(update.lastProblem),
    failed: (error) => failures.push(error),
    changeSettings: (patch) => {
      changes.push(patch);
      settings = { ...settings, ...patch };
      session.settingsChanged();
    },
  };
  const session = new ComposeSession(win, env);
  return {
    session,
    win,
    records,
    sends,
    views,
    /** A new session on the same window, as when the site's Undo Send brings the draft back. */
    reopen: () => new ComposeSession(win, env),
    changes,
    fake,
    removed: () => removed,
    warms: () => warms,
    diagnosed,
    failures,
    /** The nudge's latest view once the session has shown it. */
    shown: async () => {
      await vi.waitFor(() => expect(views.at(-1)).toBeTruthy());
      return views.at(-1)!;
    },
    ofType: <T extends LedgerEvent['type']>(type: T) =>
      records.filter((r): r is Extract<LedgerEvent, { type: T }> => r.type === type),
    lock: (...keys: (keyof Settings)[]) => {
      locked = keys;
    },
  };
}

let current: ReturnType<typeof setup> | undefined;
beforeEach(() => {
  emulateInsertText();
  useFakeClock();
});
afterEach(() => {
  current?.session.close(false);
  current = undefined;
  vi.useRealTimers();
});

describe('ComposeSession', () => {
  it('shows the nudge for a check-in and records it once, with no draft text', async () => {
    const t = (current = setup());
    await t.session.analyse();
    const view = await t.shown();
    expect(view.reasons).toEqual(['checkin']);
    expect(view.model).toMatchObject({
      level: 'suggest',
      canUseOpener: true,
      canMuteContact: true,
      canTurnOffRules: true,
    });
    await t.session.analyse(); // unchanged draft: shown again, not recorded again
    expect(t.ofType('nudge_shown')).toHaveLength(1);
    expect(t.ofType('nudge_shown')[0]).toMatchObject({ recipients: [{ address: 'dana@acme.example' }] });
    expect(JSON.stringify(t.records)).not.toContain('checking in');
  });

  it('"Ask for a call instead" replaces the own words with the call request, accepted once the draft is sent', async () => {
    const t = (current = setup());
    await t.session.analyse();
    (await t.shown()).actions.askForCall();
    expect(t.win.readOwnText()).toBe(CHECKIN.callRequest);
    expect(t.ofType('nudge_accepted')).toEqual([]);
    t.session.noteSendIntent();
    t.session.close(true);
    current = undefined;
    expect(t.records.map((r) => r.type)).toEqual(['nudge_shown', 'nudge_accepted', 'email_sent']);
    expect(t.ofType('nudge_accepted')).toMatchObject([{ action: 'call_request', reasons: ['checkin'] }]);
  });

  it('"Use the opener" replaces only the check-in sentence, accepted once the draft is sent', async () => {
    const t = (current = setup());
    await t.session.analyse();
    (await t.shown()).actions.useOpener();
    // The sentence holding the evidence, greeting and all: Chromium's own sentence is the same.
    expect(t.win.readOwnText()).toBe(`${CHECKIN.opener} The order form is attached.`);
    t.session.close(true);
    current = undefined;
    expect(t.ofType('nudge_accepted')).toMatchObject([{ action: 'opener' }]);
  });

  it("an edit the rep undoes is not accepted: the nudge's Undo, or Ctrl+Z before Send", async () => {
    const undoButton = (current = setup());
    await undoButton.session.analyse();
    (await undoButton.shown()).actions.askForCall();
    undoButton.views.at(-1)!.actions.undo();
    expect(undoButton.win.readOwnText()).toBe(DRAFT);
    undoButton.session.noteSendIntent();
    undoButton.session.close(true);
    expect(undoButton.ofType('nudge_accepted')).toEqual([]);
    expect(undoButton.ofType('email_sent')).toHaveLength(1);

    const ctrlZ = (current = setup());
    await ctrlZ.session.analyse();
    (await ctrlZ.shown()).actions.askForCall();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the editor's own undo, as Ctrl+Z runs it
    document.execCommand('undo');
    ctrlZ.session.noteSendIntent(); // Send right after Ctrl+Z, before the typing pause re-read the draft
    ctrlZ.session.close(true);
    current = undefined;
    expect(ctrlZ.ofType('nudge_accepted')).toEqual([]);
  });

  it('a send the site takes back hands its edits to the draft that returns: accepted once it goes for good', async () => {
    const t = (current = setup());
    await t.session.analyse();
    (await t.shown()).actions.askForCall();
    t.session.noteSendIntent();
    t.session.close(true);
    const [first] = t.sends;
    expect(first!.records.map((r) => r.type)).toEqual(['nudge_accepted', 'email_sent']);
    expect(first!.edits).toMatchObject([{ action: 'call_request', reasons: ['checkin'], before: DRAFT }]);

    const back = t.reopen();
    back.sendUndone(first!.edits);
    back.noteSendIntent();
    back.close(true);
    expect(t.sends[1]!.records.map((r) => r.type)).toEqual(['nudge_accepted', 'email_sent']);
    expect(t.sends[1]!.records[0]).toMatchObject({ action: 'call_request', reasons: ['checkin'] });

    // Brought back and then returned to the rep's own words before Send: not accepted.
    const again = t.reopen();
    again.sendUndone(t.sends[1]!.edits);
    t.win.body.innerHTML = `<div>${DRAFT}</div>`;
    again.noteSendIntent();
    again.close(true);
    current = undefined;
    expect(t.sends[2]!.records.map((r) => r.type)).toEqual(['email_sent']);
  });

  it('an edit the rep keeps and types on is accepted; a draft closed unsent accepts nothing', async () => {
    const kept = (current = setup());
    await kept.session.analyse();
    (await kept.shown()).actions.askForCall();
    kept.win.body.append(' Tuesday works best.');
    await kept.session.analyse();
    kept.session.close(true);
    expect(kept.ofType('nudge_accepted')).toMatchObject([{ action: 'call_request' }]);

    const discarded = (current = setup());
    await discarded.session.analyse();
    (await discarded.shown()).actions.askForCall();
    discarded.session.close(false);
    current = undefined;
    expect(discarded.ofType('nudge_accepted')).toEqual([]);
  });

  it('"Use the opener" changes nothing and records nothing once the sentence is gone', async () => {
    const t = (current = setup());
    await t.session.analyse();
    const view = await t.shown();
    t.win.body.innerHTML = '<div>Hi Dana, the order form is attached.</div>';
    view.actions.useOpener();
    expect(t.win.readOwnText()).toBe('Hi Dana, the order form is attached.');
    expect(t.ofType('nudge_accepted')).toEqual([]);
  });

  it('"I\'ll call — log it" records the accepted nudge and the call with its notes for the first recipient', async () => {
    const t = (current = setup());
    await t.session.analyse();
    const notes = { purpose: 'Renewal', discussed: 'Pricing', proposed: 'Two-year term', nextPurpose: 'Sign-off' };
    (await t.shown()).actions.logCall(notes);
    expect(t.ofType('nudge_accepted')).toMatchObject([{ action: 'log_call' }]);
    expect(t.ofType('call_logged')).toMatchObject([
      { source: 'nudge', notes, contact: { address: 'dana@acme.example', name: 'Dana Whitfield' } },
    ]);
  });

  it('"Call <number>" records the nudge as acted on but no call; the notes saved after it log the tel call', async () => {
    const t = (current = setup());
    await t.session.analyse();
    const view = await t.shown();
    view.actions.callNow();
    expect(t.ofType('nudge_accepted')).toMatchObject([{ action: 'call_now' }]);
    expect(t.ofType('call_logged')).toEqual([]);
    const notes = { purpose: CHECKIN.opener, discussed: 'Pricing', proposed: '', nextPurpose: '' };
    view.actions.logCall(notes);
    // Acted on once (call_now), not again as log_call; the call counts now, as dialled.
    expect(t.ofType('nudge_accepted')).toMatchObject([{ action: 'call_now' }]);
    expect(t.ofType('call_logged')).toMatchObject([{ source: 'tel', notes }]);
  });

  it('"Not now" hides the nudge for this draft, records snooze with the reasons, and it stays hidden', async () => {
    const t = (current = setup());
    await t.session.analyse();
    (await t.shown()).actions.snooze();
    expect(t.views.at(-1)).toBeNull();
    expect(t.ofType('nudge_dismissed')).toMatchObject([{ action: 'snooze', reasons: ['checkin'] }]);
    t.win.body.innerHTML = '<div>Hi Dana, just checking in again.</div>';
    await t.session.analyse();
    expect(t.views.at(-1)).toBeNull();
  });

  it('"Never for this contact" mutes the first recipient through the settings and hides the nudge', async () => {
    const t = (current = setup());
    await t.session.analyse();
    (await t.shown()).actions.muteContact();
    expect(t.changes).toEqual([{ mutedContacts: ['dana@acme.example'] }]);
    expect(t.ofType('nudge_dismissed')).toMatchObject([{ action: 'mute_contact', reasons: ['checkin'] }]);
    expect(t.views.at(-1)).toBeNull();
  });

  it('"Turn off this rule" switches that rule off through the settings and re-analyses with it off', async () => {
    const analysed: AnalysisInput[] = [];
    const t = (current = setup((input) => {
      analysed.push(input);
      return Promise.resolve(input.settings?.rules?.checkin === false ? NONE : CHECKIN);
    }));
    await t.session.analyse();
    (await t.shown()).actions.ruleOff('checkin');
    expect(t.changes).toEqual([{ rules: { ...DEFAULT_SETTINGS.rules, checkin: false } }]);
    expect(t.ofType('nudge_dismissed')).toMatchObject([{ action: 'rule_off', reasons: ['checkin'] }]);
    await vi.waitFor(() => expect(t.views.at(-1)).toBeNull());
    expect(analysed.at(-1)?.settings?.rules?.checkin).toBe(false);
  });

  it('offers neither "Turn off this signal" nor "Never for this contact" when the policy sets those settings', async () => {
    const t = (current = setup());
    t.lock('rules', 'mutedContacts');
    await t.session.analyse();
    expect((await t.shown()).model).toMatchObject({ canTurnOffRules: false, canMuteContact: false });
  });

  it('drops an answer for an older draft that arrives after the newer one', async () => {
    const answers = [deferred<Analysis>(), deferred<Analysis>()];
    let call = 0;
    const t = (current = setup(() => answers[call++]!.promise));
    const older = t.session.analyse();
    t.win.body.innerHTML = '<div>Hi Dana, the order form is attached.</div>';
    const newer = t.session.analyse();
    answers[1]!.resolve(NONE);
    await newer;
    answers[0]!.resolve(CHECKIN);
    await older;
    await Promise.resolve();
    expect(t.views.filter(Boolean)).toEqual([]);
    expect(t.records).toEqual([]);
  });

  it('drops an answer that arrives after the window closed, and closing removes the nudge', async () => {
    const answer = deferred<Analysis>();
    const t = (current = setup(() => answer.promise));
    const pending = t.session.analyse();
    t.session.close(false);
    answer.resolve(CHECKIN);
    await pending;
    expect(t.views).toEqual([]);
    expect(t.records).toEqual([]);
  });

  it('stays quiet when no background answers or the extension was reloaded, and reports a failed analysis', async () => {
    const errors = [
      new AnalysisUnavailable('no background answered'),
      new Error('Extension context invalidated.'),
      new Error('the background could not analyse the draft'),
    ];
    let call = 0;
    const t = (current = setup(() => Promise.reject(errors[call++]!)));
    for (let i = 0; i < errors.length; i++) {
      t.win.body.innerHTML = `<div>Draft ${i}: just checking in.</div>`;
      await t.session.analyse();
    }
    expect(t.failures).toEqual(errors.slice(0, 2));
    expect(t.diagnosed).toEqual([
      { key: 'problemAnalysis', detail: 'Error: the background could not analyse the draft' },
    ]);
    expect(t.views).toEqual([]);
  });

  it('warms the analysis on every edit, and analyses once after the pause', async () => {
    const analysed: AnalysisInput[] = [];
    const t = (current = setup((input) => {
      analysed.push(input);
      return Promise.resolve(NONE);
    }));
    await vi.waitFor(() => expect(analysed).toHaveLength(1)); // the draft as the window opened
    for (const text of ['Hi', 'Hi Dana', 'Hi Dana,']) {
      t.win.body.innerHTML = `<div>${text}</div>`;
      t.win.body.dispatchEvent(new Event('input', { bubbles: true }));
    }
    expect(t.warms()).toBe(3);
    await vi.waitFor(() => expect(analysed).toHaveLength(2));
    expect(analysed[1]!.body).toBe('Hi Dana,');
  });

  it('records the email when it closes after a send, with what the nudge showed', async () => {
    const t = (current = setup());
    await t.session.analyse();
    await t.shown();
    t.session.noteSendIntent();
    expect(t.session.wasSent(false)).toBe(true);
    t.session.close(true);
    expect(t.removed()).toBe(1);
    expect(t.ofType('email_sent')).toMatchObject([{ level: 'suggest', reasons: ['checkin'] }]);
  });

  it('does nothing on a click once the extension context is gone', async () => {
    const t = (current = setup());
    await t.session.analyse();
    const view = await t.shown();
    t.fake.invalidate();
    view.actions.askForCall();
    view.actions.logCall({ purpose: '', discussed: '', proposed: '', nextPurpose: '' });
    view.actions.ruleOff('checkin');
    expect(t.win.readOwnText()).toBe(DRAFT);
    expect(t.records.map((r) => r.type)).toEqual(['nudge_shown']);
    expect(t.changes).toEqual([]);
  });
});

describe('ComposeSession: the last call and Undo', () => {
  beforeEach(useEnglishMessages);

  const DAY = 86_400_000;
  const NOW = 1_000; // the clock of setup()

  it('gives the analysis the next purpose noted at the last call, and the card its notes in one line', async () => {
    const analysed: AnalysisInput[] = [];
    const history: ContactHistory = {
      address: 'dana@acme.example',
      emailsSinceLastCall: 1,
      lastCallAt: NOW - 2 * DAY,
      lastCall: { at: NOW - 2 * DAY, discussed: 'Budget', proposed: 'A pilot', nextPurpose: 'confirm start date' },
    };
    const t = (current = setup(
      (input) => {
        analysed.push(input);
        return Promise.resolve(input.contact ? { ...CHECKIN, openerSource: 'last_call' } : CHECKIN);
      },
      [history],
    ));
    await t.session.analyse();
    await vi.waitFor(() => expect(analysed.at(-1)?.contact?.nextPurpose).toBe('confirm start date'));
    await vi.waitFor(() => expect(t.views.at(-1)?.model.openerFromLastCall).toBe(true));
    expect(t.views.at(-1)?.model.lastCallLine).toBe('Last call 2 days ago · Discussed: Budget · Proposed: A pilot');
  });

  it('keeps its own overdue-only nudge when the ledger answers again with the record of it', async () => {
    const analysed: AnalysisInput[] = [];
    const overdueOnly: Analysis = {
      ...CHECKIN,
      findings: [{ rule: 'overdue', message: { key: 'reasonOverdue', substitutions: ['Dana'] } }],
    };
    const history: ContactHistory = {
      address: 'dana@acme.example',
      emailsSinceLastCall: 4,
      lastOverdueOnlyNudgeAt: NOW - DAY,
    };
    const t = (current = setup(
      (input) => {
        analysed.push(input);
        return Promise.resolve(overdueOnly);
      },
      [history],
    ));
    await t.session.analyse();
    await vi.waitFor(() => expect(analysed.at(-1)?.contact?.lastOverdueNudgeDaysAgo).toBe(1));
    await vi.waitFor(() => expect(t.views.at(-1)?.reasons).toEqual(['overdue']));
    t.session.settingsChanged(); // asks the ledger again
    await vi.waitFor(() => expect(analysed.length).toBeGreaterThan(2));
    expect(analysed.at(-1)?.contact?.lastOverdueNudgeDaysAgo).toBeUndefined();
  });

  it('offers Undo after "Ask for a call instead", alone once the new draft needs no nudge, and undoes exactly', async () => {
    const t = (current = setup());
    await t.session.analyse();
    const before = t.win.body.innerHTML;
    (await t.shown()).actions.askForCall();
    expect(t.views.at(-1)?.model.undo).toEqual({ action: 'call_request' });
    await t.session.analyse(); // the call request: no nudge of its own
    const offer = t.views.at(-1)!;
    expect(offer.reasons).toEqual([]);
    expect(offer.model.findings).toEqual([]);
    expect(offer.model.undo).toEqual({ action: 'call_request' });
    offer.actions.undo();
    expect(t.win.body.innerHTML).toBe(before);
    await vi.waitFor(() => expect(t.views.at(-1)?.reasons).toEqual(['checkin']));
    expect(t.views.at(-1)?.model.undo).toBeUndefined();
  });

  it('withdraws the offer once the rep changes the draft, and Undo then changes nothing', async () => {
    const t = (current = setup());
    await t.session.analyse();
    const view = await t.shown();
    view.actions.useOpener();
    expect(t.views.at(-1)?.model.undo).toEqual({ action: 'opener' });
    t.win.body.firstElementChild!.append(' See you Friday.');
    const typed = t.win.body.innerHTML;
    view.actions.undo(); // a stale button: the draft is no longer what the action left
    expect(t.win.body.innerHTML).toBe(typed);
    await t.session.analyse();
    expect(t.views.at(-1)?.model.undo).toBeUndefined();
  });
});
