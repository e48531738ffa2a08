/**
 * Typed messages from content scripts and extension pages to the background, which owns
 * the ledger. No message ever carries draft text: only counts, flags, addresses and the
 * call notes the rep writes.
 */
import { browser } from 'wxt/browser';
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
}

export interface RecordRequest {
  type: 'record';
  event: LedgerEvent;
}
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
