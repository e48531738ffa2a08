/**
 * The toolbar button shows today's calls, and its tooltip says "2 calls · 9 emails today".
 * Green once the day's call goal is met.
 */
import { browser } from 'wxt/browser';
import { plural } from '../contact-history';
import { translate as defaultTranslate } from '../i18n';
import type { Translate } from '../wording';
import type { DayCounts } from '../ledger/queries';

export const BADGE_COLOR = '#1c64d2';
export const BADGE_COLOR_GOAL_MET = '#1f8a3c';

export function badgeTitle(counts: DayCounts, saved: boolean, translate: Translate = defaultTranslate): string {
  const subs = [plural('callCount', counts.calls, translate), plural('emailCount', counts.emails, translate)];
  return translate(saved ? 'badgeTitle' : 'badgeTitleNotSaved', subs);
}

export interface BadgeState {
  counts: DayCounts;
  goal: number;
  /** False while events are kept in memory only. */
  saved: boolean;
}

export async function showBadge({ counts, goal, saved }: BadgeState, translate?: Translate): Promise<void> {
  const action = browser.action;
  const met = goal > 0 && counts.calls >= goal;
  await Promise.all([
    action.setBadgeText({ text: String(counts.calls) }),
    action.setBadgeBackgroundColor({ color: met ? BADGE_COLOR_GOAL_MET : BADGE_COLOR }),
    action.setTitle({ title: badgeTitle(counts, saved, translate) }),
  ]);
  try {
    await action.setBadgeTextColor({ color: '#ffffff' });
  } catch {
    // Not in every browser version; the default text colour is fine where it is missing.
  }
}

/**
 * Runs `refresh` after a change, coalescing bursts: at most one refresh runs at a time, and one
 * more runs after it if changes arrived meanwhile.
 */
export function coalesce(refresh: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let requested = 0;
  const run = (): Promise<void> => {
    requested++;
    if (running) return running;
    running = (async () => {
      let done = 0;
      while (done < requested) {
        done = requested;
        try {
          await refresh();
        } catch {
          /* a badge that fails to update must not break recording */
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  return run;
}
