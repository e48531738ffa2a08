/**
 * The toolbar popup: today's calls versus emails, the daily call goal and streak, the last 7 or
 * 30 days, a Log a call form, who is overdue for a call, and this week's nudges.
 *
 * It opens at once: today's numbers are on screen before this script loads (./first-paint.tsx),
 * its first render adds the dashboard the first paint read from the ledger meanwhile, or else the
 * last dashboard it showed (./last-dashboard); then, once Dexie has loaded (./hooks), it follows
 * the ledger (same origin as the background) with live queries, today's numbers first. Writes go
 * to the background by message.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatContactInput, plural } from '../../lib/contact-history';
import { t } from '../../lib/i18n';
import { readDashboard, readToday } from '../../lib/ledger/dashboard';
import type { LedgerDb } from '../../lib/ledger/db';
import type { StorageProblem } from '../../lib/ledger/ledger';
import { recentContacts } from '../../lib/ledger/queries';
import { sendToBackground } from '../../lib/messages';
import { takePopupIntent } from '../../lib/background/commands';
import { Chart } from './Chart';
import { CrmLine } from './CrmLine';
import { popupDashboardOptions, OVERDUE_SHOWN } from './dashboard-options';
import type { FirstPaint } from './handoff';
import { keepLastDashboard, readLastDashboard, type LastDashboard } from './last-dashboard';
import { OverdueList } from './OverdueList';
import { useLedgerAccess, useLive, usePendingState, useResolvedSettings, useToday } from './hooks';
import { dayDate, PopupHeader, TodaySection, uiLocale } from './Today';

type LogCallFormType = typeof import('./LogCallForm').LogCallForm;

export interface PopupProps {
  /** The ledger connection (tests pass one on a fake IndexedDB). */
  db?: LedgerDb;
  now?: () => number;
  /** IANA zone for "today" (the runtime's zone by default). */
  timeZone?: string;
  /** Today's numbers as the first paint showed them (./first-paint.tsx): the popup starts from them. */
  first?: FirstPaint;
  /** The dashboard the first paint read, when it was done before the popup rendered. */
  opened?: LastDashboard;
}

function mark(name: string, ready: boolean, detail?: unknown): void {
  if (ready && typeof performance !== 'undefined' && !performance.getEntriesByName(name).length) {
    performance.mark(name, { detail });
  }
}

export function Popup({ db, now = Date.now, timeZone, first, opened: openedAtOnce }: PopupProps) {
  const today = useToday(now, timeZone);
  const settings = useResolvedSettings();
  const pendingState = usePendingState();
  const pending = pendingState?.events ?? [];
  const pendingKey = pending.map((p) => p.event.key).join('|');
  const [last] = useState(() => readLastDashboard(today));
  const firstCounts = first?.day === today ? first.counts : undefined;
  // Dexie loads once the first paint's read of the dashboard is done (it would only slow it).
  const access = useLedgerAccess(db, first?.dashboard);
  const goal = settings?.values.dailyCallGoal ?? last?.goal;
  const overdueDays = settings?.values.overdueDays ?? last?.overdueDays ?? 30;
  const [opened, setOpened] = useState(openedAtOnce);
  useEffect(() => {
    if (!opened) void first?.dashboard?.then((read) => read && setOpened(read));
  }, []);

  const [range, setRange] = useState<7 | 30>(7);
  const [formOpen, setFormOpen] = useState(false);
  const [formSource, setFormSource] = useState<'form' | 'shortcut'>('form');
  const [formContact, setFormContact] = useState('');
  const [flash, setFlash] = useState('');
  // The call form loads when first opened: most openings only look.
  const [LogCallForm, setLogCallForm] = useState<LogCallFormType>();

  // Today's numbers; if the popup's own connection fails, from the background's memory alone.
  const todayLive = useLive(
    access,
    ({ db, classifyStorageError }) =>
      readToday(db, today, pending).then(
        (counts) => ({ counts, problem: null as StorageProblem | null }),
        (err: unknown) =>
          readToday(null, today, pending).then((counts) => ({ counts, problem: classifyStorageError(err) })),
      ),
    [today, pendingKey],
  );
  // An open that never finishes (a blocked upgrade) must not leave the numbers blank either.
  const [fallbackCounts, setFallbackCounts] = useState<{ calls: number; emails: number }>();
  const waiting = !todayLive.value;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => void readToday(null, today, pending).then(setFallbackCounts), 1_500);
    return () => clearTimeout(timer);
  }, [waiting, today, pendingKey]);

  // Everything else waits for today's numbers (so they are not queued behind the bigger reads) and
  // for the goal the streak counts against (the last dashboard's, until the settings load).
  const todayShown = !!todayLive.value || !!fallbackCounts || !!firstCounts;
  const dashboard = useLive(
    todayShown && goal !== undefined ? access : undefined,
    ({ db }) => readDashboard(db, popupDashboardOptions(today, now(), goal ?? 0, overdueDays, pending)),
    [today, pendingKey, goal, overdueDays],
  );
  const contacts = useLive(formOpen ? access : undefined, ({ db }) => recentContacts(db, 50), [formOpen]);

  // Opened by the log-call shortcut: go straight to the form.
  useEffect(() => {
    void takePopupIntent().then((logCall) => {
      if (logCall) {
        setFormSource('shortcut');
        setFormOpen(true);
      }
    });
  }, []);
  useEffect(() => {
    if (formOpen && !LogCallForm) void import('./LogCallForm').then((m) => setLogCallForm(() => m.LogCallForm));
  }, [formOpen]);

  // Events waiting in memory: ask the background to try saving them now.
  useEffect(() => {
    if (pending.length) void sendToBackground({ type: 'flush_ledger' }).catch(() => undefined);
  }, [pendingKey]);

  // The ledger's dashboard: live, or as the first paint read it for the same goal and window.
  const fresh =
    dashboard.value ??
    (opened?.dashboard.today === today && opened.goal === goal && opened.overdueDays === overdueDays && !pending.length
      ? opened.dashboard
      : undefined);

  // The next opening paints this at once.
  useEffect(() => {
    if (fresh && goal !== undefined) keepLastDashboard({ dashboard: fresh, goal, overdueDays });
  }, [fresh]);

  // First paint of the last dashboard, of today's numbers (unless ./first-paint.tsx showed them
  // already) and of the whole dashboard from the ledger, for the speed check (npm run bench:ledger -- --chromium).
  useEffect(() => mark('callfirst:last-dashboard', !!last), []);
  const current = todayLive.value?.counts ?? fallbackCounts ?? firstCounts;
  useEffect(() => mark('callfirst:today', !!current, current), [current]);
  useEffect(() => mark('callfirst:dashboard', !!fresh), [fresh]);

  const counts = current ?? fresh?.counts;
  const shown = fresh ?? last?.dashboard;
  const problem: StorageProblem | null =
    pendingState && !pendingState.status.persistent
      ? (pendingState.status.problem ?? 'failed')
      : (todayLive.value?.problem ?? null);

  const locale = uiLocale();
  const fmt = useMemo(
    () => ({
      weekday: new Intl.DateTimeFormat(locale, { weekday: 'narrow' }),
      short: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
    }),
    [locale],
  );

  const days = shown?.days.slice(-range) ?? [];
  const totals = days.reduce((s, d) => ({ calls: s.calls + d.calls, emails: s.emails + d.emails }), {
    calls: 0,
    emails: 0,
  });
  const streak = shown?.streak ?? 0;
  const overdue = shown?.overdue ?? [];
  const nudges = shown?.nudges;

  const openForm = (contact = '') => {
    setFormContact(contact);
    setFormSource('form');
    setFlash('');
    setFormOpen(true);
  };

  return (
    <main class="popup">
      <PopupHeader today={today} locale={locale} />

      {problem && (
        <div class="storage-problem" role="status" data-testid="storage-problem">
          <p>{t('storageProblem')}</p>
          <p class="detail">
            {problem === 'quota'
              ? t('storageProblemQuota')
              : problem === 'blocked'
                ? t('storageProblemBlocked')
                : problem === 'unavailable'
                  ? t('storageProblemUnavailable')
                  : ''}{' '}
            {pending.length > 0 && plural('storagePending', pending.length)}
          </p>
        </div>
      )}

      <CrmLine settings={settings?.values} now={now} />

      <TodaySection counts={counts} goal={goal} streak={streak} />

      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      {formOpen ? (
        LogCallForm && (
          <LogCallForm
            key={formContact}
            initialContact={formContact}
            source={formSource}
            suggestions={(contacts.value ?? []).map((c) =>
              formatContactInput({ name: c.name, address: c.address || undefined }),
            )}
            autoFocus
            now={now}
            onDone={(message) => {
              setFlash(message);
              setFormOpen(false);
            }}
            onCancel={() => setFormOpen(false)}
          />
        )
      ) : (
        <button type="button" class="primary log-call" onClick={() => openForm()} data-testid="log-call">
          {t('popupLogCall')}
        </button>
      )}

      <section class="history" aria-labelledby="history-title">
        <div class="section-head">
          <h2 id="history-title">{t('popupHistory')}</h2>
          <div class="range" role="group">
            {([7, 30] as const).map((n) => (
              <button type="button" key={n} aria-pressed={range === n} onClick={() => setRange(n)}>
                {t(n === 7 ? 'popupRange7' : 'popupRange30')}
              </button>
            ))}
          </div>
        </div>
        <Chart
          days={days}
          label={t('popupChartSummary', [
            String(range),
            plural('callCount', totals.calls),
            plural('emailCount', totals.emails),
          ])}
          dayLabel={(d) =>
            `${fmt.short.format(dayDate(d.day))}: ${plural('callCount', d.calls)}, ${plural('emailCount', d.emails)}`
          }
          tick={(day, i) =>
            range === 7
              ? fmt.weekday.format(dayDate(day))
              : i === 0 || i === days.length - 1
                ? fmt.short.format(dayDate(day))
                : ''
          }
        />
        <p class="legend">
          <span class="key key-calls" /> {t('popupLegendCalls')} <span class="key key-emails" />{' '}
          {t('popupLegendEmails')}
          <span class="totals">
            {plural('callCount', totals.calls)} · {plural('emailCount', totals.emails)}
          </span>
        </p>
      </section>

      <OverdueList
        overdue={overdue}
        access={access}
        overdueDays={overdueDays}
        limit={OVERDUE_SHOWN}
        today={today}
        now={now}
        timeZone={timeZone}
        onLog={openForm}
      />

      <section class="nudges" aria-labelledby="nudges-title">
        <h2 id="nudges-title">{t('popupNudges')}</h2>
        {!nudges || nudges.accepted + nudges.dismissed === 0 ? (
          <p class="empty">{t('popupNudgesNone')}</p>
        ) : (
          <div class="nudge-split" data-testid="nudges">
            <span class="accepted">
              <strong>{nudges.accepted}</strong> {t('popupNudgesAccepted')}
            </span>
            <span
              class="split-bar"
              aria-hidden="true"
              style={{ '--accepted': `${(100 * nudges.accepted) / (nudges.accepted + nudges.dismissed)}%` }}
            />
            <span class="dismissed">
              <strong>{nudges.dismissed}</strong> {t('popupNudgesDismissed')}
            </span>
          </div>
        )}
      </section>

      <footer>
        <a
          href={browser.runtime.getURL('/options.html')}
          onClick={(e) => {
            e.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {t('popupYourData')}
        </a>
      </footer>
    </main>
  );
}
