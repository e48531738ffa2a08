/**
 * The ledger's IndexedDB database (Dexie), owned by the extension's origin: the background
 * writes it, extension pages (popup, options) read it. Content scripts never open it — IndexedDB
 * opened there would belong to mail.google.com, readable by the site and wiped by "clear site data".
 *
 * Schema history (each version's stores are kept so an old database upgrades step by step):
 * - v1: the first sketch: each event stored as sent, keyed by its idempotency key. No local day,
 *   no contacts table; call notes inside the event. It never shipped in a release, but the upgrade
 *   path is kept and tested so the migration machinery is exercised from the first version on.
 * - v2: events keep only counts, flags and contact ids, with the local day fixed at record time and
 *   a [type+day] index for counting; call notes move to `calls`; `contacts` summarises each contact.
 * - v3: `totals` keeps each local day's count of each event type, changed with the events
 *   (lib/ledger/totals.ts), so the popup reads a row per day; the upgrade counts existing events.
 * - v4: `outbox` holds calls not yet written to the organisation's CRM (lib/crm sends them).
 */
import { Dexie, type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type {
  CallNotes,
  CallSource,
  ContactRef,
  DismissAction,
  LedgerEvent,
  NudgeAction,
  NudgeLevel,
} from '../messages';
import type { SiteId } from '../settings/schema';
import { localDay, type Day } from './day';
import { buildRows, type PreparedEvent } from './rows';
import { countByDay, type TotalsRow } from './totals';
import { LEDGER_DB_NAME } from './first-read';

export { LEDGER_DB_NAME };
export const LEDGER_SCHEMA_VERSION = 4;

export type EventType = LedgerEvent['type'];

/** One recorded event. No draft text: counts, flags, reasons and contact ids only. */
export interface EventRow {
  /** The idempotency key: primary key, so an event recorded twice is stored once. */
  key: string;
  type: EventType;
  /** Epoch ms. */
  at: number;
  /** The rep's local calendar day when it happened. */
  day: Day;
  host?: SiteId;
  /** Ids of the contacts it concerns (recipients, or the person called). */
  contacts: string[];
  level?: NudgeLevel;
  reasons?: string[];
  action?: NudgeAction | DismissAction;
  source?: CallSource;
}

/** A call with the rep's notes (the event row of the same key carries the counting fields). */
export interface CallRow {
  key: string;
  at: number;
  day: Day;
  contactId?: string;
  contact: ContactRef;
  notes: CallNotes;
  source: CallSource;
  host?: SiteId;
}

/** What the ledger knows of one person. */
export interface ContactRow {
  /** Normalised address, or `name:<normalised name>` when only a name was seen. */
  id: string;
  address?: string;
  name?: string;
  /** Normalised name, to attach name-only calls to a known address. */
  nameKey?: string;
  lastEmailAt?: number;
  lastCallAt?: number;
  emailsSinceLastCall: number;
  firstEmailSinceCallAt?: number;
  emailCount: number;
  callCount: number;
}

/** Why the CRM refused a call: the rep (or an admin) must act before it is tried again. */
export interface OutboxFailure {
  kind: 'contact-not-found' | 'field-not-allowed' | 'rejected';
  message: string;
  at: number;
}

/** A call waiting to be written to the CRM (same key as its event and call rows). */
export interface OutboxRow {
  key: string;
  queuedAt: number;
  /** Sending attempts started; after the first, a retry asks the CRM whether it already has the call. */
  attempts: number;
  /** When to try next (epoch ms); Infinity while a failure waits for the rep. */
  nextAt: number;
  failure?: OutboxFailure;
  /** The last attempt got no answer at all (offline): worth trying again as soon as asked. */
  offline?: boolean;
  /** The rep chose to send it without a matching contact. */
  withoutContact?: boolean;
}

/** Version-1 rows: the event as sent. */
export type V1EventRow = LedgerEvent;

export const SCHEMA_V1 = {
  events: 'key, type, at',
};

export const SCHEMA_V2 = {
  events: 'key, day, at, [type+day], *contacts',
  calls: 'key, day, at, contactId',
  contacts: 'id, nameKey, lastEmailAt, lastCallAt',
};

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  totals: 'day',
};

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  outbox: 'key, nextAt',
};

export interface LedgerDbOptions extends DexieOptions {
  /** The rep's time zone for days computed during an upgrade (the runtime's zone by default). */
  timeZone?: () => string | undefined;
}

export class LedgerDb extends Dexie {
  events!: EntityTable<EventRow, 'key'>;
  calls!: EntityTable<CallRow, 'key'>;
  contacts!: EntityTable<ContactRow, 'id'>;
  totals!: EntityTable<TotalsRow, 'day'>;
  outbox!: EntityTable<OutboxRow, 'key'>;

  constructor(name: string = LEDGER_DB_NAME, options: LedgerDbOptions = {}) {
    const { timeZone, ...dexieOptions } = options;
    super(name, dexieOptions);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => upgradeV1ToV2(tx, timeZone?.()));
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeV2ToV3);
    this.version(4).stores(SCHEMA_V4);
  }
}

/**
 * v1 → v2: fix each event's local day (in the zone at upgrade time: v1 did not keep one), split
 * call notes into `calls`, and build `contacts` by replaying every event in time order.
 */
async function upgradeV1ToV2(tx: Transaction, timeZone: string | undefined): Promise<void> {
  const old = (await tx.table('events').toArray()) as V1EventRow[];
  const prepared: PreparedEvent[] = old
    .filter((e) => typeof e.key === 'string' && Number.isFinite(e.at))
    .map((event) => ({ event, day: localDay(event.at, timeZone) }));
  const { events, calls, contacts } = buildRows(prepared, new Map());
  await tx.table('events').clear();
  await tx.table('events').bulkAdd(events);
  if (calls.length) await tx.table('calls').bulkAdd(calls);
  if (contacts.length) await tx.table('contacts').bulkAdd(contacts);
}

/** v2 → v3: each day's totals, counted from the events' [type+day] keys (no event row is loaded). */
async function upgradeV2ToV3(tx: Transaction): Promise<void> {
  const keys = (await tx.table('events').orderBy('[type+day]').keys()) as unknown as [EventType, Day][];
  const totals = countByDay(keys.map(([type, day]) => ({ type, day })));
  await tx.table('totals').bulkPut([...totals.values()]);
}
