/**
 * Typed messages from content scripts and extension pages to the background, which owns
 * the ledger and runs the draft analysis. Only `analyse` carries draft text: from the mail page to
 * the extension's background, in memory, answered and dropped there (never stored, never logged,
 * never sent beyond the browser). Every other message holds only counts, flags, addresses and the
 * call notes the rep writes.
 */
import { browser } from 'wxt/browser';
import type { Analysis, AnalysisInput } from './analysis';
import type { RuleId, SiteId } from './settings/schema';

export type NudgeLevel = 'none' | 'suggest' | 'strong';
/** A rule id from the analysis (checkin, questions, length, thread, conflict, overdue). */
export type Reason = RuleId | (string & {});

/** A person on the other end: the address where the page shows one, a name otherwise. */
export interface ContactRef {
  address?: string;
  name?: string;
}

/** Where a call was logged; `crm`: read from the organisation's CRM (made elsewhere). */
export type CallSource = 'form' | 'shortcut' | 'nudge' | 'tel' | 'crm';

/** The three-part call note good reps keep, plus why they called. */
export interface CallNotes {
  purpose: string;
  discussed: string;
  proposed: string;
  nextPurpose: string;
}

/** A call logged without notes (a `tel:` link, "Call now"; the forms start from it). */
export const EMPTY_CALL_NOTES: Readonly<CallNotes> = { purpose: '', discussed: '', proposed: '', nextPurpose: '' };

/** Fields every recorded event carries. `key` makes recording idempotent. */
interface EventBase {
  key: string;
  at: number;
  host?: SiteId;
}

export interface EmailSent extends EventBase {
  type: 'email_sent';
  recipients: ContactRef[];
  level: NudgeLevel;
  reasons: Reason[];
}
export interface NudgeShown extends EventBase {
  type: 'nudge_shown';
  recipients: ContactRef[];
  level: NudgeLevel;
  reasons: Reason[];
}
export type NudgeAction = 'call_request' | 'opener' | 'call_now' | 'log_call';
export interface NudgeAccepted extends EventBase {
  type: 'nudge_accepted';
  recipients: ContactRef[];
  action: NudgeAction;
  reasons: Reason[];
}
export type DismissAction = 'snooze' | 'mute_contact' | 'rule_off';
export interface NudgeDismissed extends EventBase {
  type: 'nudge_dismissed';
  recipients: ContactRef[];
  action: DismissAction;
  reasons: Reason[];
}
export interface CallLogged extends EventBase {
  type: 'call_logged';
  contact: ContactRef;
  notes: CallNotes;
  source: CallSource;
}

export type LedgerEvent = EmailSent | NudgeShown | NudgeAccepted | NudgeDismissed | CallLogged;

/** What the ledger knows of one contact, shown in the nudge. */
export interface ContactHistory {
  address: string;
  name?: string;
  lastCallAt?: number;
  lastEmailAt?: number;
  emailsSinceLastCall: number;
  /** The first email since the last call (or ever, if never called): how long the rep has been emailing. */
  firstEmailSinceCallAt?: number;
  /** The latest call with its notes, from the ledger (or, where connected, the team's CRM). */
  lastCall?: LastCall;
  /** The latest nudge shown for this contact with "overdue" as its only reason, in the last 7 days. */
  lastOverdueOnlyNudgeAt?: number;
}

/** A contact's latest call as the nudge and popup show it. */
export interface LastCall {
  at: number;
  /** Who made the call, when someone other than this rep did (a CRM record). */
  by?: string;
  discussed?: string;
  proposed?: string;
  /** The purpose of the next contact, as the rep noted it: the next draft's opener. */
  nextPurpose?: string;
}

export interface RecordRequest {
  type: 'record';
  event: LedgerEvent;
}
/** The most addresses one `contact_history` request may ask about; the background reads no more. */
export const MAX_HISTORY_LOOKUPS = 100;

export interface HistoryRequest {
  type: 'contact_history';
  /** Addresses (any case); contacts the ledger does not know are left out of the reply. */
  addresses: string[];
  /** Display names, for recipients the page shows without an address. */
  names?: string[];
}
/** Deletes every event, call and contact (the "Your data" page; tests reset with it too). */
export interface ClearLedgerRequest {
  type: 'clear_ledger';
}
/** Asks the background to try saving events it holds in memory now (the popup sends it on opening). */
export interface FlushLedgerRequest {
  type: 'flush_ledger';
}

/** Analyses a draft in the background (lib/background/analysis.ts), so mail pages load no analysis. */
export interface AnalyseRequest {
  type: 'analyse';
  input: AnalysisInput;
}
/** Wakes the background and warms its analysis on a built-in draft (no text of the rep's). */
export interface PrimeAnalysisRequest {
  type: 'prime_analysis';
}

/** Signs in to the organisation's CRM (the options page sends it after the host permission is granted). */
export interface CrmConnectRequest {
  type: 'crm_connect';
}
/** Revokes the CRM sign-in and stops sending. */
export interface CrmDisconnectRequest {
  type: 'crm_disconnect';
}
/** Sends waiting calls and reads new ones from the CRM now (the popup sends it on opening). */
export interface CrmSyncRequest {
  type: 'crm_sync';
}
/** The rep's answer to a call the CRM refused. */
export interface CrmOutboxRequest {
  type: 'crm_outbox';
  key: string;
  action: 'retry' | 'without-contact' | 'discard';
}

export type Request =
  | RecordRequest
  | HistoryRequest
  | ClearLedgerRequest
  | FlushLedgerRequest
  | AnalyseRequest
  | PrimeAnalysisRequest
  | CrmConnectRequest
  | CrmDisconnectRequest
  | CrmSyncRequest
  | CrmOutboxRequest;

/**
 * `saved`: in the database. `duplicate`: an event with this key was already recorded (not counted
 * again). `kept_in_memory`: storage failed; counted for this browser session and saved when storage
 * works again. `invalid`: the event was malformed and dropped.
 */
export type RecordOutcome = 'saved' | 'duplicate' | 'kept_in_memory' | 'invalid';

/** The reply each request gets from the background. */
export interface ResponseMap {
  record: { ok: boolean; outcome?: RecordOutcome };
  contact_history: ContactHistory[];
  clear_ledger: { ok: boolean };
  flush_ledger: { ok: boolean; persistent: boolean };
  /** `ok: false`: the input was malformed or the analysis failed. */
  analyse: { ok: true; analysis: Analysis } | { ok: false };
  prime_analysis: { ok: boolean };
  crm_connect: { ok: boolean; error?: string };
  crm_disconnect: { ok: boolean; error?: string };
  crm_sync: { ok: boolean };
  crm_outbox: { ok: boolean };
}
export type ResponseOf<R extends Request> = ResponseMap[R['type']];

export function sendToBackground<R extends Request>(request: R): Promise<ResponseOf<R>> {
  return browser.runtime.sendMessage<R, ResponseOf<R>>(request);
}

/** A fresh idempotency key; callers that can derive a stable one (e.g. per compose window) should. */
export function newEventKey(prefix: string): string {
  return `${prefix}:${crypto.randomUUID()}`;
}
