/**
 * "Your data" (embedded by the options page): export the calls with their notes and the daily
 * counts as CSV and JSON, and delete everything after a confirmation. Exports are built here, in
 * the extension page, and handed over as Blob download links: no downloads permission, no network.
 */
import { useState } from 'preact/hooks';
import { plural } from '../../lib/contact-history';
import { t } from '../../lib/i18n';
import { useFocusLater } from '../focus-later';
import { localDay } from '../../lib/ledger/day';
import type { LedgerDb } from '../../lib/ledger/db';
import { callsToCsv, daysToCsv, exportToJson, readExport } from '../../lib/ledger/export';
import { sendToBackground } from '../../lib/messages';
import { useResolvedSettings } from '../popup/hooks';
import { forgetLastDashboard } from '../popup/last-dashboard';
import { popupDb } from '../popup/ledger-access';
import './your-data.css';

export interface YourDataProps {
  /** The ledger connection (tests pass one on a fake IndexedDB). */
  db?: LedgerDb;
  now?: () => number;
}

type Kind = 'calls-csv' | 'days-csv' | 'json';

const FILES: Record<Kind, { label: Parameters<typeof t>[0]; name: (day: string) => string; type: string }> = {
  'calls-csv': { label: 'dataExportCallsCsv', name: (d) => `callfirst-calls-${d}.csv`, type: 'text/csv;charset=utf-8' },
  'days-csv': {
    label: 'dataExportDailyCsv',
    name: (d) => `callfirst-daily-counts-${d}.csv`,
    type: 'text/csv;charset=utf-8',
  },
  json: { label: 'dataExportJson', name: (d) => `callfirst-${d}.json`, type: 'application/json' },
};

/** Hands `text` to the browser as a download through a temporary Blob link. */
export function downloadText(text: string, fileName: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function YourData({ db = popupDb(), now = Date.now }: YourDataProps) {
  const settings = useResolvedSettings();
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The confirmation closed: the button that opened it gets the caret back. */
  const [deleteButton, focusDeleteLater] = useFocusLater<HTMLButtonElement>();
  const closeConfirm = () => {
    setConfirming(false);
    focusDeleteLater();
  };

  const exportAs = async (kind: Kind) => {
    setBusy(true);
    try {
      const data = await readExport(db, now());
      // A byte-order mark tells spreadsheet programs the CSV is UTF-8.
      const text =
        kind === 'calls-csv'
          ? '\ufeff' + callsToCsv(data)
          : kind === 'days-csv'
            ? '\ufeff' + daysToCsv(data)
            : exportToJson(data);
      downloadText(text, FILES[kind].name(localDay(now())), FILES[kind].type);
      setStatus(t('dataExportReady', [plural('callCount', data.calls.length), plural('dataDays', data.days.length)]));
    } catch {
      setStatus(t('dataExportFailed'));
    } finally {
      setBusy(false);
    }
  };

  const deleteAll = async () => {
    setBusy(true);
    try {
      const reply = await sendToBackground({ type: 'clear_ledger' });
      // The popup's copy of its last dashboard goes with the ledger.
      forgetLastDashboard();
      setStatus(reply.ok ? t('dataDeleted') : t('dataDeleteFailed'));
    } catch {
      setStatus(t('dataDeleteFailed'));
    } finally {
      setBusy(false);
      closeConfirm();
    }
  };

  return (
    <div class="your-data" data-testid="your-data">
      <p>{t('dataIntro', [String(settings?.values.retentionDays ?? 365)])}</p>
      <div class="data-exports">
        {(Object.keys(FILES) as Kind[]).map((kind) => (
          <button
            type="button"
            key={kind}
            disabled={busy}
            data-testid={`export-${kind}`}
            onClick={() => void exportAs(kind)}
          >
            {t(FILES[kind].label)}
          </button>
        ))}
      </div>
      {confirming ? (
        <div
          class="data-confirm"
          role="alertdialog"
          aria-labelledby="data-confirm-text"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !busy) closeConfirm();
          }}
        >
          <p id="data-confirm-text">{t('dataDeleteConfirm')}</p>
          <button
            type="button"
            class="danger"
            disabled={busy}
            data-testid="delete-confirm"
            onClick={() => void deleteAll()}
          >
            {t('dataDeleteYes')}
          </button>{' '}
          <button type="button" onClick={closeConfirm} autoFocus>
            {t('dataDeleteNo')}
          </button>
        </div>
      ) : (
        <button
          ref={deleteButton}
          type="button"
          class="danger-outline"
          data-testid="delete-all"
          onClick={() => setConfirming(true)}
        >
          {t('dataDelete')}
        </button>
      )}
      {status && (
        <p class="data-status" role="status" data-testid="data-status">
          {status}
        </p>
      )}
    </div>
  );
}
