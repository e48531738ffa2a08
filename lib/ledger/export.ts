/**
 * "Your data": calls with their notes and the daily counts, as CSV (one file each) and JSON (both).
 * Built in the extension page and handed to the rep as a Blob download: nothing leaves the device.
 */
import type { CallNotes, CallSource, ContactRef } from '../messages';
import type { Day } from './day';
import type { LedgerDb } from './db';
import { LEDGER_SCHEMA_VERSION } from './db';
import type { TotalsRow } from './totals';

export interface ExportedCall {
  at: string;
  day: Day;
  contact: ContactRef;
  source: CallSource;
  notes: CallNotes;
}

/** One day's counts: the daily totals as stored. */
export type ExportedDay = TotalsRow;

export interface LedgerExport {
  app: 'CallFirst';
  schemaVersion: number;
  exportedAt: string;
  calls: ExportedCall[];
  days: ExportedDay[];
}

/** Everything exportable, oldest first. The daily counts are the daily totals. */
export async function readExport(db: LedgerDb, now: number = Date.now()): Promise<LedgerExport> {
  return db.transaction('r', db.calls, db.totals, async () => {
    const calls = (await db.calls.orderBy('at').toArray()).map((c): ExportedCall => ({
      at: new Date(c.at).toISOString(),
      day: c.day,
      contact: { ...c.contact },
      source: c.source,
      notes: { ...c.notes },
    }));
    const days = await db.totals.orderBy('day').toArray();
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
