/**
 * The ledger as the background owns it: records events exactly once, and keeps counting when
 * IndexedDB fails (private windows, a full disk, a blocked upgrade, a corrupted store).
 *
 * - Writes are batched: events that arrive while a write is running go together in the next
 *   transaction, so a burst from several tabs costs one transaction, in arrival order.
 * - When opening or writing fails, the batch joins the *pending* list, kept in a `PendingStore`
 *   (the background uses storage.session: it survives the service worker stopping, and lasts until
 *   the browser closes). Counts shown meanwhile are the database's plus the pending events'.
 * - Every later write first retries the pending list, and a timer retries with backoff. Pending
 *   events are written with the same idempotency keys, so a retry after a write that did land
 *   stores nothing twice, and nothing pending is dropped until a write has committed.
 */
import type { ContactHistory, LedgerEvent, RecordOutcome } from '../messages';
import { localDay, addDays, type TimeZoneSource, type Day } from './day';
import { LedgerDb } from './db';
import { readToday } from './dashboard';
import { contactHistories, emailsAfter, type DayCounts, type EmailsSince } from './queries';
import { applyToContact, contactRefsOf, isOverdueOnly, newContact, toLastCall, type PreparedEvent } from './rows';
import { OVERDUE_ALONE_EVERY_DAYS } from '../analysis/overdue-alone';
import { contactIdOf } from '../contact-history';
import { deleteDaysBefore, deleteEverything, writeEvents } from './write';

/** Why storage is not working, in the categories the popup explains. */
export type StorageProblem = 'unavailable' | 'quota' | 'blocked' | 'failed';

export interface LedgerStatus {
  /** False while events are held in memory because the database failed. */
  persistent: boolean;
  problem?: StorageProblem;
  /** When storage first failed (epoch ms). */
  since?: number;
  /** Events held in memory. */
  pending: number;
}

/** What the background keeps outside IndexedDB while it fails. */
export interface PendingState {
  status: LedgerStatus;
  events: PreparedEvent[];
}

export interface PendingStore {
  load(): Promise<PendingState | undefined>;
  save(state: PendingState): Promise<void>;
}

/** A PendingStore that lives as long as the object (tests, and the last resort). */
export function memoryPendingStore(): PendingStore & { state: PendingState | undefined } {
  return {
    state: undefined,
    load() {
      return Promise.resolve(this.state && structuredClone(this.state));
    },
    save(state) {
      this.state = structuredClone(state);
      return Promise.resolve();
    },
  };
}

export interface LedgerOptions {
  /** Makes the database connection (a fresh one on each retry). */
  createDb?: () => LedgerDb;
  pending?: PendingStore;
  timeZone?: TimeZoneSource;
  now?: () => number;
  /** An open that has not finished by then counts as blocked. */
  openTimeoutMs?: number;
  /** Delays between retries while storage fails; the last repeats. */
  retryDelaysMs?: readonly number[];
  /** Called after anything changed the counts or the status (the badge listens). */
  onChange?: () => void;
  /** Whether new calls go to the CRM outbox (true while the organisation's CRM is connected). */
  queueCalls?: () => boolean | Promise<boolean>;
}

const DEFAULT_RETRY_DELAYS = [2_000, 10_000, 30_000, 60_000, 300_000];

class OpenTimeoutError extends Error {
  override name = 'OpenTimeoutError';
}

/** Sorts a storage error into the categories the popup explains. */
export function classifyStorageError(err: unknown): StorageProblem {
  const names: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const o = e as { name?: unknown; inner?: unknown; message?: unknown };
    if (typeof o.name === 'string') names.push(o.name);
    if (typeof o.message === 'string') names.push(o.message);
    e = o.inner;
  }
  const all = names.join(' ');
  if (/Quota/i.test(all)) return 'quota';
  if (/OpenTimeout|blocked/i.test(all)) return 'blocked';
  if (/MissingAPI|InvalidState|SecurityError|indexedDB API missing|not allowed|private/i.test(all))
    return 'unavailable';
  return 'failed';
}

interface Waiter {
  prepared: PreparedEvent;
  resolve: (outcome: RecordOutcome) => void;
}

export class Ledger {
  private db: LedgerDb | null = null;
  private opening: Promise<LedgerDb> | null = null;
  private pending: PreparedEvent[] = [];
  private status: LedgerStatus = { persistent: true, pending: 0 };
  private readonly queue: Waiter[] = [];
  private draining: Promise<void> | null = null;
  private readonly loaded: Promise<void>;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAttempt = 0;
  private closed = false;

  private readonly createDb: () => LedgerDb;
  private readonly store: PendingStore;
  private readonly timeZone: TimeZoneSource;
  private readonly now: () => number;
  private readonly openTimeoutMs: number;
  private readonly retryDelays: readonly number[];
  private readonly onChange: () => void;
  private readonly queueCalls: () => boolean | Promise<boolean>;

  constructor(options: LedgerOptions = {}) {
    this.timeZone = options.timeZone ?? (() => undefined);
    this.createDb = options.createDb ?? (() => new LedgerDb(undefined, { timeZone: this.timeZone }));
    this.store = options.pending ?? memoryPendingStore();
    this.now = options.now ?? Date.now;
    this.openTimeoutMs = options.openTimeoutMs ?? 5_000;
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
    this.onChange = options.onChange ?? (() => undefined);
    this.queueCalls = options.queueCalls ?? (() => false);
    this.loaded = this.loadPending();
  }

  /** Pending events survive the service worker stopping: pick them up and retry at once. */
  private async loadPending(): Promise<void> {
    try {
      const state = await this.store.load();
      if (state?.events.length) {
        this.pending = state.events;
        this.status = { ...state.status, pending: state.events.length };
        this.scheduleRetry(0);
      }
    } catch {
      /* nothing kept: start empty */
    }
  }

  /** Today's local day in the rep's zone. */
  today(): Day {
    return localDay(this.now(), this.timeZone());
  }

  getStatus(): LedgerStatus {
    return { ...this.status };
  }

  /** Events held in memory (copies). */
  getPending(): PreparedEvent[] {
    return this.pending.map((p) => ({ ...p }));
  }

  /** Records one event; resolves once it is saved, found to be a duplicate, or kept in memory. */
  record(event: LedgerEvent): Promise<RecordOutcome> {
    const prepared: PreparedEvent = { event, day: localDay(event.at, this.timeZone()) };
    return new Promise((resolve) => {
      this.queue.push({ prepared, resolve });
      void this.drain();
    });
  }

  /** Tries to save the pending events now; true when nothing is left pending. */
  async flush(): Promise<boolean> {
    await this.loaded;
    if (!this.pending.length) return true;
    await this.drain(true);
    return this.pending.length === 0;
  }

  private drain(force = false): Promise<void> {
    if (this.draining) {
      // A flush requested while draining runs once the current drain ends.
      return force ? this.draining.then(() => this.drain(true)) : this.draining;
    }
    this.draining = (async () => {
      await this.loaded;
      let first = true;
      while (this.queue.length || (first && force && this.pending.length)) {
        first = false;
        const batch = this.queue.splice(0);
        const outcomes = await this.writeBatch(batch.map((w) => w.prepared));
        batch.forEach((w, i) => w.resolve(outcomes[i] ?? 'saved'));
      }
    })().finally(() => {
      this.draining = null;
      // Records that arrived after the loop's last check (their waiters' callers ran in between).
      if (this.queue.length) void this.drain();
    });
    return this.draining;
  }

  /** Writes the pending events and `prepared` in one transaction; outcomes align with `prepared`. */
  private async writeBatch(prepared: PreparedEvent[]): Promise<RecordOutcome[]> {
    let outcomes: RecordOutcome[];
    try {
      const db = await this.openDb();
      const outbox = await Promise.resolve(this.queueCalls()).catch(() => false);
      const saved = await writeEvents(db, [...this.pending, ...prepared], { outbox, now: this.now() });
      const seen = new Set<string>();
      outcomes = prepared.map((p) => {
        const isNew = saved.has(p.event.key) && !seen.has(p.event.key);
        seen.add(p.event.key);
        return isNew ? 'saved' : 'duplicate';
      });
      if (this.pending.length || !this.status.persistent) {
        this.pending = [];
        this.status = { persistent: true, pending: 0 };
        this.retryAttempt = 0;
        this.clearRetry();
        await this.savePending();
      }
    } catch (err) {
      const keys = new Set(this.pending.map((p) => p.event.key));
      outcomes = prepared.map((p) => {
        if (keys.has(p.event.key)) return 'duplicate';
        keys.add(p.event.key);
        this.pending.push(p);
        return 'kept_in_memory';
      });
      this.status = {
        persistent: false,
        problem: classifyStorageError(err),
        since: this.status.since ?? this.now(),
        pending: this.pending.length,
      };
      this.dropDb();
      await this.savePending();
      this.scheduleRetry();
    }
    this.onChange();
    return outcomes;
  }

  private async savePending(): Promise<void> {
    try {
      await this.store.save({ status: this.getStatus(), events: this.pending });
    } catch {
      /* the in-memory copy stays the source of truth for this session */
    }
  }

  private scheduleRetry(delay?: number): void {
    if (this.closed || this.retryTimer) return;
    const wait =
      delay ?? this.retryDelays[Math.min(this.retryAttempt, this.retryDelays.length - 1)] ?? DEFAULT_RETRY_DELAYS[0]!;
    this.retryAttempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, wait);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** The open database, opening it (with a time limit: a blocked upgrade never settles) if needed. */
  async openDb(): Promise<LedgerDb> {
    if (this.db?.isOpen()) return this.db;
    if (this.opening) return this.opening;
    const db = this.createDb();
    this.opening = (async () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          db.open(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new OpenTimeoutError('opening the ledger timed out')), this.openTimeoutMs);
          }),
        ]);
        this.db = db;
        return db;
      } catch (err) {
        db.close();
        throw err;
      } finally {
        clearTimeout(timer);
        this.opening = null;
      }
    })();
    return this.opening;
  }

  private dropDb(): void {
    this.db?.close();
    this.db = null;
  }

  /** The database if it opens, else null (reads then come from memory alone). */
  private async readableDb(): Promise<LedgerDb | null> {
    try {
      return await this.openDb();
    } catch {
      return null;
    }
  }

  /** Today's calls and emails, pending events included: for the badge. */
  async todayCounts(): Promise<DayCounts> {
    await this.loaded;
    const db = await this.readableDb();
    try {
      return await readToday(db, this.today(), this.pending);
    } catch {
      return readToday(null, this.today(), this.pending);
    }
  }

  /** What is known of these people (pending events included), in the order asked. */
  async contactHistory(addresses: readonly string[], names: readonly string[] = []): Promise<ContactHistory[]> {
    await this.loaded;
    const db = await this.readableDb();
    let found: (ContactHistory & { id: string })[] = [];
    try {
      if (db) found = await contactHistories(db, addresses, names, this.now());
    } catch {
      found = [];
    }
    if (!this.pending.length) return found.map(stripId);
    return this.mergePendingHistory(found, addresses, names).map(stripId);
  }

  /**
   * The emails sent to `address` after `since` (pending events included): the emails since a call
   * the ledger did not record, such as a teammate's from the CRM.
   */
  async emailsSince(address: string, since: number): Promise<EmailsSince> {
    await this.loaded;
    const id = contactIdOf({ address });
    const out: EmailsSince = { count: 0 };
    if (!id) return out;
    const db = await this.readableDb();
    try {
      if (db) Object.assign(out, await emailsAfter(db, id, since));
    } catch {
      /* counted from memory alone */
    }
    for (const { event } of this.pending) {
      if (event.type !== 'email_sent' || event.at <= since) continue;
      if (!event.recipients.some((r) => contactIdOf(r) === id)) continue;
      out.count++;
      out.first = Math.min(out.first ?? event.at, event.at);
    }
    return out;
  }

  private mergePendingHistory(
    found: (ContactHistory & { id: string })[],
    addresses: readonly string[],
    names: readonly string[],
  ): (ContactHistory & { id: string })[] {
    const wanted = [
      ...addresses.map((address) => contactIdOf({ address })),
      ...names.map((name) => contactIdOf({ name })),
    ].filter((id): id is string => !!id);
    const byId = new Map(found.map((h) => [h.id, h]));
    const order = [...new Set([...found.map((h) => h.id), ...wanted])];
    const sorted = [...this.pending].sort((a, b) => a.event.at - b.event.at);
    const weekAgo = this.now() - OVERDUE_ALONE_EVERY_DAYS * 86_400_000;
    for (const id of order) {
      const h = byId.get(id);
      const row = h ? { ...newContact(id), ...h, address: h.address || undefined } : newContact(id);
      let touched = false;
      let { lastCall, lastOverdueOnlyNudgeAt } = h ?? {};
      for (const { event } of sorted) {
        const refs = contactRefsOf(event);
        if (!refs.some((r) => contactIdOf(r) === id)) continue;
        if (event.type === 'nudge_shown' && isOverdueOnly(event.reasons) && event.at >= weekAgo) {
          lastOverdueOnlyNudgeAt = Math.max(lastOverdueOnlyNudgeAt ?? event.at, event.at);
        }
        if (event.type !== 'email_sent' && event.type !== 'call_logged') continue;
        applyToContact(row, event.type, event.at);
        if (event.type === 'call_logged' && event.at >= (lastCall?.at ?? -Infinity)) {
          lastCall = toLastCall(event.at, event.notes);
        }
        const ref = refs.find((r) => contactIdOf(r) === id);
        if (ref?.name && !row.name) row.name = ref.name;
        touched = true;
      }
      if (!h && !touched) continue;
      const merged: ContactHistory & { id: string } = {
        id,
        address: id.startsWith('name:') ? '' : id,
        emailsSinceLastCall: row.emailsSinceLastCall,
      };
      if (row.name) merged.name = row.name;
      if (row.lastCallAt !== undefined) merged.lastCallAt = row.lastCallAt;
      if (row.lastEmailAt !== undefined) merged.lastEmailAt = row.lastEmailAt;
      if (row.firstEmailSinceCallAt !== undefined) merged.firstEmailSinceCallAt = row.firstEmailSinceCallAt;
      if (lastCall) merged.lastCall = lastCall;
      if (lastOverdueOnlyNudgeAt !== undefined) merged.lastOverdueOnlyNudgeAt = lastOverdueOnlyNudgeAt;
      byId.set(id, merged);
    }
    return order.map((id) => byId.get(id)).filter((h): h is ContactHistory & { id: string } => !!h);
  }

  /** Deletes every event, call and contact, and the pending ones. Throws if the database fails. */
  async clear(): Promise<void> {
    await this.loaded;
    await this.draining;
    this.pending = [];
    this.status = { persistent: true, pending: 0 };
    this.clearRetry();
    await this.savePending();
    try {
      await deleteEverything(await this.openDb());
    } finally {
      this.onChange();
    }
  }

  /**
   * Deletes events and calls older than `retentionDays` local days (today counts as one), and
   * contacts neither emailed nor called since. Returns the number of events deleted.
   */
  async prune(retentionDays: number): Promise<number> {
    if (!Number.isFinite(retentionDays) || retentionDays < 1) return 0;
    const keepFrom = addDays(this.today(), -(Math.floor(retentionDays) - 1));
    const db = await this.openDb();
    const deleted = await db.transaction('rw', db.events, db.calls, db.contacts, db.totals, async () => {
      const n = await deleteDaysBefore(db, keepFrom);
      // A contact goes when its latest email and call are both older than the first day kept.
      const stale = (r: { lastEmailAt?: number; lastCallAt?: number }) =>
        localDay(Math.max(r.lastEmailAt ?? 0, r.lastCallAt ?? 0), this.timeZone()) < keepFrom;
      // Index bound with two days' slack for zones and DST; `stale` decides exactly.
      const bound = this.now() - (retentionDays - 2) * 86_400_000;
      const candidates = await db.contacts.where('lastEmailAt').below(bound).or('lastCallAt').below(bound).toArray();
      const ids = candidates.filter(stale).map((c) => c.id);
      if (ids.length) await db.contacts.bulkDelete(ids);
      return n;
    });
    if (deleted) this.onChange();
    return deleted;
  }

  close(): void {
    this.closed = true;
    this.clearRetry();
    this.dropDb();
  }
}

function stripId({ id: _id, ...history }: ContactHistory & { id: string }): ContactHistory {
  return history;
}
