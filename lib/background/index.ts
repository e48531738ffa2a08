/**
 * Everything the background does, wired in one place (entrypoints/background.ts only calls it):
 * the ledger and its message handler, the toolbar badge, the log-call command and retention.
 * Listeners are registered synchronously so an event that wakes the worker finds them.
 */
import { browser } from 'wxt/browser';
import { loadSettings, watchSettings } from '../settings';
import type { Settings } from '../settings/schema';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { Ledger } from '../ledger/ledger';
import { msUntilNextDay } from '../ledger/day';
import { sessionPendingStore } from '../ledger/session';
import { createCrmService, type CrmService } from '../crm/service';
import { coalesce, showBadge } from './badge';
import { handleCommand } from './commands';
import { createMessageHandler } from './router';

export const MIDNIGHT_ALARM = 'callfirst-new-day';
const PRUNED_DAY_KEY = 'ledgerPrunedDay';

/** An API that exists only with a permission or in some browsers (the types say always). */
function maybe<T>(api: T): T | undefined {
  return api;
}

export interface Background {
  ledger: Ledger;
  refreshBadge: () => Promise<void>;
  prune: (force?: boolean) => Promise<void>;
  crm: CrmService;
}

export function startBackground(): Background {
  let settings: Settings = DEFAULT_SETTINGS;
  const ready = loadSettings()
    .then((s) => {
      settings = s.values;
    })
    .catch(() => undefined);

  const refreshBadge = coalesce(async () => {
    await ready;
    const counts = await ledger.todayCounts();
    await showBadge({ counts, goal: settings.dailyCallGoal, saved: ledger.getStatus().persistent });
  });
  const ledger: Ledger = new Ledger({
    pending: sessionPendingStore(),
    onChange: () => {
      void refreshBadge();
      crm.sendSoon();
    },
    queueCalls: () => crm.queueCalls(),
  });
  // The organisation's CRM (nothing at all unless the policy names one).
  const crm = createCrmService({ ledger, settings: () => settings, ready });

  /** Retention: once a day (or when the setting changes), events older than retentionDays go. */
  const prune = async (force = false) => {
    await ready;
    const today = ledger.today();
    try {
      const got = await browser.storage.local.get(PRUNED_DAY_KEY);
      if (!force && got[PRUNED_DAY_KEY] === today) return;
      await ledger.prune(settings.retentionDays);
      await browser.storage.local.set({ [PRUNED_DAY_KEY]: today });
    } catch {
      /* storage failing: the next start tries again */
    }
  };

  /**
   * At local midnight the badge turns over to the new day and retention runs. An alarm, not a timer:
   * it wakes the background (which sleeps when idle) even when no mail page or popup is open. Each
   * start and each midnight sets the next one, so a change of time zone or daylight saving is followed.
   */
  const scheduleNewDay = async () => {
    try {
      await browser.alarms.create(MIDNIGHT_ALARM, { when: Date.now() + msUntilNextDay(Date.now()) + 1_000 });
    } catch {
      /* the next start sets it again */
    }
  };
  const newDay = () => {
    void refreshBadge();
    void prune();
    void scheduleNewDay();
  };

  browser.runtime.onMessage.addListener(
    createMessageHandler(ledger, undefined, undefined, (histories) => crm.withTeamCalls(histories)) as Parameters<
      typeof browser.runtime.onMessage.addListener
    >[0],
  );
  browser.runtime.onMessage.addListener(((message: unknown) => crm.handleMessage(message)) as Parameters<
    typeof browser.runtime.onMessage.addListener
  >[0]);
  maybe(browser.commands)?.onCommand.addListener((command: string) => void handleCommand(command));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MIDNIGHT_ALARM) newDay();
    else crm.onAlarm(alarm.name);
  });
  watchSettings(({ values }) => {
    const retentionChanged = values.retentionDays !== settings.retentionDays;
    settings = values;
    void refreshBadge();
    if (retentionChanged) void prune(true);
    void crm.settingsChanged();
  });

  void refreshBadge();
  void prune();
  void scheduleNewDay();
  void crm.settingsChanged().then(() => crm.sync());
  return { ledger, refreshBadge, prune, crm };
}
