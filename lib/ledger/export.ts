/**
 * "Your data": calls with their notes and the daily counts, as CSV (one file each) and JSON (both).
 * Built in the extension page and handed to the rep as a Blob download: nothing leaves the device.
 */
import type { CallNotes, CallSource, ContactRef } from '../messages';
import type { Day } from './day';
import type { EventType, LedgerDb } from './db';
import { LEDGER_SCHEMA_VERSION } from './db';
import { perDay } from './queries';

export interface ExportedCall {
  at: string;
  day: Day;
  contact: ContactRef;
  source: CallSource;
  notes: CallNotes;
}

export interface ExportedDay {
  day: Day;
  calls: number;
  emails: number;
  nudgesShown: number;
  nudgesAccepted: number;
  nudgesDismissed: number;
}

export interface LedgerExport {
  app: 'CallFirst';
  schemaVersion: number;
  exportedAt: string;
  calls: ExportedCall[];
  days: ExportedDay[];
}

const DAY_FIELDS: Record<EventType, keyof Omit<ExportedDay, 'day'>> = {
  call_logged: 'calls',
  email_sent: 'emails',
  nudge_shown: 'nudgesShown',
  nudge_accepted: 'nudgesAccepted',
  nudge_dismissed: 'nudgesDismissed',
};

/** Everything exportable, oldest first. The daily counts are index counts, day by day. */
export async function readExport(db: LedgerDb, now: number = Date.now()): Promise<LedgerExport> {
  return db.transaction('r', db.events, db.calls, async () => {
    const calls = (await db.calls.orderBy('at').toArray()).map((c): ExportedCall => ({
      at: new Date(c.at).toISOString(),
      day: c.day,
      contact: { ...c.contact },
      source: c.source,
      notes: { ...c.notes },
    }));
    const byDay = new Map<Day, ExportedDay>();
    const first = (await db.events.orderBy('day').first())?.day;
    const last = (await db.events.orderBy('day').last())?.day;
    if (first && last) {
      for (const [type, field] of Object.entries(DAY_FIELDS) as [EventType, keyof Omit<ExportedDay, 'day'>][]) {
        for (const [day, n] of await perDay(db, type, first, last)) {
          let row = byDay.get(day);
          if (!row) {
            row = { day, calls: 0, emails: 0, nudgesShown: 0, nudgesAccepted: 0, nudgesDismissed: 0 };
            byDay.set(day, row);
          }
          row[field] = n;
        }
      }
    }
    const days = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    return {
      app: 'CallFirst',
      schemaVersion: LEDGER_SCHEMA_VERSION,
      exportedAt: new Date(now).toISOString(),
      calls,
      days,
    };
  });
}

/**
 * One CSV cell (RFC 4180 quoting). A cell that a spreadsheet would run as a formula (starting with
 * =, @, a tab or carriage return, or + or - not followed by a digit) gets a leading apostrophe.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^(?:[=@\t\r]|[+-](?![\d\s.]))/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CALLS_CSV_HEADER = [
  'date',
  'time',
  'contact_name',
  'contact_address',
  'source',
  'purpose',
  'discussed',
  'proposed',
  'next_purpose',
];

export function callsToCsv(data: Pick<LedgerExport, 'calls'>): string {
  return csv([
    CALLS_CSV_HEADER,
    ...data.calls.map((c) => [
      c.day,
      c.at,
      c.contact.name ?? '',
      c.contact.address ?? '',
      c.source,
      c.notes.purpose,
      c.notes.discussed,
      c.notes.proposed,
      c.notes.nextPurpose,
    ]),
  ]);
}

export const DAYS_CSV_HEADER = ['date', 'calls', 'emails', 'nudges_shown', 'nudges_accepted', 'nudges_dismissed'];

export function daysToCsv(data: Pick<LedgerExport, 'days'>): string {
  return csv([
    DAYS_CSV_HEADER,
    ...data.days.map((d) => [d.day, d.calls, d.emails, d.nudgesShown, d.nudgesAccepted, d.nudgesDismissed]),
  ]);
}

export function exportToJson(data: LedgerExport): string {
  return JSON.stringify(data, null, 2) + '\n';
}
