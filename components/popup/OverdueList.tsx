/**
 * The popup's "Overdue for a call" list. It starts from the ledger's overdue contacts; when the
 * organisation's CRM is connected, it asks the background for the team's view of the contacts a
 * teammate's call can change (lib/ledger/queries: teamOverdueCandidates, withTeamHistories), the
 * same histories the nudge is given: a contact someone on the team called recently leaves the list,
 * the emails since count from that call, and the line says who made it ("Last call: 12 days ago,
 * by Priya · 2 emails since"). Until the background answers, it shows the team's list as it was
 * last shown today (./last-dashboard), not the ledger's own, so the list does not change twice.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { contactLabel, describeContactHistory, formatContactInput, plural } from '../../lib/contact-history';
import { t } from '../../lib/i18n';
import type { Day } from '../../lib/ledger/day';
import { teamOverdueCandidates, withTeamHistories, type OverdueContact } from '../../lib/ledger/queries';
import { dexieReader } from '../../lib/ledger/reader';
import { sendToBackground, type ContactHistory } from '../../lib/messages';
import { useCrmStatus } from './CrmLine';
import { useLive, type LedgerAccess } from './hooks';
import { keepLastTeamOverdue, readLastTeamOverdue } from './last-dashboard';

export interface OverdueListProps {
  /** The ledger's overdue contacts, most overdue first. */
  overdue: readonly OverdueContact[];
  access: LedgerAccess | undefined;
  overdueDays: number;
  /** How many the list shows (the rest are counted). */
  limit: number;
  today: Day;
  now: () => number;
  timeZone?: string | undefined;
  /** Opens the call form for this contact (`Name <address>`). */
  onLog: (contact: string) => void;
}

export function OverdueList({ overdue, access, overdueDays, limit, today, now, timeZone, onLog }: OverdueListProps) {
  const team = useTeamOverdue(overdue, access, overdueDays, now);
  const [kept] = useState(() => readLastTeamOverdue(today));
  useEffect(() => {
    if (team.list) keepLastTeamOverdue(today, team.list);
  }, [team.list]);
  const shown = team.list ?? (team.waiting ? kept : undefined) ?? overdue;
  return (
    <section class="overdue" aria-labelledby="overdue-title">
      <h2 id="overdue-title">{t('popupOverdue')}</h2>
      {shown.length === 0 ? (
        <p class="empty">{t('popupOverdueNone')}</p>
      ) : (
        <ul data-testid="overdue">
          {shown.slice(0, limit).map((c) => (
            <li key={c.id}>
              <div class="who">
                <span class="name">{contactLabel({ name: c.name, address: c.address })}</span>
                <span class="line">{describeContactHistory(c, now(), { timeZone })}</span>
                {c.lastCall?.nextPurpose && (
                  <span class="line next" data-testid="overdue-next">
                    {t('popupOverdueNext', c.lastCall.nextPurpose)}
                  </span>
                )}
              </div>
              <button
                type="button"
                class="quiet small"
                onClick={() => onLog(formatContactInput({ name: c.name, address: c.address || undefined }))}
                aria-label={`${t('popupOverdueLog')}: ${contactLabel(c)}`}
              >
                {t('popupOverdueLog')}
              </button>
            </li>
          ))}
          {shown.length > limit && <li class="more">{plural('popupOverdueMore', shown.length - limit)}</li>}
        </ul>
      )}
    </section>
  );
}

interface TeamOverdue {
  /** The list with the team's calls laid over it, once the background answers (absent: not connected, or not yet). */
  list?: OverdueContact[];
  /** The CRM's status is not read yet, or it is connected and the background has not answered yet. */
  waiting: boolean;
}

function useTeamOverdue(
  overdue: readonly OverdueContact[],
  access: LedgerAccess | undefined,
  overdueDays: number,
  now: () => number,
): TeamOverdue {
  const status = useCrmStatus();
  const connected = status?.connected === true;
  const candidates = useLive(
    connected ? access : undefined,
    ({ db }) => teamOverdueCandidates(dexieReader(db), now(), { overdueDays }),
    [connected, overdueDays],
  );
  const [answered, setAnswered] = useState<ContactHistory[]>();
  useEffect(() => {
    const addresses = candidates.value;
    if (!connected || !addresses) return;
    if (!addresses.length) return setAnswered([]);
    let live = true;
    sendToBackground({ type: 'contact_history', addresses }).then(
      (histories) => live && setAnswered(histories),
      // No answer: the ledger's own list, rather than waiting on.
      () => live && setAnswered([]),
    );
    return () => {
      live = false;
    };
  }, [connected, candidates.value]);
  const list = useMemo(
    () => (connected && answered ? withTeamHistories(overdue, answered, now(), { overdueDays }) : undefined),
    [connected, answered, overdue, overdueDays],
  );
  return { list, waiting: !status || (connected && !answered) };
}
