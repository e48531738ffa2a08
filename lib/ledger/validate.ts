/**
 * The background's gate for recorded events. Messages come from content scripts running inside
 * mail pages, so each event is rebuilt field by field from what the contract allows: unknown fields
 * (draft text, say) are never stored, strings are bounded, and a malformed event is dropped.
 */
import type {
  CallNotes,
  CallSource,
  ContactRef,
  DismissAction,
  LedgerEvent,
  NudgeAction,
  NudgeLevel,
} from '../messages';
import { SITE_IDS, type SiteId } from '../settings/schema';

const MAX_KEY = 200;
const MAX_NAME = 200;
const MAX_ADDRESS = 320;
const MAX_NOTE = 4000;
const MAX_RECIPIENTS = 100;
const MAX_REASONS = 20;
const MAX_REASON = 40;
/** Events dated further ahead than this (clock skew aside) are refused. */
const MAX_FUTURE_MS = 86_400_000;
/** 2000-01-01: earlier timestamps are bugs, not history. */
const MIN_AT = 946_684_800_000;

const LEVELS: readonly NudgeLevel[] = ['none', 'suggest', 'strong'];
const ACCEPT_ACTIONS: readonly NudgeAction[] = ['call_request', 'opener', 'call_now', 'log_call'];
const DISMISS_ACTIONS: readonly DismissAction[] = ['snooze', 'mute_contact', 'rule_off'];
const SOURCES: readonly CallSource[] = ['form', 'shortcut', 'nudge', 'tel'];

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, max: number): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s ? s.slice(0, max) : undefined;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

function contact(v: unknown): ContactRef | null {
  if (!isObj(v)) return null;
  const ref: ContactRef = {};
  const address = str(v.address, MAX_ADDRESS);
  const name = str(v.name, MAX_NAME);
  if (address) ref.address = address;
  if (name) ref.name = name;
  return address || name ? ref : null;
}

function recipients(v: unknown): ContactRef[] | null {
  if (!Array.isArray(v)) return null;
  return v
    .slice(0, MAX_RECIPIENTS)
    .map(contact)
    .filter((c): c is ContactRef => c !== null);
}

function reasons(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .slice(0, MAX_REASONS)
    .map((r) => str(r, MAX_REASON))
    .filter((r): r is string => r !== undefined);
}

function notes(v: unknown): CallNotes {
  const o = isObj(v) ? v : {};
  return {
    purpose: str(o.purpose, MAX_NOTE) ?? '',
    discussed: str(o.discussed, MAX_NOTE) ?? '',
    proposed: str(o.proposed, MAX_NOTE) ?? '',
    nextPurpose: str(o.nextPurpose, MAX_NOTE) ?? '',
  };
}

/** A clean copy of `input` if it is a valid ledger event, else null. */
export function sanitizeEvent(input: unknown, now: number = Date.now()): LedgerEvent | null {
  if (!isObj(input)) return null;
  const key = str(input.key, MAX_KEY);
  const at = input.at;
  if (!key || typeof at !== 'number' || !Number.isFinite(at) || at < MIN_AT || at > now + MAX_FUTURE_MS) return null;
  const host: SiteId | undefined = oneOf(input.host, SITE_IDS);
  const base = host ? { key, at, host } : { key, at };

  switch (input.type) {
    case 'email_sent':
    case 'nudge_shown': {
      const to = recipients(input.recipients);
      const level = oneOf(input.level, LEVELS) ?? 'none';
      if (!to) return null;
      return { ...base, type: input.type, recipients: to, level, reasons: reasons(input.reasons) };
    }
    case 'nudge_accepted': {
      const to = recipients(input.recipients);
      const action = oneOf(input.action, ACCEPT_ACTIONS);
      if (!to || !action) return null;
      return { ...base, type: 'nudge_accepted', recipients: to, action, reasons: reasons(input.reasons) };
    }
    case 'nudge_dismissed': {
      const to = recipients(input.recipients);
      const action = oneOf(input.action, DISMISS_ACTIONS);
      if (!to || !action) return null;
      return { ...base, type: 'nudge_dismissed', recipients: to, action, reasons: reasons(input.reasons) };
    }
    case 'call_logged': {
      const who = contact(input.contact) ?? {};
      const source = oneOf(input.source, SOURCES) ?? 'form';
      return { ...base, type: 'call_logged', contact: who, notes: notes(input.notes), source };
    }
    default:
      return null;
  }
}
