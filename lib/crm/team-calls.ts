/**
 * The team's latest call with each contact, from the CRM, laid over what the ledger knows: the
 * nudge's contact line then says "Last call 12 days ago, by Priya", and the emails since the last
 * call (the overdue signal, in the nudge and the popup's overdue list) count from that call.
 * Asked with a short time limit and cached for 10 minutes, so a compose window never waits long
 * and the CRM is not asked per keystroke.
 */
import type { EmailsSince } from '../ledger/queries';
import type { ContactHistory } from '../messages';
import type { CrmConnection } from './connection';
import type { TeamLastCall } from './types';

const CACHE_MS = 10 * 60_000;
const WAIT_MS = 2_000;

/** The rep's emails to `address` after `since` (the ledger's count). */
export type CountEmailsSince = (address: string, since: number) => Promise<EmailsSince>;

export class TeamCalls {
  private readonly cache = new Map<string, { call: TeamLastCall | null; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** `histories` with a newer team call laid over each (the CRM asked for what the cache lacks). */
  async over(
    connection: CrmConnection,
    histories: ContactHistory[],
    emailsSince: CountEmailsSince,
  ): Promise<ContactHistory[]> {
    const fresh = (address: string) => {
      const hit = this.cache.get(address);
      return hit && this.now() - hit.at < CACHE_MS;
    };
    const missing = [...new Set(histories.map((h) => h.address).filter((a) => a && !fresh(a)))];
    if (missing.length) {
      const asked = connection
        .run((session) => connection.provider.lastCalls(session, missing))
        .then((calls) => {
          const at = this.now();
          for (const address of missing) this.cache.set(address, { call: null, at });
          for (const call of calls) this.cache.set(call.address, { call, at });
        });
      // Too slow or failing: the ledger's own history shows, and the answer fills the cache for next time.
      await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, WAIT_MS))]).catch(() => undefined);
    }
    return Promise.all(
      histories.map(async (history) => {
        const team = this.cache.get(history.address)?.call ?? null;
        if (!isNewer(history, team)) return history;
        return withTeamCall(history, team, await emailsSince(history.address, team.at));
      }),
    );
  }
}

/** Whether the team's call is later than the rep's own last call. */
function isNewer(history: ContactHistory, team: TeamLastCall | null): team is TeamLastCall {
  const ownLast = Math.max(history.lastCall?.at ?? -Infinity, history.lastCallAt ?? -Infinity);
  return !!team && team.at > ownLast;
}

/**
 * The history with the team's call when it is newer than the rep's own last call; `emails` are the
 * rep's emails since that call, which then replace the count since the rep's own.
 */
export function withTeamCall(history: ContactHistory, team: TeamLastCall | null, emails: EmailsSince): ContactHistory {
  if (!isNewer(history, team)) return history;
  const merged: ContactHistory = {
    ...history,
    lastCallAt: team.at,
    lastCall: { at: team.at, ...(team.by ? { by: team.by } : {}) },
    emailsSinceLastCall: emails.count,
  };
  if (emails.first === undefined) delete merged.firstEmailSinceCallAt;
  else merged.firstEmailSinceCallAt = emails.first;
  return merged;
}
