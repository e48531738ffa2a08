/**
 * The coach: host-agnostic content-script logic shared by every mail site. It finds compose windows
 * through a ComposeHost (once at start, then on DOM changes, batched into idle time), analyses each
 * draft ~400 ms after the rep stops typing, shows or hides the nudge, and reports sends and nudge
 * events to the background. It never changes a draft without a click, never blocks or delays Send,
 * never moves focus by itself, and steps aside quietly (with a diagnostic) when the page changes.
 *
 * A mail site plugs in from its content script: `startCoach(ctx, host)` (see entrypoints/gmail.content.ts;
 * the content script needs `cssInjectionMode: 'ui'`).
 */
import type { ContentScriptContext } from '#imports';
import { type Analysis, type AnalysisInput, analyzeDraft } from '../analysis';
import { reportDiagnostics, type SiteDiagnostics } from '../diagnostics';
import { findPhoneNumbers, telHref } from '../hosts/dom';
import type { ComposeHost, ComposeWindow } from '../hosts/types';
import type {
  CallNotes,
  ContactHistory,
  ContactRef,
  DismissAction,
  LedgerEvent,
  NudgeAction,
  Request,
  ResponseOf,
} from '../messages';
import { sendToBackground } from '../messages';
import { loadSettings, type ResolvedSettings, updateUserSettings, watchSettings } from '../settings';
import { DEFAULT_SETTINGS, type RuleId, type Settings } from '../settings/schema';
import { addressesOf, historyLine, primaryHistory, toAnalysisContact } from './contact';
import { replaceOwnText, replaceSentence } from './edit';
import { type MountNudge, mountNudge, type NudgeHandle, type NudgeView } from './mount';
import {
  isActivationKey,
  isSendShortcut,
  noteBlocked,
  noteDiscard,
  noteSendIntent,
  type SendState,
  wasSent,
} from './send';

/** Pause after the last keystroke before the draft is analysed. */
export const ANALYSIS_DELAY_MS = 400;

/**
 * A built-in draft (never the rep's text) analysed once per page, in idle time, when the first compose
 * window is found. The first analysis in a page is cold (V8 compiles compromise and the phrase rules:
 * tens of ms); priming pays that when the window opens rather than on the rep's first pause in typing.
 * It reaches the phrase rules, the check-in and question findings and the opener. Its result is thrown away.
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

/** The lifetime the coach ties everything to: WXT's ContentScriptContext, or a stand-in in tests. */
export type CoachContext = Pick<
  ContentScriptContext,
  'isValid' | 'onInvalidated' | 'addEventListener' | 'setTimeout' | 'requestIdleCallback' | 'signal'
>;

/** Everything the coach reaches outside the page, replaceable in tests. */
export interface CoachDeps {
  analyze: (input: AnalysisInput) => Analysis;
  send: <R extends Request>(request: R) => Promise<ResponseOf<R>>;
  loadSettings: () => Promise<ResolvedSettings>;
  watchSettings: (onChange: (s: ResolvedSettings) => void) => () => void;
  updateUserSettings: (patch: Partial<Settings>) => Promise<void>;
  reportDiagnostics: (site: ComposeHost['id'], update: Partial<SiteDiagnostics>) => Promise<void>;
  mountNudge: MountNudge;
  now: () => number;
}

const DEFAULT_DEPS: CoachDeps = {
  analyze: analyzeDraft,
  send: sendToBackground,
  loadSettings,
  watchSettings,
  updateUserSettings,
  reportDiagnostics,
  mountNudge,
  now: () => Date.now(),
};

interface Session extends SendState {
  win: ComposeWindow;
  abort: AbortController;
  timer?: number;
  analysis?: Analysis;
  /** The input the current analysis was made from, so an unchanged draft is not analysed again. */
  analysedKey?: string;
  /** The recipients and visible level/reasons as of the last analysis (read while the window was there). */
  recipients: ContactRef[];
  shown: { level: 'suggest' | 'strong'; reasons: RuleId[] } | null;
  shownKeys: Set<string>;
  snoozed: boolean;
  historyKey?: string;
  histories?: ContactHistory[];
  ui?: NudgeHandle | null;
  mounting?: Promise<void>;
  appearances: number;
}

export interface Coach {
  /** Compose windows the coach is looking after (for tests and diagnostics). */
  readonly sessionCount: number;
  /** Runs a scan now (tests; the coach schedules its own scans). */
  scan(): void;
  stop(): void;
}

/** Starts the coach for one mail site on `doc`; everything stops when `ctx` is invalidated. */
export function startCoach(
  ctx: CoachContext,
  host: ComposeHost,
  options: { doc?: Document; deps?: Partial<CoachDeps> } = {},
): Coach {
  const doc = options.doc ?? document;
  const deps: CoachDeps = { ...DEFAULT_DEPS, ...options.deps };
  const sessions = new Map<HTMLElement, Session>();
  const recordedKeys = new Set<string>();
  const reportedProblems = new Set<string>();
  let settings: Settings = DEFAULT_SETTINGS;
  /** Until settings arrive (the first read of managed policy can take seconds), windows are tracked so no send is missed, but nothing is shown or recorded. */
  let settingsKnown = false;
  let enabled = true;
  const heldRecords: LedgerEvent[] = [];
  let stopped = false;
  let scanQueued = false;
  let windowsFound = 0;
  let primeQueued = false;

  const alive = () => !stopped && ctx.isValid;

  // ---------------------------------------------------------------------------------------------
  // Talking to the background: fire and forget, never throwing into the page.

  function request<R extends Request>(req: R): Promise<ResponseOf<R> | undefined> {
    if (!alive()) return Promise.resolve(undefined);
    try {
      return deps.send(req).then(
        (answer) => answer,
        () => undefined,
      );
    } catch {
      return Promise.resolve(undefined);
    }
  }

  function record(event: LedgerEvent): void {
    if (!settingsKnown) {
      heldRecords.push(event);
      return;
    }
    if (!enabled || recordedKeys.has(event.key)) return;
    recordedKeys.add(event.key);
    void request({ type: 'record', event });
  }

  function diagnose(update: Partial<SiteDiagnostics>): void {
    if (!alive()) return;
    try {
      deps.reportDiagnostics(host.id, update).catch(() => undefined);
    } catch {
      /* context gone */
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions: one per compose window.

  function recipientsOf(session: Session): ContactRef[] {
    try {
      return session.win.readRecipients();
    } catch {
      return session.recipients;
    }
  }

  function isMuted(recipients: readonly ContactRef[]): boolean {
    const muted = new Set(settings.mutedContacts.map((a) => a.toLowerCase()));
    return recipients.some((r) => !!r.address && muted.has(r.address.toLowerCase()));
  }

  function refreshHistory(session: Session, recipients: ContactRef[]): void {
    const addresses = addressesOf(recipients);
    const key = addresses.join(',');
    if (key === session.historyKey) return;
    session.historyKey = key;
    session.histories = undefined;
    if (!addresses.length || (!settings.rules.overdue && !settings.showContactHistory)) return;
    void request({ type: 'contact_history', addresses }).then((answer) => {
      if (!Array.isArray(answer) || session.historyKey !== key || !sessions.has(session.win.root)) return;
      session.histories = answer;
      analyse(session);
    });
  }

  function analyse(session: Session): void {
    if (!alive() || !enabled || !settingsKnown) return;
    const { win } = session;
    if (!win.root.isConnected) return;
    let text: string;
    let recipients: ContactRef[];
    try {
      text = win.readOwnText();
      recipients = recipientsOf(session);
    } catch (error) {
      diagnose({ lastProblem: `reading a draft failed: ${String(error)}`, lastProblemAt: deps.now() });
      return;
    }
    session.recipients = recipients;
    refreshHistory(session, recipients);
    const now = deps.now();
    const history = primaryHistory(recipients, session.histories);
    const input: AnalysisInput = {
      body: text,
      subject: safe(() => win.readSubject(), ''),
      threadMessages: safe(() => win.readThreadSize(), 0) + 1,
      recipients,
      settings,
    };
    if (settings.rules.overdue && history) input.contact = toAnalysisContact(history, now, settings.overdueDays);
    const key = JSON.stringify([input.body, input.subject, input.threadMessages, recipients, input.contact]);
    if (key === session.analysedKey && session.analysis) {
      present(session, history);
      return;
    }
    try {
      const started = performance.now();
      session.analysis = deps.analyze(input);
      session.analysedKey = key;
      // A user-timing entry (no text in it) so long tasks can be attributed to CallFirst when profiling.
      performance.measure('callfirst:analyse', { start: started, end: performance.now() });
    } catch (error) {
      diagnose({ lastProblem: `analysis failed: ${String(error)}`, lastProblemAt: now });
      return;
    }
    present(session, history);
  }

  /** Warms the analysis up once per page (see PRIME_INPUT): nothing read from the page, recorded or shown. */
  function queuePrime(): void {
    if (primeQueued || !alive()) return;
    primeQueued = true;
    ctx.requestIdleCallback(
      () => {
        if (!alive() || !enabled) return;
        try {
          const started = performance.now();
          deps.analyze(PRIME_INPUT);
          // Its own user-timing name, so a long task it causes is attributed to CallFirst, not hidden.
          performance.measure('callfirst:prime', { start: started, end: performance.now() });
        } catch {
          /* the first real analysis reports any problem */
        }
      },
      { timeout: 1000 },
    );
  }

  function present(session: Session, history: ContactHistory | undefined): void {
    const analysis = session.analysis;
    const visible =
      !!analysis?.nudge &&
      analysis.level !== 'none' &&
      analysis.findings.length > 0 &&
      !settings.quietMode &&
      !session.snoozed &&
      !isMuted(session.recipients);
    if (!visible) {
      session.shown = null;
      session.ui?.update(null);
      return;
    }
    const level = analysis.level === 'strong' ? 'strong' : 'suggest';
    const reasons = analysis.findings.map((f) => f.rule);
    const wasHidden = !session.shown;
    session.shown = { level, reasons };
    if (wasHidden) session.appearances++;
    const shownKey = `nudge_shown:${host.id}:${session.win.draftId}:${level}:${reasons.join(',')}`;
    if (!session.shownKeys.has(shownKey)) {
      session.shownKeys.add(shownKey);
      record({
        type: 'nudge_shown',
        key: shownKey,
        at: deps.now(),
        host: host.id,
        recipients: session.recipients,
        level,
        reasons,
      });
    }
    const phones = safe(() => session.win.readVisiblePhoneNumbers(), []);
    const phone = phones[0];
    const checkin = analysis.findings.find((f) => f.rule === 'checkin' && f.evidence?.length);
    const view: NudgeView = {
      reasons,
      model: {
        level,
        findings: analysis.findings.map(({ rule, message }) => ({ rule, message })),
        opener: analysis.opener,
        historyLine: settings.showContactHistory ? historyLine(history, deps.now()) : undefined,
        phone: phone ? { display: phone, href: telHref(phone) } : undefined,
        canUseOpener: !!checkin,
        canMuteContact: !!session.recipients[0]?.address,
        announceKey: `${session.win.draftId}:${session.appearances}`,
      },
      actions: actionsFor(session),
    };
    void showView(session, view);
  }

  async function showView(session: Session, view: NudgeView): Promise<void> {
    if (session.ui && !session.ui.connected) {
      session.ui.remove();
      session.ui = undefined;
    }
    if (session.ui === undefined) {
      if (!session.mounting) {
        session.mounting = deps
          .mountNudge(ctx as ContentScriptContext, session.win)
          .then((ui) => {
            if (!sessions.has(session.win.root) || !alive()) {
              ui?.remove();
              return;
            }
            session.ui = ui;
            if (!ui) {
              diagnose({ lastProblem: 'no place for the nudge beside a compose toolbar', lastProblemAt: deps.now() });
            }
          })
          .catch(() => {
            session.ui = null;
          })
          .finally(() => {
            session.mounting = undefined;
          });
      }
      await session.mounting;
    }
    // The newest view wins: analysis may have moved on while the UI was mounting.
    const ui = uiOf(session);
    ui?.update(session.shown ? view : null);
  }

  function accepted(session: Session, action: NudgeAction): void {
    record({
      type: 'nudge_accepted',
      key: `nudge_accepted:${host.id}:${session.win.draftId}:${action}:${deps.now()}`,
      at: deps.now(),
      host: host.id,
      recipients: session.recipients,
      action,
      reasons: session.shown?.reasons ?? [],
    });
  }

  function dismissed(session: Session, action: DismissAction, reasons: RuleId[]): void {
    record({
      type: 'nudge_dismissed',
      key: `nudge_dismissed:${host.id}:${session.win.draftId}:${action}:${reasons.join(',')}`,
      at: deps.now(),
      host: host.id,
      recipients: session.recipients,
      action,
      reasons,
    });
  }

  function logCall(contact: ContactRef, notes: CallNotes, source: 'nudge' | 'tel'): void {
    const at = deps.now();
    record({
      type: 'call_logged',
      key: `call_logged:${host.id}:${source}:${at}:${Math.random()}`,
      at,
      host: host.id,
      contact,
      notes,
      source,
    });
  }

  function actionsFor(session: Session): NudgeView['actions'] {
    const contact = (): ContactRef => session.recipients[0] ?? {};
    return {
      askForCall() {
        const text = session.analysis?.callRequest;
        if (text && replaceOwnText(session.win, text)) accepted(session, 'call_request');
      },
      useOpener() {
        const analysis = session.analysis;
        const evidence = analysis?.findings.find((f) => f.rule === 'checkin')?.evidence ?? [];
        if (!analysis) return;
        if (evidence.some((e) => replaceSentence(session.win, e, analysis.opener))) accepted(session, 'opener');
      },
      callNow() {
        accepted(session, 'call_now');
        logCall(
          contact(),
          { purpose: session.analysis?.opener ?? '', discussed: '', proposed: '', nextPurpose: '' },
          'tel',
        );
      },
      logCall(notes) {
        accepted(session, 'log_call');
        logCall(contact(), notes, 'nudge');
      },
      snooze() {
        session.snoozed = true;
        dismissed(session, 'snooze', session.shown?.reasons ?? []);
        present(session, undefined);
      },
      muteContact() {
        const address = session.recipients[0]?.address?.toLowerCase();
        if (!address) return;
        dismissed(session, 'mute_contact', session.shown?.reasons ?? []);
        const mutedContacts = [...new Set([...settings.mutedContacts, address])];
        settings = { ...settings, mutedContacts };
        present(session, undefined);
        void deps.updateUserSettings({ mutedContacts }).catch(() => undefined);
      },
      ruleOff(rule) {
        dismissed(session, 'rule_off', [rule]);
        const rules = { ...settings.rules, [rule]: false };
        settings = { ...settings, rules };
        for (const s of sessions.values()) {
          s.analysedKey = undefined;
          analyse(s);
        }
        void deps.updateUserSettings({ rules }).catch(() => undefined);
      },
    };
  }

  function schedule(session: Session): void {
    if (session.timer !== undefined) clearTimeout(session.timer);
    session.timer = ctx.setTimeout(() => {
      session.timer = undefined;
      analyse(session);
    }, ANALYSIS_DELAY_MS);
  }

  function open(win: ComposeWindow): void {
    const abort = new AbortController();
    const session: Session = {
      win,
      abort,
      recipients: [],
      shown: null,
      shownKeys: new Set(),
      snoozed: false,
      appearances: 0,
    };
    sessions.set(win.root, session);
    windowsFound++;
    // Any edit in the window (body, subject, recipients) re-analyses after a pause. Cheap: one timer reset.
    win.root.addEventListener('input', () => schedule(session), { capture: true, passive: true, signal: abort.signal });
    schedule(session);
  }

  function close(session: Session, sent: boolean): void {
    sessions.delete(session.win.root);
    session.abort.abort();
    if (session.timer !== undefined) clearTimeout(session.timer);
    session.ui?.remove();
    session.ui = null;
    if (sent) {
      record({
        type: 'email_sent',
        key: `email_sent:${host.id}:${session.win.draftId}`,
        at: deps.now(),
        host: host.id,
        recipients: session.recipients,
        level: session.shown?.level ?? 'none',
        reasons: session.shown?.reasons ?? [],
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scanning: at start, then after DOM changes outside the drafts' bodies, in idle time.

  function scan(): void {
    scanQueued = false;
    if (!alive()) return;
    const blocking = sessions.size > 0 && safe(() => host.hasBlockingDialog(doc), false);
    for (const session of [...sessions.values()]) {
      if (blocking) noteBlocked(session);
      if (!session.win.root.isConnected) close(session, wasSent(session, deps.now(), blocking));
    }
    if (!enabled) return;
    let found: ReturnType<ComposeHost['findComposeWindows']>;
    try {
      found = host.findComposeWindows(doc);
    } catch (error) {
      found = { windows: [], problems: [{ message: `finding compose windows failed: ${String(error)}` }] };
    }
    const live = new Set<HTMLElement>();
    let opened = false;
    for (const win of found.windows) {
      live.add(win.root);
      const existing = sessions.get(win.root);
      if (existing && existing.win.body !== win.body) {
        // The site rebuilt the editor inside the same window: start over for it.
        close(existing, false);
      }
      if (!sessions.has(win.root)) {
        open(win);
        opened = true;
      }
    }
    for (const session of [...sessions.values()]) {
      // Still in the page but no longer readable (e.g. body gone): leave it alone.
      if (!live.has(session.win.root)) close(session, false);
    }
    const problems = found.problems.filter((p) => !reportedProblems.has(p.message));
    problems.forEach((p) => reportedProblems.add(p.message));
    if (opened) queuePrime();
    if (opened || problems.length) {
      const last = problems[problems.length - 1];
      diagnose({
        composeWindowsFound: windowsFound,
        lastSeenAt: deps.now(),
        ...(last ? { lastProblem: last.message, lastProblemAt: deps.now() } : {}),
      });
    }
  }

  function queueScan(): void {
    if (scanQueued || !alive()) return;
    scanQueued = true;
    ctx.requestIdleCallback(() => scan(), { timeout: 250 });
  }

  function insideABody(node: Node): boolean {
    for (const session of sessions.values()) if (session.win.body.contains(node)) return true;
    return false;
  }

  const observer = new MutationObserver((records) => {
    if (scanQueued) return;
    for (const r of records) {
      // Typing changes only the body: skip those, unless something was removed that may hold a window.
      if (r.removedNodes.length === 0 && insideABody(r.target)) continue;
      queueScan();
      return;
    }
  });

  // ---------------------------------------------------------------------------------------------
  // Send and discard intents, tel: links: capture phase, before the site's own handlers.

  function sessionFor(target: EventTarget | null): Session | undefined {
    for (const session of sessions.values()) {
      if (session.win.isSendControl(target) || session.win.isDiscardControl(target)) return session;
    }
    return undefined;
  }

  function onPointerIntent(event: Event): void {
    const target = event.target;
    for (const session of sessions.values()) {
      if (session.win.isDiscardControl(target)) noteDiscard(session, deps.now());
      else if (session.win.isSendControl(target)) sendIntent(session);
    }
  }

  function sendIntent(session: Session): void {
    // Read recipients now, while the window is certainly still there.
    session.recipients = recipientsOf(session);
    noteSendIntent(session, deps.now());
    queueScan();
  }

  function onKeyDown(event: KeyboardEvent): void {
    const target = event.target;
    if (isSendShortcut(event)) {
      for (const session of sessions.values()) {
        if (target instanceof Node && session.win.root.contains(target)) sendIntent(session);
      }
      return;
    }
    if (isActivationKey(event)) {
      const session = sessionFor(target);
      if (!session) return;
      if (session.win.isSendControl(target)) sendIntent(session);
      else noteDiscard(session, deps.now());
    }
  }

  function onTelClick(event: MouseEvent): void {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const link = target.closest<HTMLAnchorElement>('a[href^="tel:" i], a[href^="callto:" i]');
    if (!link || !enabled) return;
    const number = decodeURIComponent((link.getAttribute('href') ?? '').replace(/^(tel|callto):/i, ''));
    let contact = safe(() => host.contactNear?.(link) ?? null, null);
    if (!contact) {
      const inWindow = [...sessions.values()].find((s) => s.win.root.contains(link));
      const only = sessions.size === 1 ? [...sessions.values()][0] : undefined;
      const session = inWindow ?? only;
      contact = session ? (recipientsOf(session)[0] ?? null) : null;
    }
    logCall(
      contact ?? { name: findPhoneNumbers(number)[0] ?? number },
      { purpose: '', discussed: '', proposed: '', nextPurpose: '' },
      'tel',
    );
  }

  function onPageHide(): void {
    // A pop-out window closes itself after Send: the window never "leaves" the page, the page goes.
    const blocking = safe(() => host.hasBlockingDialog(doc), false);
    for (const session of [...sessions.values()]) {
      if (wasSent(session, deps.now(), blocking)) close(session, true);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Settings: applied to every open window at once.

  function applySettings(resolved: ResolvedSettings): void {
    settings = resolved.values;
    const wasEnabled = enabled;
    enabled = settings.sites.includes(host.id);
    if (!settingsKnown) {
      settingsKnown = true;
      heldRecords.splice(0).forEach(record);
    }
    if (!enabled) {
      for (const session of [...sessions.values()]) close(session, false);
      return;
    }
    if (!wasEnabled) scan();
    for (const session of sessions.values()) {
      session.historyKey = undefined;
      session.analysedKey = undefined;
      analyse(session);
    }
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    for (const session of [...sessions.values()]) close(session, false);
  }

  ctx.addEventListener(doc, 'click', onPointerIntent, { capture: true });
  ctx.addEventListener(doc, 'mouseup', onPointerIntent, { capture: true });
  ctx.addEventListener(doc, 'keydown', onKeyDown, { capture: true });
  ctx.addEventListener(doc, 'click', onTelClick, { capture: true });
  if (doc.defaultView) ctx.addEventListener(doc.defaultView, 'pagehide', onPageHide, { capture: true });
  const unwatch = safe(
    () => deps.watchSettings(applySettings),
    () => undefined,
  );
  ctx.onInvalidated(() => {
    unwatch();
    stop();
  });
  observer.observe(host.watchRoot?.(doc) ?? doc.body, { childList: true, subtree: true });
  // Windows already open when the script starts (gmail.js #720).
  scan();

  void deps
    .loadSettings()
    .catch((): ResolvedSettings => ({ values: DEFAULT_SETTINGS, locked: [], problems: [] }))
    .then((resolved) => {
      if (alive()) applySettings(resolved);
    });

  return {
    get sessionCount() {
      return sessions.size;
    },
    scan,
    stop,
  };
}

/** Reads the session's UI afresh (it may have changed across an await). */
function uiOf(session: { ui?: NudgeHandle | null }): NudgeHandle | null | undefined {
  return session.ui;
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
