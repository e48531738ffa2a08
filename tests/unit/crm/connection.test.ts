import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACCESS_KEY, AUTH_KEY, readStatus } from '../../../lib/crm/connection';
import { CrmError } from '../../../lib/crm/types';
import { useFakeSalesforce } from './helpers';

const fixture = useFakeSalesforce();

describe('signing in to Salesforce', () => {
  it('runs the PKCE flow and keeps the refresh token in local and the access token in session storage', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    const local = await fakeBrowser.storage.local.get(AUTH_KEY);
    const session = await fakeBrowser.storage.session.get(ACCESS_KEY);
    expect(local[AUTH_KEY]).toMatchObject({ host: org.host, userId: org.user.Id });
    expect(typeof (local[AUTH_KEY] as { refreshToken: unknown }).refreshToken).toBe('string');
    expect(session[ACCESS_KEY]).toMatchObject({ userId: org.user.Id });
    expect(typeof (session[ACCESS_KEY] as { accessToken: unknown }).accessToken).toBe('string');
    expect(await fakeBrowser.storage.local.get(ACCESS_KEY)).toEqual({});
    expect((await readStatus()).connected).toBe(true);
    expect(org.log).toEqual(['authorize', 'token']);
  });

  it('refuses an answer whose state does not match, and says so', async () => {
    const { connection } = fixture();
    const forged = new (connection.constructor as typeof import('../../../lib/crm/connection').CrmConnection)(
      connection.provider,
      connection.config,
      {
        launchAuthFlow: () => Promise.resolve('https://x.chromiumapp.org/?code=abc&state=forged'),
        redirectUri: () => 'https://x.chromiumapp.org/',
      },
    );
    await expect(forged.connect()).rejects.toThrow(/did not match/);
    expect((await readStatus()).lastError).toMatchObject({ kind: 'sign-in' });
    expect(await fakeBrowser.storage.local.get(AUTH_KEY)).toEqual({});
  });

  it('refreshes an expired access token once and retries the request', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    org.contacts.push({ Id: '003000000000001AAA', Email: 'ada@client.test', Name: 'Ada' });
    org.expireSessions();
    const person = await connection.run((s) => connection.provider.findPerson(s, 'ada@client.test'));
    expect(person).toEqual({ id: '003000000000001AAA', kind: 'Contact' });
    expect(org.log.slice(2)).toEqual(['query', 'token', 'query']);
  });

  it('does not refresh again when the new token is refused too, and asks to sign in again', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    org.failNext('query', {
      status: 401,
      body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }],
    });
    org.failNext('query', {
      status: 401,
      body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }],
    });
    await expect(connection.run((s) => connection.provider.findCall(s, 'k'))).rejects.toMatchObject({ kind: 'auth' });
    expect(org.log.slice(2)).toEqual(['query', 'token', 'query']);
    expect(await readStatus()).toMatchObject({ connected: false, signedOut: true });
  });

  it('a refresh token the org revoked means signing in again', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    org.refreshTokens.clear();
    org.expireSessions();
    const error = await connection.run((s) => connection.provider.findCall(s, 'k')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).kind).toBe('signed-out');
    expect(await readStatus()).toMatchObject({ connected: false, signedOut: true });
  });

  it('Disconnect revokes the refresh token and forgets both tokens', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    expect(org.refreshTokens.size).toBe(1);
    await connection.disconnect();
    expect(org.refreshTokens.size).toBe(0);
    expect(await fakeBrowser.storage.local.get(AUTH_KEY)).toEqual({});
    expect(await fakeBrowser.storage.session.get(ACCESS_KEY)).toEqual({});
    expect(org.log.at(-1)).toBe('revoke');
  });

  it('Disconnect while Salesforce cannot be reached forgets both tokens and says the revoke failed', async () => {
    const { org, connection } = fixture();
    await connection.connect();
    org.offline = true;
    const error = await connection.disconnect().catch((e: unknown) => e);
    expect((error as CrmError).kind).toBe('network');
    expect(await fakeBrowser.storage.local.get(AUTH_KEY)).toEqual({});
    expect(await fakeBrowser.storage.session.get(ACCESS_KEY)).toEqual({});
    expect(await readStatus()).toEqual({ connected: false });
  });

  it('forgets a sign-in made for another org or app', async () => {
    const { connection } = fixture();
    await connection.connect();
    await fakeBrowser.storage.local.set({
      [AUTH_KEY]: { ...((await fakeBrowser.storage.local.get(AUTH_KEY))[AUTH_KEY] as object), clientId: 'other' },
    });
    expect(await connection.auth()).toBeNull();
  });
});
