/**
 * The team's latest call with each contact, from the CRM, laid over what the ledger knows: the
 * nudge's contact line then says "Last call 12 days ago, by Priya". Asked with a short time limit and
 * cached for 10 minutes, so a compose window never waits long and the CRM is not asked per keystroke.
 */
import type { ContactHistory } from '../messages';
import type { CrmConnection } from './connection';
import type { TeamLastCall } from './types';

const CACHE_MS = 10 * 60_000;
const WAIT_MS = 2_000;

export class TeamCalls {
  private readonly cache = new Map<string, { call: TeamLastCall | null; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** `histories` with a newer team call laid over each (the CRM asked for what the cache lacks). */
  async over(connection: CrmConnection, histories: ContactHistory[]): Promise<ContactHistory[]> {
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
    return histories.map((history) => withTeamCall(history, this.cache.get(history.address)?.call ?? null));
  }
}

/** The history with the team's call when it is newer than the rep's own last call. */
export function withTeamCall(history: ContactHistory, team: TeamLastCall | null): ContactHistory {
  const ownLast = Math.max(history.lastCall?.at ?? -Infinity, history.lastCallAt ?? -Infinity);
  if (!team || team.at <= ownLast) return history;
  return {
    ...history,
    lastCallAt: team.at,
    lastCall: { at: team.at, ...(team.by ? { by: team.by } : {}) },
  };
}
