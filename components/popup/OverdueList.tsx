/**
 * The popup's "Overdue for a call" list. It starts from the ledger's overdue contacts; when the
 * organisation's CRM is connected, it asks the background for the team's view of the contacts a
 * teammate's call can change (lib/ledger/queries: teamOverdueCandidates, withTeamHistories), the
 * same histories the nudge is given: a contact someone on the team called recently leaves the list,
 * the emails since count from that call, and the line says who made it ("Last call: 12 days ago,
 * by Priya · 2 emails since").
 */
import { useEffect, useState } from 'preact/hooks';
import { contactLabel, describeContactHistory, formatContactInput, plural } from '../../lib/contact-history';
import { t } from '../../lib/i18n';
import { teamOverdueCandidates, withTeamHistories, type OverdueContact } from '../../lib/ledger/queries';
import { dexieReader } from '../../lib/ledger/reader';
import { sendToBackground, type ContactHistory } from '../../lib/messages';
import { useCrmStatus } from './CrmLine';
import { useLive, type LedgerAccess } from './hooks';

export interface OverdueListProps {
  /** The ledger's overdue contacts, most overdue first. */
  overdue: readonly OverdueContact[];
  access: LedgerAccess | undefined;
  overdueDays: number;
  /** How many the list shows (the rest are counted). */
  limit: number;
  now: () => number;
  timeZone?: string | undefined;
  /** Opens the call form for this contact (`Name <address>`). */
  onLog: (contact: string) => void;
}

export function OverdueList({ overdue, access, overdueDays, limit, now, timeZone, onLog }: OverdueListProps) {
  const shown = useTeamOverdue(overdue, access, overdueDays, now) ?? overdue;
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

/** The list with the team's calls laid over it, once the background answers (undefined: not connected, or not yet). */
function useTeamOverdue(
  overdue: readonly OverdueContact[],
  access: LedgerAccess | undefined,
  overdueDays: number,
  now: () => number,
): OverdueContact[] | undefined {
  const connected = useCrmStatus()?.connected === true;
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
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [connected, candidates.value]);
  if (!connected || !answered) return undefined;
  return withTeamHistories(overdue, answered, now(), { overdueDays });
}
