/**
 * The CRM in the background: which organisation the policy names, signing in and out, sending the
 * outbox and reading calls (every 15 minutes by alarm, when the popup opens, and soon after a call
 * is logged), and the messages of the options page and popup. With no CRM in the policy it does
 * nothing at all: no request, no alarm, no permission used.
 */
import { browser } from 'wxt/browser';
import type { Ledger } from '../ledger/ledger';
import type { ContactHistory, Request, ResponseMap } from '../messages';
import type { CrmProviderId, Settings } from '../settings/schema';
import { crmConfigOf, originPatternOf } from './config';
import { CrmConnection, forgetTokens, readStatus, updateStatus } from './connection';
import { sendOutbox, settleFailure } from './outbox';
import { createSalesforce } from './salesforce';
import { pullCalls } from './sync';
import { TeamCalls } from './team-calls';
import type { CrmProvider } from './types';

export const CRM_SYNC_ALARM = 'callfirst-crm-sync';
export const CRM_OUTBOX_ALARM = 'callfirst-crm-outbox';
const SYNC_MINUTES = 15;
/** Calls logged in a burst go out together. */
const SEND_SOON_MS = 1_000;

type CrmRequest = Extract<Request, { type: `crm_${string}` }>;
const TYPES = new Set(['crm_connect', 'crm_disconnect', 'crm_sync', 'crm_outbox']);

export interface CrmServiceOptions {
  ledger: Ledger;
  settings: () => Settings;
  /** Settings loaded. */
  ready: Promise<unknown>;
  providers?: Record<CrmProviderId, CrmProvider>;
}

export interface CrmService {
  /** For the ledger: whether new calls go to the outbox. */
  queueCalls(): Promise<boolean>;
  /** After the ledger changed: send waiting calls soon. */
  sendSoon(): void;
  /** Sends waiting calls and reads new ones. */
  sync(): Promise<void>;
  settingsChanged(): Promise<void>;
  /** Contact histories with the team's newer last calls laid over them (unchanged when not connected). */
  withTeamCalls(histories: ContactHistory[]): Promise<ContactHistory[]>;
  handleMessage(message: unknown): Promise<ResponseMap[CrmRequest['type']]> | undefined;
  onAlarm(name: string): void;
}

export function createCrmService(options: CrmServiceOptions): CrmService {
  const { ledger } = options;
  const providers = options.providers ?? { salesforce: createSalesforce() };
  let connection: CrmConnection | null = null;
  let connectionFor = '';
  let soon: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  const teamCalls = new TeamCalls();

  /** The connection for the org the policy names now (a new one when the policy changes). */
  const current = (): CrmConnection | null => {
    const config = crmConfigOf(options.settings());
    if (!config) return (connection = null);
    const key = JSON.stringify(config);
    if (key !== connectionFor) {
      connection = new CrmConnection(providers[config.provider], config);
      connectionFor = key;
    }
    return connection;
  };

  /** Signed in, and the browser still grants the org's host. */
  const usable = async (): Promise<CrmConnection | null> => {
    await options.ready;
    const c = current();
    if (!c || !(await c.auth())) return null;
    return c;
  };

  const hostGranted = (c: CrmConnection) =>
    browser.permissions.contains({ origins: [originPatternOf(c.config)] }).catch(() => false);

  const scheduleOutbox = (at: number | undefined) => {
    // An alarm wakes the worker if it stops meanwhile (Chrome allows no alarm sooner than 30 s).
    void Promise.resolve()
      .then(async () => {
        if (at === undefined) await browser.alarms.clear(CRM_OUTBOX_ALARM);
        else await browser.alarms.create(CRM_OUTBOX_ALARM, { when: Math.max(at, Date.now() + 30_000) });
      })
      .catch(() => undefined);
    clearTimeout(soon);
    if (at !== undefined) soon = setTimeout(() => void run(false), Math.max(0, at - Date.now()));
  };

  /** One run at a time: the outbox, then (when asked: popup, alarm, sign-in) the rep's calls from the CRM. */
  const run = (pull: boolean): Promise<void> => {
    const next = (running ?? Promise.resolve()).then(async () => {
      const c = await usable();
      if (!c) return;
      if (!(await hostGranted(c))) {
        await c.noteError(new Error(`no permission for ${c.config.host}: press Connect on the options page`));
        return;
      }
      const db = await ledger.openDb();
      const sent = await sendOutbox(db, c, Date.now, { retryOffline: pull });
      if (sent.stoppedBy) await c.noteError(sent.stoppedBy);
      scheduleOutbox(sent.nextAt);
      if (pull && !sent.stoppedBy) {
        try {
          await pullCalls(c, ledger);
          await updateStatus({ lastError: undefined });
        } catch (err) {
          await c.noteError(err);
        }
      }
      const [waiting, failed] = await Promise.all([
        db.outbox.where('nextAt').below(Infinity).count(),
        db.outbox.where('nextAt').equals(Infinity).count(),
      ]);
      await updateStatus({ waiting, failed });
    });
    running = next.catch(() => undefined);
    return next.catch(() => undefined);
  };

  const startAlarms = async () => {
    if (await usable()) await browser.alarms.create(CRM_SYNC_ALARM, { periodInMinutes: SYNC_MINUTES });
    else await Promise.all([browser.alarms.clear(CRM_SYNC_ALARM), browser.alarms.clear(CRM_OUTBOX_ALARM)]);
  };

  const connect = async (): Promise<ResponseMap['crm_connect']> => {
    await options.ready;
    const c = current();
    if (!c) return { ok: false, error: 'no CRM in the policy' };
    try {
      await c.connect();
      // Calls that waited while signed out go now.
      const db = await ledger.openDb();
      await db.outbox.where('nextAt').below(Infinity).modify({ nextAt: 0 });
      await startAlarms();
      void run(true);
      return { ok: true };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };

  const disconnect = async (): Promise<ResponseMap['crm_disconnect']> => {
    await options.ready;
    const c = current();
    try {
      if (c) await c.disconnect();
      else await forgetTokens();
      return { ok: true };
    } catch (err) {
      // Forgotten here either way; the org can revoke the token itself if the request failed.
      return { ok: true, error: err instanceof Error ? err.message : String(err) };
    } finally {
      // Calls not yet sent stay in the ledger, unsent.
      const db = await ledger.openDb().catch(() => null);
      await db?.outbox.clear();
      await updateStatus({ waiting: 0, failed: 0 });
      await startAlarms().catch(() => undefined);
    }
  };

  return {
    async queueCalls() {
      return !!(await usable());
    },
    sendSoon() {
      if (!current()) return;
      clearTimeout(soon);
      soon = setTimeout(() => void run(false), SEND_SOON_MS);
    },
    sync: () => run(true),
    async settingsChanged() {
      await options.ready;
      // The organisation turned the CRM off: forget the sign-in, without a request.
      if (!current() && (await readStatus()).connected) {
        await forgetTokens();
        await updateStatus({ connected: false });
      }
      await startAlarms().catch(() => undefined);
    },
    async withTeamCalls(histories) {
      const c = histories.length ? await usable().catch(() => null) : null;
      if (!c || !(await hostGranted(c))) return histories;
      return teamCalls.over(c, histories, (address, since) => ledger.emailsSince(address, since));
    },
    handleMessage(message) {
      const type = (message as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !TYPES.has(type)) return undefined;
      const request = message as CrmRequest;
      switch (request.type) {
        case 'crm_connect':
          return connect();
        case 'crm_disconnect':
          return disconnect();
        case 'crm_sync':
          return run(true).then(() => ({ ok: true }));
        case 'crm_outbox':
          return ledger
            .openDb()
            .then((db) => settleFailure(db, request.key, request.action))
            .then(() => {
              void run(false);
              return { ok: true };
            });
      }
    },
    onAlarm(name) {
      if (name === CRM_SYNC_ALARM) void run(true);
      else if (name === CRM_OUTBOX_ALARM) void run(false);
    },
  };
}
