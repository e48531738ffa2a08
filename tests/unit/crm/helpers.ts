/** A connected CRM on the local fake Salesforce, for the crm unit tests. */
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmConnection } from '../../../lib/crm/connection';
import { createSalesforce } from '../../../lib/crm/salesforce';
import type { CrmConfig } from '../../../lib/crm/types';
import { startFakeSalesforce, type FakeSalesforce } from '../../crm/fake-salesforce';
import { followAuthorize } from '../../crm/sign-in';

export const REDIRECT = 'https://pdelmhlcdkmdihekgbllaancmdgbddoe.chromiumapp.org/';

export interface CrmFixture {
  org: FakeSalesforce;
  config: CrmConfig;
  connection: CrmConnection;
}

/** A fresh org and fake browser per test; `fixture()` gives the current one. */
export function useFakeSalesforce(options: { sendNotes?: boolean; now?: () => number } = {}): () => CrmFixture {
  let current: CrmFixture | undefined;
  beforeEach(async () => {
    fakeBrowser.reset();
    const org = await startFakeSalesforce(options.now ? { now: options.now } : {});
    const config: CrmConfig = {
      provider: 'salesforce',
      host: org.host,
      clientId: org.clientId,
      sendNotes: options.sendNotes ?? true,
    };
    const provider = createSalesforce({ originOf: () => org.url });
    const connection = new CrmConnection(provider, config, {
      launchAuthFlow: followAuthorize,
      redirectUri: () => REDIRECT,
      ...(options.now ? { now: options.now } : {}),
    });
    current = { org, config, connection };
  });
  afterEach(async () => {
    const org = current?.org;
    current = undefined;
    if (org) {
      const invalid = [...org.invalid];
      await org.close();
      // Every request CallFirst made must have matched the OpenAPI description.
      if (invalid.length) throw new Error(`requests outside docs/salesforce-api.yaml:\n${invalid.join('\n')}`);
    }
  });
  return () => current!;
}
