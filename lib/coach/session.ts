/**
 * One open compose window, as one object: it reads the draft (own words, subject, thread size,
 * recipients), asks the ledger about the recipients, analyses the draft once the rep pauses, shows or
 * hides the nudge beside the window, carries out the nudge's actions, keeps the evidence of a send,
 * and closes (recording the email when it was sent). The page-level coach (coach.ts) opens and
 * closes sessions and gives each the same SessionEnv, so a test can run one against fakes.
 */
import type { ContentScriptContext } from '#imports';
import type { NudgeActions, UndoableAction } from '../../components/nudge/types';
import type { Analysis, AnalysisInput } from '../analysis';
import type { SiteDiagnostics } from '../diagnostics';
import type { ComposeWindow } from '../hosts/types';
import {
  type CallNotes,
  type ContactHistory,
  type ContactRef,
  type DismissAction,
  type LedgerEvent,
  type NudgeAction,
  type Request,
  type ResponseOf,
} from '../messages';
import type { RuleId, Settings, SiteId } from '../settings/schema';
import { AnalysisUnavailable } from './analyse-in-background';
import { addressesOf, historyLine, lastCallLine, primaryHistory, toAnalysisContact } from './contact';
import type { CoachContext, CoachDeps } from './deps';
import { replaceOwnText, replaceSentence, undoEdit } from './edit';
import { EditsKept, type SentEdits } from './edits-kept';
import { isContextLost } from './extension';
import type { NudgeHandle, NudgeView } from './mount';
import type { DraftSent } from './pending-sends';
import { callLogged, type DraftFacts, emailSent, nudgeAccepted, nudgeDismissed, nudgeShown } from './records';
import { safe } from './safe';
import { noteBlocked, noteDiscard, noteSendIntent, type SendState, wasSent } from './send';
import { nudgeModel, type Shown, shownFor, undoOfferModel } from './view';

/**
 * Pause after the last keystroke before the draft is analysed: long enough that a rep typing at an
 * ordinary pace is not analysed at every key, short enough that the verdict shows within 300 ms of
 * the pause (the background's answer and the nudge's drawing take the rest).
 */
export const ANALYSIS_DELAY_MS = 250;

/** What every session of a page shares, given by the page-level coach. */
export interface SessionEnv {
  /** The content script's lifetime and timers. */
  readonly ctx: CoachContext;
  readonly deps: Pick<CoachDeps, 'analyse' | 'warm' | 'mountNudge' | 'now'>;
  readonly site: SiteId;
  /** The settings in force. */
  settings(): Settings;
  /** False when the organisation's policy sets `key`, so a change from the nudge could not be saved. */
  canChange(key: 'mutedContacts' | 'rules'): boolean;
  /** True while the coach runs, its settings are known and they turn the site on. */
  active(): boolean;
  /** False once the coach stopped or its extension context is gone. */
  alive(): boolean;
  request<R extends Request>(req: R): Promise<ResponseOf<R> | undefined>;
  record(event: LedgerEvent): void;
  /** The window was sent: counts what it records now, or once the site's Undo Send offer has passed. */
  sent(send: DraftSent): void;
  diagnose(update: Partial<SiteDiagnostics>): void;
  /** An extension API failed (here: mounting the nudge); stops the coach when its context is gone. */
  failed(error: unknown): void;
  /** The rep changed a setting from the nudge: applied to every window at once, then saved. */
  changeSettings(patch: Pick<Partial<Settings>, 'mutedContacts' | 'rules'>): void;
}

export class ComposeSession implements SendState {
  sendIntentAt?: number;
  discardAt?: number;
  /** The nudge's buttons, one object for the session's life. */
  readonly actions: NudgeActions;

  private readonly listeners = new AbortController();
  private closed = false;
  private timer?: number;
  private analysis?: Analysis;
  /** The input the current analysis was made from, so an unchanged draft is not analysed again. */
  private analysedKey?: string;
  /** The input of the analysis on its way, so the same draft is not sent twice. */
  private pendingKey?: string;
  /** Analyses asked for so far: an answer to any but the latest is stale and dropped. */
  private runs = 0;
  /** The recipients as last read (kept for when the window can no longer be read). */
  private recipients: ContactRef[] = [];
  /** What the nudge shows now, null when hidden. */
  private shown: Shown | null = null;
  /** True while the nudge shows anything (the nudge, or only the Undo offer). */
  private showing = false;
  private appearances = 0;
  /** The last action's edit, offered for Undo until the rep's own words change again. */
  private undoable?: { action: UndoableAction; before: string; after: string };
  /** The nudge's edits, accepted only if the draft is sent with them. */
  private readonly editsKept = new EditsKept();
  /** This draft showed the nudge for "overdue" alone (the ledger's record of it must not hide it again). */
  private overdueAloneShown = false;
  /** nudge_shown keys already recorded: once per draft, level and reasons. */
  private readonly shownKeys = new Set<string>();
  private snoozed = false;
  /** The rep dialled the number the nudge offered ("Call …"); the call is logged with the notes that follow. */
  private dialled = false;
  private historyKey?: string;
  private histories?: ContactHistory[];
  /** The mounted nudge: undefined before the first mount, null when there is no place for one. */
  private ui?: NudgeHandle | null;
  private mounting?: Promise<void>;

  constructor(
    readonly win: ComposeWindow,
    private readonly env: SessionEnv,
  ) {
    const act =
      <A extends unknown[]>(action: (...args: A) => void) =>
      (...args: A) => {
        if (!this.closed && env.alive()) action(...args);
      };
    this.actions = {
      askForCall: act(() => this.askForCall()),
      useOpener: act(() => this.useOpener()),
      callNow: act(() => this.callNow()),
      logCall: act((notes: CallNotes) => this.logCall(notes)),
      snooze: act(() => this.snooze()),
      muteContact: act(() => this.muteContact()),
      ruleOff: act((rule: RuleId) => this.ruleOff(rule)),
      undo: act(() => this.undo()),
    };
    const listening = { capture: true, passive: true, signal: this.listeners.signal };
    // The rep coming to the window wakes the background (it may be asleep, its first analysis cold), so
    // the first verdict does not wait for it; a page that merely opens with a compose window asks nothing.
    win.root.addEventListener('focusin', () => env.deps.warm(), listening);
    // Any edit in the window (body, subject, recipients) re-analyses after a pause. Cheap: one timer
    // reset, and a wake-up for the background only when it may have gone to sleep.
    win.root.addEventListener(
      'input',
      () => {
        env.deps.warm();
        // The ledger is first asked once the rep edits (an empty draft at load asks nothing), so its
        // answer is in before the pause and the first verdict already knows the contact.
        if (this.historyKey === undefined) this.refreshHistory(this.readRecipients(), false);
        this.schedule();
      },
      listening,
    );
    // A window found before the settings are known is analysed once they arrive (settingsChanged).
    if (env.active()) this.schedule();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The window's recipients now, or as last read if the window can no longer be read. */
  readRecipients(): ContactRef[] {
    return safe(() => this.win.readRecipients(), this.recipients);
  }

  /** Analyses the draft once the rep has paused. */
  schedule(): void {
    if (this.closed || !this.env.alive()) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = this.env.ctx.setTimeout(() => {
      this.timer = undefined;
      void this.analyse();
    }, ANALYSIS_DELAY_MS);
  }

  /**
   * Reads the draft, adds what the ledger knows about the first recipient and analyses it unless the
   * input is unchanged, then shows the result. An answer that arrives after a newer request, a
   * settings change or the window's close is dropped.
   */
  async analyse(): Promise<void> {
    const { env, win } = this;
    if (this.closed || !env.active() || !win.root.isConnected) return;
    const started = performance.now();
    let text: string;
    try {
      text = win.readOwnText();
    } catch (error) {
      env.diagnose({
        lastProblem: { key: 'problemReadingDraft', detail: String(error) },
        lastProblemAt: env.deps.now(),
      });
      return;
    }
    this.editsKept.seen(text);
    // The rep changed the draft since the action (typed, or Ctrl+Z): Undo no longer applies.
    if (this.undoable && text !== this.undoable.after) this.undoable = undefined;
    if (!text.trim() && !this.undoable) {
      // No words of the rep's own yet (a new compose window, or all of them deleted): the analysis never
      // nudges such a draft, so a page that opens with one asks the background and the ledger nothing.
      this.nothingToSay();
      performance.measure('callfirst:analyse', { start: started, end: performance.now() });
      return;
    }
    const recipients = (this.recipients = this.readRecipients());
    this.refreshHistory(recipients);
    const settings = env.settings();
    const history = primaryHistory(recipients, this.histories);
    const input: AnalysisInput = {
      body: text,
      subject: safe(() => win.readSubject(), ''),
      threadMessages: safe(() => win.readThreadSize(), 0) + 1,
      recipients,
      settings,
    };
    if (history) {
      input.contact = toAnalysisContact(history, env.deps.now(), settings.overdueDays, this.overdueAloneShown);
    }
    const key = JSON.stringify([input.body, input.subject, input.threadMessages, recipients, input.contact]);
    if (key === this.analysedKey && this.analysis) {
      this.present(history);
      return;
    }
    if (key === this.pendingKey) return;
    const run = ++this.runs;
    this.pendingKey = key;
    const asked = env.deps.analyse(input);
    // User-timing entries (no text in them) for the page's two parts of a pass, reading and sending the
    // draft, then showing the verdict, so long tasks can be attributed to CallFirst when profiling.
    performance.measure('callfirst:analyse', { start: started, end: performance.now() });
    let analysis: Analysis;
    try {
      analysis = await asked;
    } catch (error) {
      if (run !== this.runs) return;
      this.pendingKey = undefined;
      // The extension was reloaded (the coach stops) or no background answered: nothing to say.
      if (isContextLost(error) || error instanceof AnalysisUnavailable) env.failed(error);
      else
        env.diagnose({
          lastProblem: { key: 'problemAnalysis', detail: String(error) },
          lastProblemAt: env.deps.now(),
        });
      return;
    }
    // `isClosed`, not `closed`: the window may have closed while the analysis ran.
    if (run !== this.runs || this.isClosed || !env.alive()) return;
    const answered = performance.now();
    this.pendingKey = undefined;
    this.analysis = analysis;
    this.analysedKey = key;
    this.present(history);
    performance.measure('callfirst:verdict', { start: answered, end: performance.now() });
  }

  /** The settings changed: hide at once if they hide the nudge, then ask the ledger again and re-analyse. */
  settingsChanged(): void {
    this.historyKey = this.analysedKey = this.pendingKey = undefined;
    this.runs++;
    if (!shownFor(this.analysis, this.env.settings(), this.snoozed, this.recipients)) this.hide();
    void this.analyse();
  }

  /** A click or key on Send: read the recipients now, while the window is certainly still there. */
  noteSendIntent(): void {
    this.recipients = this.readRecipients();
    // Ctrl+Z just before Send, within the typing pause: the edit was not kept.
    this.editsKept.seen(safe(() => this.win.readOwnText(), undefined));
    noteSendIntent(this, this.env.deps.now());
  }

  noteDiscard(): void {
    noteDiscard(this, this.env.deps.now());
  }

  /** A validation dialog stopped the send. */
  noteBlocked(): void {
    noteBlocked(this);
  }

  /** Whether the window, now gone (or going with the page), was sent. */
  wasSent(blockingDialog: boolean): boolean {
    return wasSent(this, this.env.deps.now(), blockingDialog);
  }

  /** Stops everything this window started and removes its nudge; records the email when it was sent. */
  close(sent: boolean): void {
    if (this.closed) return;
    this.closed = true;
    this.runs++;
    this.listeners.abort();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.ui?.remove();
    this.ui = null;
    if (!sent) return;
    const facts = this.facts();
    const edits = this.editsKept.sent();
    const accepted = edits.map(({ action, reasons }) => nudgeAccepted(facts, action, reasons));
    this.env.sent({ records: [...accepted, emailSent(facts, this.shown)], edits });
  }

  /** This window is a draft the site's Undo Send brought back: the edits it was sent with wait again for Send. */
  sendUndone(edits: SentEdits): void {
    this.editsKept.returned(edits);
  }

  // ------------------------------------------------------------ the nudge

  private present(history: ContactHistory | undefined): void {
    const { analysis, env } = this;
    const shown = shownFor(analysis, env.settings(), this.snoozed, this.recipients);
    const undo = this.undoable && { action: this.undoable.action };
    if (!analysis || (!shown && !undo)) {
      this.hide();
      return;
    }
    // An appearance is the nudge showing after nothing did (not after the Undo offer alone).
    if (shown && !this.showing) this.appearances++;
    this.shown = shown;
    this.showing = true;
    const announceKey = `${this.win.draftId}:${this.appearances}`;
    if (shown) {
      const event = nudgeShown(this.facts(), shown.level, shown.reasons);
      if (!this.shownKeys.has(event.key)) {
        this.shownKeys.add(event.key);
        env.record(event);
      }
      if (shown.reasons.join() === 'overdue') this.overdueAloneShown = true;
    }
    const withHistory = env.settings().showContactHistory;
    const view: NudgeView = {
      reasons: shown?.reasons ?? [],
      model: shown
        ? nudgeModel(analysis, shown, {
            historyLine: withHistory ? historyLine(history, env.deps.now()) : undefined,
            lastCallLine: withHistory ? lastCallLine(history, env.deps.now()) : undefined,
            phone: safe(() => this.win.readVisiblePhoneNumbers(), [])[0],
            canMuteContact: !!this.recipients[0]?.address && env.canChange('mutedContacts'),
            canTurnOffRules: env.canChange('rules'),
            announceKey,
            undo,
          })
        : undoOfferModel(undo!, announceKey),
      actions: this.actions,
    };
    void this.show(view);
  }

  /** An empty draft: any answer on its way is stale, and the nudge hides. */
  private nothingToSay(): void {
    this.runs++;
    this.pendingKey = this.analysedKey = undefined;
    this.analysis = undefined;
    this.hide();
  }

  private hide(): void {
    this.shown = null;
    this.showing = false;
    this.ui?.update(null);
  }

  /** Mounts the nudge beside the window the first time it is needed; the newest view always wins. */
  private async show(view: NudgeView): Promise<void> {
    const { env } = this;
    if (this.ui && !this.ui.connected) {
      this.ui.remove();
      this.ui = undefined;
    }
    if (this.ui === undefined) {
      this.mounting ??= env.deps
        .mountNudge(env.ctx as ContentScriptContext, this.win)
        .then((ui) => {
          if (this.closed || !env.alive()) {
            ui?.remove();
            return;
          }
          this.ui = ui;
          if (!ui) {
            env.diagnose({
              lastProblem: { key: 'problemNoNudgePlace' },
              lastProblemAt: env.deps.now(),
            });
          }
        })
        .catch((error: unknown) => {
          this.ui = null;
          env.failed(error);
        })
        .finally(() => {
          this.mounting = undefined;
        });
      await this.mounting;
    }
    // Analysis may have moved on while the nudge was mounting.
    if (!this.closed) this.ui?.update(this.showing ? view : null);
  }

  // ------------------------------------------------------------ the nudge's actions

  private askForCall(): void {
    const text = this.analysis?.callRequest;
    if (!text) return;
    this.edited('call_request', () => replaceOwnText(this.win, text));
  }

  private useOpener(): void {
    const analysis = this.analysis;
    if (!analysis) return;
    const evidence = analysis.findings.find((f) => f.rule === 'checkin')?.evidence ?? [];
    this.edited('opener', () => evidence.some((e) => replaceSentence(this.win, e, analysis.opener)));
  }

  /** Changes the draft through `edit`; when it did, offers Undo at once (the action counts once the draft is sent with it). */
  private edited(action: UndoableAction, edit: () => boolean): void {
    const before = safe(() => this.win.readOwnText(), undefined);
    if (!edit()) return;
    this.editsKept.made({ action, reasons: this.shown?.reasons ?? [] }, before);
    const after = safe(() => this.win.readOwnText(), undefined);
    if (before === undefined || after === undefined) return;
    this.undoable = { action, before, after };
    this.present(primaryHistory(this.recipients, this.histories));
  }

  /** Puts the draft back through the editor's undo stack, then shows what the restored draft calls for. */
  private undo(): void {
    const edit = this.undoable;
    this.undoable = undefined;
    if (edit) {
      if (safe(() => undoEdit(this.win, edit), false)) this.editsKept.undone();
      else this.env.diagnose({ lastProblem: { key: 'problemUndo' }, lastProblemAt: this.env.deps.now() });
    }
    // Re-analysed now, not after the typing pause, so the nudge goes straight from Undo to the restored draft's.
    void this.analyse();
  }

  /**
   * The rep dialled from the nudge: the nudge was acted on, but dialling is not yet a call (no answer,
   * voicemail). The call counts when the rep saves the notes the card then asks for (logCall).
   */
  private callNow(): void {
    this.dialled = true;
    this.accepted('call_now');
  }

  private logCall(notes: CallNotes): void {
    // After "Call", the nudge was already recorded as acted on (call_now): the notes only log the call.
    if (!this.dialled) this.accepted('log_call');
    this.logged(notes, this.dialled ? 'tel' : 'nudge');
  }

  private snooze(): void {
    this.snoozed = true;
    this.dismissed('snooze', this.shown?.reasons ?? []);
    this.hide();
  }

  private muteContact(): void {
    const address = this.recipients[0]?.address?.toLowerCase();
    if (!address) return;
    this.dismissed('mute_contact', this.shown?.reasons ?? []);
    this.env.changeSettings({ mutedContacts: [...new Set([...this.env.settings().mutedContacts, address])] });
  }

  private ruleOff(rule: RuleId): void {
    this.dismissed('rule_off', [rule]);
    this.env.changeSettings({ rules: { ...this.env.settings().rules, [rule]: false } });
  }

  // ------------------------------------------------------------ helpers

  /**
   * Asks the ledger about the recipients when they change; the answer re-analyses the draft, unless it
   * was asked ahead (`reanalyse` false, at the rep's first edit) and a pass waiting for the pause will read it.
   */
  private refreshHistory(recipients: ContactRef[], reanalyse = true): void {
    const addresses = addressesOf(recipients);
    const key = addresses.join(',');
    if (key === this.historyKey) return;
    this.historyKey = key;
    this.histories = undefined;
    // Asked even with history and overdue off: the next purpose noted at the last call is the opener.
    if (!addresses.length) return;
    void this.env.request({ type: 'contact_history', addresses }).then((answer) => {
      if (!Array.isArray(answer) || this.historyKey !== key || this.closed) return;
      this.histories = answer;
      // Asked ahead of a pass that is still waiting for the rep's pause: that pass reads the answer.
      if (reanalyse || this.timer === undefined) void this.analyse();
    });
  }

  private facts(): DraftFacts {
    return { host: this.env.site, draftId: this.win.draftId, recipients: this.recipients, at: this.env.deps.now() };
  }

  private accepted(action: NudgeAction): void {
    this.env.record(nudgeAccepted(this.facts(), action, this.shown?.reasons ?? []));
  }

  private dismissed(action: DismissAction, reasons: RuleId[]): void {
    this.env.record(nudgeDismissed(this.facts(), action, reasons));
  }

  private logged(notes: CallNotes, source: 'nudge' | 'tel'): void {
    const contact = this.recipients[0] ?? {};
    this.env.record(callLogged(this.env.site, this.env.deps.now(), contact, notes, source));
  }
}
