/**
 * The coach for one mail site on one page, the one place where the page-level pieces are wired: it
 * finds compose windows through a ComposeHost (once at start, then on DOM changes outside the drafts'
 * bodies, batched into idle time) and keeps one ComposeSession per window; listens in the capture
 * phase, before the site's own handlers, for send and discard intents, tel: links and the page going
 * away; holds each send while the site's Undo Send can still take it back (pending-sends.ts);
 * applies the rep's settings to every window at once; and ties all of it to the content script's
 * lifetime. It asks the background nothing at load for an empty draft: a window warms the analysis
 * once the rep focuses or edits it (session.ts). Everything it reaches outside the page comes in as
 * CoachDeps and goes out through one ExtensionLink.
 */
import type { ComposeHost, ComposeWindow, HostProblem } from '../hosts/types';
import { findPhoneNumbers, isElement, TEL_LINKS, telNumberOf } from '../hosts/dom';
import { EMPTY_CALL_NOTES } from '../messages';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import type { CoachContext, CoachDeps } from './deps';
import type { SentEdits } from './edits-kept';
import { ExtensionLink } from './extension';
import { type DraftSent, PendingSends } from './pending-sends';
import { callLogged } from './records';
import { safe } from './safe';
import { isActivationKey, isSendShortcut } from './send';
import { ComposeSession, type SessionEnv } from './session';

/** How long after an Undo Send the site may take to bring the draft back into a compose window. */
const DRAFT_RETURN_MS = 10_000;

export class Coach {
  /** One session per compose window, keyed by the window's root element. */
  private readonly sessions = new Map<HTMLElement, ComposeSession>();
  private settings: Settings = DEFAULT_SETTINGS;
  /** Settings the organisation's policy sets: the nudge does not offer to change them. */
  private locked: readonly (keyof Settings)[] = [];
  /**
   * Until settings arrive (the first read of managed policy can take seconds), windows are tracked so
   * no send is missed, but nothing is analysed, shown or recorded.
   */
  private settingsKnown = false;
  /** Whether the settings turn the coach on for this site. */
  private enabled = true;
  private stopped = false;
  private scanQueued = false;
  private windowsFound = 0;
  private readonly reportedProblems = new Set<string>();
  private readonly link: ExtensionLink;
  /** Sends waiting out the site's Undo Send (sites without one count at once). */
  private readonly pending?: PendingSends;
  /** The edits of the send an Undo took back, waiting for the window that brings the draft back. */
  private undoneEdits?: { edits: SentEdits; at: number };
  private readonly env: SessionEnv;
  private readonly observer: MutationObserver;
  /** Aborted on stop: removes every page listener. */
  private readonly listening = new AbortController();
  private unwatchSettings: () => void = () => undefined;

  constructor(
    private readonly ctx: CoachContext,
    private readonly host: ComposeHost,
    private readonly doc: Document,
    private readonly deps: CoachDeps,
  ) {
    this.link = new ExtensionLink(
      deps,
      host.id,
      () => this.alive(),
      () => this.stop(),
    );
    this.env = {
      ctx,
      deps,
      site: host.id,
      settings: () => this.settings,
      canChange: (key) => !this.locked.includes(key),
      active: () => this.alive() && this.enabled && this.settingsKnown,
      alive: () => this.alive(),
      request: (req) => this.link.request(req),
      record: (event) => this.link.record(event),
      sent: (send) => (this.pending ? this.pending.hold(send) : this.recordSend(send)),
      diagnose: (update) => this.link.diagnose(update),
      failed: (error) => this.link.failed(error),
      changeSettings: (patch) => this.changeSettings(patch),
    };
    this.observer = new MutationObserver((records) => this.onMutations(records));
    if (host.undoSend) {
      this.pending = new PendingSends(host.undoSend, {
        ctx,
        doc,
        now: deps.now,
        record: (send) => this.recordSend(send),
      });
    }
  }

  /** Compose windows the coach is looking after (for tests and diagnostics). */
  get sessionCount(): number {
    return this.sessions.size;
  }

  start(): void {
    const { ctx, doc } = this;
    ctx.onInvalidated(() => this.stop());
    const options = { capture: true, signal: this.listening.signal };
    doc.addEventListener('click', (event) => this.onClick(event), options);
    doc.addEventListener('mouseup', (event) => this.onPointerIntent(event), options);
    doc.addEventListener('keydown', (event) => this.onKeyDown(event), options);
    doc.defaultView?.addEventListener('pagehide', () => this.onPageHide(), options);
    this.unwatchSettings = this.link.watchSettings((resolved) => this.applySettings(resolved.values, resolved.locked));
    this.observer.observe(safe(() => this.host.watchRoot?.(doc), undefined) ?? doc.body, {
      childList: true,
      subtree: true,
    });
    // Windows already open when the script starts (gmail.js #720).
    this.scan();
    void this.link.loadSettings().then((resolved) => {
      if (this.alive()) this.applySettings(resolved?.values ?? DEFAULT_SETTINGS, resolved?.locked ?? []);
    });
  }

  /** Stops everything: listeners, observer, timers, sessions and their nudges. Nothing runs afterwards. */
  stop(): void {
    if (this.stopped) return;
    // Held sends were sent unless undone, and no Undo can reach them any more.
    this.pending?.flush();
    this.stopped = true;
    this.listening.abort();
    this.observer.disconnect();
    this.unwatchSettings();
    for (const session of [...this.sessions.values()]) this.close(session, false);
  }

  /**
   * Opens a session per new window, closes those that left the page (recording a send when the
   * evidence says so) and reports new problems to diagnostics once each.
   */
  scan(): void {
    this.scanQueued = false;
    if (!this.alive()) return;
    const { host, doc, sessions } = this;
    const blocking = sessions.size > 0 && safe(() => host.hasBlockingDialog(doc), false);
    for (const session of [...sessions.values()]) {
      if (blocking) session.noteBlocked();
      if (!session.win.root.isConnected) this.close(session, session.wasSent(blocking));
    }
    if (!this.enabled) return;
    let found: ReturnType<ComposeHost['findComposeWindows']>;
    try {
      found = host.findComposeWindows(doc);
    } catch (error) {
      found = { windows: [], problems: [{ key: 'problemFindingWindows', detail: String(error) }] };
    }
    const live = new Set<HTMLElement>();
    let opened = false;
    for (const win of found.windows) {
      live.add(win.root);
      const existing = sessions.get(win.root);
      // The site rebuilt the editor inside the same window: start over for it.
      if (existing && existing.win.body !== win.body) this.close(existing, false);
      if (!sessions.has(win.root)) {
        this.open(win);
        opened = true;
      }
    }
    for (const session of [...sessions.values()]) {
      // Still in the page but no longer readable (e.g. body gone): leave it alone.
      if (!live.has(session.win.root)) this.close(session, false);
    }
    const said = (p: HostProblem) => `${p.key} ${p.detail ?? ''}`;
    const problems = found.problems.filter((p) => !this.reportedProblems.has(said(p)));
    problems.forEach((p) => this.reportedProblems.add(said(p)));
    if (opened || problems.length) {
      const last = problems[problems.length - 1];
      const now = this.deps.now();
      this.link.diagnose({
        composeWindowsFound: this.windowsFound,
        lastSeenAt: now,
        ...(last ? { lastProblem: last, lastProblemAt: now } : {}),
      });
    }
  }

  /** False once stopped or once the extension context is gone (asking WXT's context notices an update). */
  private alive(): boolean {
    return !this.stopped && this.ctx.isValid;
  }

  private open(win: ComposeWindow): void {
    const session = new ComposeSession(win, this.env);
    this.sessions.set(win.root, session);
    this.windowsFound++;
    // The first window to open after an Undo Send is the draft it brought back.
    const undone = this.undoneEdits;
    this.undoneEdits = undefined;
    if (undone && this.deps.now() - undone.at <= DRAFT_RETURN_MS) session.sendUndone(undone.edits);
  }

  private recordSend(send: DraftSent): void {
    for (const event of send.records) this.link.record(event);
  }

  private close(session: ComposeSession, sent: boolean): void {
    this.sessions.delete(session.win.root);
    session.close(sent);
  }

  private queueScan(): void {
    if (this.scanQueued || !this.alive()) return;
    this.scanQueued = true;
    this.ctx.requestIdleCallback(() => this.scan(), { timeout: 250 });
  }

  /** Queues a scan on DOM changes, except typing inside a draft's body. */
  private onMutations(records: MutationRecord[]): void {
    if (this.scanQueued) return;
    for (const r of records) {
      // Typing changes only the body: skip those, unless something was removed that may hold a window.
      if (r.removedNodes.length === 0 && this.insideABody(r.target)) continue;
      this.queueScan();
      return;
    }
  }

  private insideABody(node: Node): boolean {
    for (const session of this.sessions.values()) if (session.win.body.contains(node)) return true;
    return false;
  }

  /**
   * The rep's settings, loaded at start and on every change: the first arrival releases the records
   * held until then; turning the site off closes every window, turning it on scans for them; any
   * change reconsiders each draft.
   */
  private applySettings(settings: Settings, locked = this.locked): void {
    this.settings = settings;
    this.locked = locked;
    const wasEnabled = this.enabled;
    this.enabled = settings.sites.includes(this.host.id);
    this.settingsKnown = true;
    this.link.settingsApplied(this.enabled);
    if (!this.enabled) {
      for (const session of [...this.sessions.values()]) this.close(session, false);
      return;
    }
    if (!wasEnabled) this.scan();
    for (const session of this.sessions.values()) session.settingsChanged();
  }

  private changeSettings(patch: Partial<Settings>): void {
    this.applySettings({ ...this.settings, ...patch });
    this.link.saveSettings(patch);
  }

  // ------------------------------------------------------------ page listeners

  private onClick(event: MouseEvent): void {
    this.onPointerIntent(event);
    this.onTelClick(event);
    this.onUndoSend(event.target);
  }

  /** Undo on the site's "Message sent" offer: the last send goes back to being a draft, with the edits it was sent with. */
  private onUndoSend(target: EventTarget | null): void {
    if (!this.alive() || !this.pending || !safe(() => this.host.undoSend?.isUndoControl(target) ?? false, false))
      return;
    const undone = this.pending.undo();
    if (undone) this.undoneEdits = { edits: undone.edits, at: this.deps.now() };
  }

  private onPointerIntent(event: Event): void {
    if (!this.alive()) return;
    const target = event.target;
    for (const session of this.sessions.values()) {
      if (session.win.isDiscardControl(target)) session.noteDiscard();
      else if (session.win.isSendControl(target)) this.sendIntent(session);
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.alive()) return;
    const target = event.target;
    if (isSendShortcut(event)) {
      for (const session of this.sessions.values()) {
        if (target instanceof Node && session.win.root.contains(target)) this.sendIntent(session);
      }
      return;
    }
    if (!isActivationKey(event)) return;
    this.onUndoSend(target);
    for (const session of this.sessions.values()) {
      if (session.win.isSendControl(target)) return this.sendIntent(session);
      if (session.win.isDiscardControl(target)) return session.noteDiscard();
    }
  }

  private sendIntent(session: ComposeSession): void {
    session.noteSendIntent();
    this.queueScan();
  }

  /** A pop-out window closes itself after Send: the window never "leaves" the page, the page goes. */
  private onPageHide(): void {
    if (!this.alive()) return;
    const blocking = safe(() => this.host.hasBlockingDialog(this.doc), false);
    for (const session of [...this.sessions.values()]) {
      if (session.wasSent(blocking)) this.close(session, true);
    }
    this.pending?.flush();
  }

  /**
   * A click on a tel: or callto: link anywhere in the page is a logged call, with the contact the site
   * shows near the link, else the first recipient of the window holding it (or of the only one open),
   * else just the number.
   */
  private onTelClick(event: MouseEvent): void {
    const link = isElement(event.target) ? event.target.closest(TEL_LINKS) : null;
    if (!link || !this.enabled || !this.alive()) return;
    const number = telNumberOf(link);
    let contact = safe(() => this.host.contactNear?.(link) ?? null, null);
    if (!contact) {
      const sessions = [...this.sessions.values()];
      const session =
        sessions.find((s) => s.win.root.contains(link)) ?? (sessions.length === 1 ? sessions[0] : undefined);
      contact = session?.readRecipients()[0] ?? null;
    }
    const at = this.deps.now();
    this.link.record(
      callLogged(
        this.host.id,
        at,
        contact ?? { name: findPhoneNumbers(number)[0] ?? number },
        { ...EMPTY_CALL_NOTES },
        'tel',
      ),
    );
  }
}
