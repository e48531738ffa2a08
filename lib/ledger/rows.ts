/**
 * From recorded events to database rows, purely: which contacts an event concerns, the event and
 * call rows, and how each contact's summary (last email, last call, emails since) moves. Used by
 * the writer, the v1→v2 upgrade and the in-memory fallback, so all three agree.
 */
import { contactIdOf, normalizeName } from '../contact-history';
import type { CallNotes, ContactHistory, ContactRef, LastCall, LedgerEvent } from '../messages';
import type { Day } from './day';
import type { CallRow, ContactRow, EventRow } from './db';

/** An event with the local day fixed when it was recorded. */
export interface PreparedEvent {
  event: LedgerEvent;
  day: Day;
}

/** The people an event concerns: recipients of an email or nudge, the person called. */
export function contactRefsOf(event: LedgerEvent): ContactRef[] {
  return event.type === 'call_logged' ? [event.contact] : event.recipients;
}

export function newContact(id: string): ContactRow {
  return { id, emailsSinceLastCall: 0, emailCount: 0, callCount: 0 };
}

/**
 * Moves a contact's summary for one email or call. Returns true when the emails-since count cannot
 * be known from the summary alone (a call older than emails already counted arrived late), so the
 * caller recounts from the events.
 */
export function applyToContact(row: ContactRow, type: 'email_sent' | 'call_logged', at: number): boolean {
  if (type === 'email_sent') {
    row.emailCount++;
    row.lastEmailAt = Math.max(row.lastEmailAt ?? at, at);
    if (row.lastCallAt === undefined || at > row.lastCallAt) {
      row.emailsSinceLastCall++;
      row.firstEmailSinceCallAt = Math.min(row.firstEmailSinceCallAt ?? at, at);
    }
    return false;
  }
  row.callCount++;
  if (row.lastCallAt !== undefined && at < row.lastCallAt) return false;
  row.lastCallAt = at;
  if (row.lastEmailAt !== undefined && row.lastEmailAt > at) return true;
  row.emailsSinceLastCall = 0;
  delete row.firstEmailSinceCallAt;
  return false;
}

function rememberName(row: ContactRow, ref: ContactRef): void {
  const name = ref.name?.trim();
  if (name) {
    row.name = name;
    row.nameKey = normalizeName(name);
  }
  if (!row.id.startsWith('name:')) row.address = row.id;
}

export interface BuiltRows {
  events: EventRow[];
  calls: CallRow[];
  /** Every contact the events touched, updated. */
  contacts: ContactRow[];
  /** Contacts whose emails-since count must be recounted from the events. */
  recount: Set<string>;
}

/**
 * Builds rows for `prepared` (new events only), updating `known` (contacts by id, as stored) in
 * place. A name-only reference joins the one known contact with an address and that name, if there
 * is exactly one; otherwise it becomes a `name:` contact of its own.
 */
export function buildRows(prepared: PreparedEvent[], known: Map<string, ContactRow>): BuiltRows {
  const events: EventRow[] = [];
  const calls: CallRow[] = [];
  const touched = new Map<string, ContactRow>();
  const recount = new Set<string>();
  const ordered = [...prepared].sort((a, b) => a.event.at - b.event.at);

  const resolve = (ref: ContactRef): string | null => {
    const id = contactIdOf(ref);
    if (!id?.startsWith('name:')) return id;
    const key = id.slice('name:'.length);
    const matches = [...known.values()].filter((c) => c.nameKey === key && c.address);
    return matches.length === 1 ? matches[0]!.id : id;
  };

  for (const { event, day } of ordered) {
    const refs = contactRefsOf(event);
    const ids: string[] = [];
    for (const ref of refs) {
      const id = resolve(ref);
      if (!id || ids.includes(id)) continue;
      ids.push(id);
      let row = known.get(id);
      if (!row) {
        row = newContact(id);
        known.set(id, row);
      }
      rememberName(row, ref);
      if (event.type === 'email_sent' || event.type === 'call_logged') {
        if (applyToContact(row, event.type, event.at)) recount.add(id);
        touched.set(id, row);
      } else if (!touched.has(id) && row.emailCount + row.callCount === 0) {
        // A nudge for someone never emailed or called: no contact row worth keeping.
        known.delete(id);
      }
    }
    events.push(eventRow(event, day, ids));
    if (event.type === 'call_logged') {
      const call: CallRow = {
        key: event.key,
        at: event.at,
        day,
        contact: { ...event.contact },
        notes: { ...event.notes },
        source: event.source,
      };
      if (ids[0]) call.contactId = ids[0];
      if (event.host) call.host = event.host;
      calls.push(call);
    }
  }
  return { events, calls, contacts: [...touched.values()], recount };
}

function eventRow(event: LedgerEvent, day: Day, contacts: string[]): EventRow {
  const row: EventRow = { key: event.key, type: event.type, at: event.at, day, contacts };
  if (event.host) row.host = event.host;
  switch (event.type) {
    case 'email_sent':
    case 'nudge_shown':
      row.level = event.level;
      row.reasons = [...event.reasons];
      break;
    case 'nudge_accepted':
    case 'nudge_dismissed':
      row.action = event.action;
      row.reasons = [...event.reasons];
      break;
    case 'call_logged':
      row.source = event.source;
      break;
  }
  return row;
}

/** The public view of a contact row. */
export function toContactHistory(row: ContactRow): ContactHistory {
  const history: ContactHistory = {
    address: row.address ?? '',
    emailsSinceLastCall: row.emailsSinceLastCall,
  };
  if (row.name) history.name = row.name;
  if (row.lastCallAt !== undefined) history.lastCallAt = row.lastCallAt;
  if (row.lastEmailAt !== undefined) history.lastEmailAt = row.lastEmailAt;
  if (row.firstEmailSinceCallAt !== undefined) history.firstEmailSinceCallAt = row.firstEmailSinceCallAt;
  return history;
}

/** A call as the nudge and the popup show it: when, and the notes the rep wrote (empty ones left out). */
export function toLastCall(at: number, notes: Partial<CallNotes>): LastCall {
  const call: LastCall = { at };
  for (const key of ['discussed', 'proposed', 'nextPurpose'] as const) {
    const note = notes[key]?.trim();
    if (note) call[key] = note;
  }
  return call;
}

/** A nudge shown with "overdue" as its only reason: the kind shown at most once a week per contact. */
export function isOverdueOnly(reasons: readonly string[] | undefined): boolean {
  return reasons?.length === 1 && reasons[0] === 'overdue';
}
