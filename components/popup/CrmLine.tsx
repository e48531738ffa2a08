/**
 * The popup's quiet line about the organisation's CRM: asks the background to sync on opening,
 * says "Salesforce not synced since …" when the last sync failed or is old (local counts still
 * show), and how many calls wait or were refused. Nothing at all when the policy names no CRM.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { crmConfigOf, PROVIDER_HOSTS } from '../../lib/crm/config';
import { readStatus, watchStatus, type CrmStatus } from '../../lib/crm/connection';
import { plural } from '../../lib/contact-history';
import { t } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messages';
import type { Settings } from '../../lib/settings/schema';

/** Older than this, a sync counts as missed (the background syncs every 15 minutes). */
const STALE_MS = 20 * 60_000;

export function useCrmStatus(): CrmStatus | undefined {
  const [status, setStatus] = useState<CrmStatus>();
  useEffect(() => {
    const stop = watchStatus(setStatus);
    void readStatus().then((s) => setStatus((current) => current ?? s));
    return stop;
  }, []);
  return status;
}

export function CrmLine({ settings, now = Date.now }: { settings: Settings | undefined; now?: () => number }) {
  const config = settings ? crmConfigOf(settings) : null;
  const status = useCrmStatus();
  const linked = !!config && !!status && (status.connected || !!status.signedOut) && status.host === config.host;
  useEffect(() => {
    if (linked) void sendToBackground({ type: 'crm_sync' }).catch(() => undefined);
  }, [linked]);
  if (!config || !status || !linked) return null;

  const name = PROVIDER_HOSTS[config.provider].label;
  const lastSync = status.lastSyncAt;
  const failedSince = status.lastError && (lastSync === undefined || status.lastError.at > lastSync);
  const stale = !status.connected || failedSince || lastSync === undefined || now() - lastSync > STALE_MS;
  const time = (at: number) => new Date(at).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div class="crm-line" data-testid="crm-line">
      {stale && (
        <p data-testid="crm-not-synced">
          {lastSync === undefined ? t('popupCrmNeverSynced', name) : t('popupCrmNotSynced', [name, time(lastSync)])}
        </p>
      )}
      {(status.waiting ?? 0) > 0 && <p data-testid="crm-waiting">{plural('popupCrmWaiting', status.waiting ?? 0)}</p>}
      {(status.failed ?? 0) > 0 && (
        <p data-testid="crm-refused">
          {plural('popupCrmRefused', status.failed ?? 0)}{' '}
          <button type="button" class="quiet small" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupCrmSeeOptions')}
          </button>
        </p>
      )}
    </div>
  );
}
