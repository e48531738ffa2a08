/**
 * Applying the rep's settings (loaded at start, then on every change) to every open window at once:
 * the first arrival releases the records held until then; turning the site off closes every window,
 * turning it on scans for them; any change re-analyses each draft.
 */
import type { ResolvedSettings } from '../settings';
import { record } from './background';
import type { CoachRuntime } from './runtime';
import { analyse } from './analyse';
import { scan } from './scan';
import { closeSession } from './session';

export function applySettings(coach: CoachRuntime, resolved: ResolvedSettings): void {
  coach.settings = resolved.values;
  const wasEnabled = coach.enabled;
  coach.enabled = coach.settings.sites.includes(coach.host.id);
  if (!coach.settingsKnown) {
    coach.settingsKnown = true;
    coach.heldRecords.splice(0).forEach((event) => record(coach, event));
  }
  if (!coach.enabled) {
    for (const session of [...coach.sessions.values()]) closeSession(coach, session, false);
    return;
  }
  if (!wasEnabled) scan(coach);
  for (const session of coach.sessions.values()) {
    session.historyKey = undefined;
    session.analysedKey = undefined;
    analyse(coach, session);
  }
}
