/**
 * Whether the organisation's policy turns the CRM on, and for which host. Pure (no network, no
 * browser API): the options page, the popup and the background all read it.
 */
import type { CrmProviderId, Settings } from '../settings/schema';
import type { CrmConfig } from './types';

/** The hosts each provider serves; each must fall inside the manifest's optional_host_permissions. */
export const PROVIDER_HOSTS: Record<CrmProviderId, { pattern: RegExp; permission: string; label: string }> = {
  salesforce: {
    pattern: /^[a-z0-9-]+(\.[a-z0-9-]+)*\.my\.salesforce\.com$/i,
    permission: 'https://*.my.salesforce.com/*',
    label: 'Salesforce',
  },
};

/** The CRM the policy names, or null when it is off or incomplete (then nothing is requested). */
export function crmConfigOf(settings: Pick<Settings, 'crm'>): CrmConfig | null {
  const { provider, myDomain, clientId, sendNotes } = settings.crm;
  if (!provider || !myDomain || !clientId) return null;
  const host = myDomain.toLowerCase();
  if (!PROVIDER_HOSTS[provider].pattern.test(host)) return null;
  return { provider, host, clientId, sendNotes };
}

/** The host permission to request for `config`. */
export function originPatternOf(config: CrmConfig): string {
  return `https://${config.host}/*`;
}
