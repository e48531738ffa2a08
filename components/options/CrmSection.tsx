/**
 * The organisation's CRM: what connecting sends and to whom, Connect / Disconnect, the status and
 * the last error, and the calls the CRM refused with what the rep can do about each. Shown only as
 * a plain sentence when the policy names no CRM.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { crmConfigOf, originPatternOf, PROVIDER_HOSTS } from '../../lib/crm/config';
import { t } from '../../lib/i18n';
import type { CallRow, OutboxRow } from '../../lib/ledger/db';
import { sendToBackground, type CrmOutboxRequest } from '../../lib/messages';
import type { Settings } from '../../lib/settings/schema';
import { useCrmStatus } from '../popup/CrmLine';
import { useLedgerAccess, useLive } from '../popup/hooks';

function when(at: number): string {
  return new Date(at).toLocaleString();
}

export function CrmSection({ settings }: { settings: Settings }) {
  const config = crmConfigOf(settings);
  const status = useCrmStatus();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  if (!config) {
    return (
      <section aria-labelledby="crm-title" data-setting="crm">
        <h2 id="crm-title">{t('crmTitle')}</h2>
        <p id="crm-help" class="help">
          {t('crmOff')}
        </p>
      </section>
    );
  }

  const name = PROVIDER_HOSTS[config.provider].label;
  const connect = () => {
    setBusy(true);
    setMessage('');
    // Asked straight from the click: browsers grant permissions only in answer to the rep's gesture.
    const manifest = browser.runtime.getManifest() as ReturnType<typeof browser.runtime.getManifest> & {
      browser_specific_settings?: { gecko?: { data_collection_permissions?: { optional?: string[] } } };
    };
    const optional = manifest.optional_permissions ?? [];
    // Firefox: the data the manifest declares as optionally collected (contact addresses, call notes).
    const dataCollection = manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional;
    browser.permissions
      .request({
        origins: [originPatternOf(config)],
        permissions: optional.includes('identity') ? ['identity'] : [],
        ...(dataCollection ? { data_collection: dataCollection } : {}),
      })
      .then(async (granted) => {
        if (!granted) return setMessage(t('crmPermissionRefused', config.host));
        const answer = await sendToBackground({ type: 'crm_connect' });
        setMessage(answer.ok ? t('crmConnectedNow', name) : t('crmConnectFailed', answer.error ?? ''));
      })
      .catch((err: unknown) => setMessage(t('crmConnectFailed', String(err))))
      .finally(() => setBusy(false));
  };
  const disconnect = () => {
    setBusy(true);
    void sendToBackground({ type: 'crm_disconnect' })
      .then(async (answer) => {
        // Forgotten here either way; say so when the CRM could not be told to revoke the sign-in.
        setMessage(answer.error ? t('crmDisconnectedNotRevoked', [name, answer.error]) : t('crmDisconnectedNow', name));
        // The host is no longer needed (a build that grants it at install cannot give it up).
        await browser.permissions.remove({ origins: [originPatternOf(config)] }).catch(() => undefined);
      })
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };

  const connected = status?.connected && status.host === config.host;
  return (
    <section aria-labelledby="crm-title" data-setting="crm" data-testid="crm-section">
      <h2 id="crm-title">{t('crmTitle')}</h2>
      <p id="crm-help" class="help">
        {t(config.sendNotes ? 'crmConsentWithNotes' : 'crmConsentWithoutNotes', [name, config.host])}
      </p>
      <p class="help">{t('crmConsentReads', name)}</p>
      <p role="status" data-testid="crm-status">
        {connected
          ? t('crmStatusConnected', [name, when(status.connectedAt ?? Date.now())])
          : status?.signedOut
            ? t('crmStatusSignedOut', name)
            : t('crmStatusNotConnected', name)}
        {connected && status.lastSyncAt ? ` ${t('crmStatusLastSync', when(status.lastSyncAt))}` : ''}
      </p>
      {status?.lastError && (
        <p class="problem" data-testid="crm-last-error">
          {t('crmLastError', [when(status.lastError.at), status.lastError.message])}
        </p>
      )}
      {connected ? (
        <button type="button" disabled={busy} onClick={disconnect}>
          {t('crmDisconnect', name)}
        </button>
      ) : (
        <button type="button" disabled={busy} onClick={connect} aria-describedby="crm-help">
          {t('crmConnect', name)}
        </button>
      )}
      {message && (
        <p role="status" data-testid="crm-message">
          {message}
        </p>
      )}
      <RefusedCalls crmName={name} />
    </section>
  );
}

/** Calls the CRM refused, each with what the rep can do. */
export function RefusedCalls({ crmName }: { crmName: string }) {
  const access = useLedgerAccess();
  const refused = useLive(
    access,
    async ({ db }) => {
      const rows = await db.outbox.where('nextAt').equals(Infinity).toArray();
      const calls = await db.calls.bulkGet(rows.map((r) => r.key));
      return rows
        .map((row, i) => ({ row, call: calls[i] }))
        .filter((r): r is { row: OutboxRow; call: CallRow } => !!r.call);
    },
    [],
  );
  const items = refused.value ?? [];
  if (!items.length) return null;
  const act = (key: string, action: CrmOutboxRequest['action']) =>
    void sendToBackground({ type: 'crm_outbox', key, action });
  return (
    <div data-testid="crm-refused">
      <h3>{t('crmRefusedTitle', crmName)}</h3>
      <ul>
        {items.map(({ row, call }) => {
          const who = call.contact.name ?? call.contact.address ?? '';
          return (
            <li key={row.key}>
              <span>
                {t('crmRefusedCall', [who, new Date(call.at).toLocaleDateString()])}{' '}
                {row.failure?.kind === 'contact-not-found'
                  ? t('crmRefusedNoContact', crmName)
                  : t('crmRefusedOther', row.failure?.message ?? '')}
              </span>{' '}
              <button type="button" onClick={() => act(row.key, 'retry')}>
                {t('crmRetry')}
              </button>{' '}
              {row.failure?.kind === 'contact-not-found' && (
                <button type="button" onClick={() => act(row.key, 'without-contact')}>
                  {t('crmSendWithoutContact')}
                </button>
              )}{' '}
              <button type="button" onClick={() => act(row.key, 'discard')}>
                {t('crmDiscard')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
