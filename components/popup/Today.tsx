/**
 * The top of the popup: its heading and today's numbers (calls versus emails, the call goal, the
 * streak). Pure: both the first paint (./first-paint.tsx, before the rest of the popup has loaded)
 * and the whole popup (./Popup.tsx) render these, so the popup takes over the first paint's DOM
 * node for node, with the same words.
 */
import { browser } from 'wxt/browser';
import { plural } from '../../lib/contact-history';
import { t } from '../../lib/i18n';
import type { Day } from '../../lib/ledger/day';
import type { DayCounts } from '../../lib/ledger/queries';

export function uiLocale(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

/** Noon of `day`, local time: a Date to format as that calendar day. */
export function dayDate(day: Day): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d, 12);
}

export function PopupHeader({ today, locale }: { today: Day; locale: string | undefined }) {
  const heading = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' });
  return (
    <header class="popup-header">
      <h1>{t('popupTitle')}</h1>
      <span class="popup-date">{heading.format(dayDate(today))}</span>
    </header>
  );
}

export interface TodayProps {
  /** Undefined until known (shown as a dash). */
  counts?: DayCounts;
  /** The daily call goal; undefined until the settings (or the last dashboard) give it. */
  goal?: number;
  streak: number;
}

export function TodaySection({ counts, goal, streak }: TodayProps) {
  const calls = counts?.calls;
  const goalMet = goal !== undefined && goal > 0 && calls !== undefined && calls >= goal;
  return (
    <section class="today" aria-label={t('popupToday')}>
      <div class="tiles">
        <div class="tile tile-calls">
          <span class="big" data-testid="calls-today">
            {calls ?? '–'}
          </span>
          <span class="tile-label">{plural('popupCallsLabel', calls ?? 0)}</span>
        </div>
        <span class="versus" aria-hidden="true">
          vs
        </span>
        <div class="tile tile-emails">
          <span class="big" data-testid="emails-today">
            {counts?.emails ?? '–'}
          </span>
          <span class="tile-label">{plural('popupEmailsLabel', counts?.emails ?? 0)}</span>
        </div>
      </div>

      <div class="goal">
        <div class="goal-line">
          <span>{t('popupGoal')}</span>
          <span class="goal-number" data-testid="call-goal">
            {goal ?? '…'}
          </span>
        </div>
        <progress
          class={goalMet ? 'met' : ''}
          max={Math.max(goal ?? 1, 1)}
          value={Math.min(calls ?? 0, Math.max(goal ?? 1, 1))}
          aria-label={goal !== undefined ? t('popupGoalProgress', [String(calls ?? 0), String(goal)]) : t('popupGoal')}
        />
        <p class="goal-status" data-testid="goal-status">
          {goal === undefined || calls === undefined
            ? ''
            : goalMet
              ? t('popupGoalMet')
              : goal > 0
                ? plural('popupGoalLeft', goal - calls)
                : ''}
        </p>
        <p class="streak" data-testid="streak" title={t('popupStreakHelp')}>
          <strong>{streak > 0 ? plural('popupStreak', streak) : t('popupStreakNone')}</strong>
          <span> · {t('popupStreakHelp')}</span>
        </p>
      </div>
    </section>
  );
}
