/**
 * Signing in to the organisation's CRM and keeping the tokens: OAuth 2.0 with PKCE (S256) and
 * `state` through the browser's identity.launchWebAuthFlow; the refresh token in storage.local
 * (kept across restarts), the access token in storage.session (gone when the browser closes).
 * `run` gives an operation a session and, when the CRM says the access token expired, refreshes
 * it once and tries again. What happened is written to `crmStatus` (storage.local) for the
 * options page, the popup and the diagnostics.
 */
import { browser } from 'wxt/browser';
import { codeChallenge, randomToken } from './pkce';
import {
  CrmError,
  type CrmConfig,
  type CrmErrorKind,
  type CrmProvider,
  type CrmSession,
  type TokenGrant,
} from './types';

export const AUTH_KEY = 'crmAuth';
export const ACCESS_KEY = 'crmAccess';
export const STATUS_KEY = 'crmStatus';

/** Kept across restarts: the refresh token and whose it is. */
export interface StoredAuth {
  host: string;
  clientId: string;
  userId: string;
  refreshToken: string;
  connectedAt: number;
}

export interface CrmStatus {
  /** Signed in (a refresh token is kept for the org the policy names). */
  connected: boolean;
  /** Signed in once, but the CRM no longer accepts the tokens: sign in again. */
  signedOut?: boolean;
  host?: string;
  connectedAt?: number;
  /** The last time calls were read from the CRM. */
  lastSyncAt?: number;
  lastError?: { kind: CrmErrorKind | 'sign-in'; message: string; at: number };
  /** Calls in the outbox waiting to be sent, and refused ones waiting for the rep. */
  waiting?: number;
  failed?: number;
}

export interface ConnectionDeps {
  /** Opens the sign-in page and resolves with the URL the CRM redirected to. */
  launchAuthFlow?: (url: string) => Promise<string>;
  redirectUri?: () => string;
  now?: () => number;
}

/** Sign-in and tokens for one organisation (one config). */
export class CrmConnection {
  private refreshing: Promise<CrmSession> | null = null;
  private readonly launchAuthFlow: (url: string) => Promise<string>;
  private readonly redirectUri: () => string;
  private readonly now: () => number;

  constructor(
    readonly provider: CrmProvider,
    readonly config: CrmConfig,
    deps: ConnectionDeps = {},
  ) {
    this.launchAuthFlow =
      deps.launchAuthFlow ??
      (async (url) => {
        const result = await browser.identity.launchWebAuthFlow({ url, interactive: true });
        if (!result) throw new CrmError('rejected', 'the sign-in window closed');
        return result;
      });
    this.redirectUri = deps.redirectUri ?? (() => browser.identity.getRedirectURL());
    this.now = deps.now ?? Date.now;
  }

  /** The stored sign-in, when it belongs to the org and app the policy names now. */
  async auth(): Promise<StoredAuth | null> {
    const got = await browser.storage.local.get(AUTH_KEY);
    const auth = got[AUTH_KEY] as StoredAuth | undefined;
    return auth && auth.host === this.config.host && auth.clientId === this.config.clientId ? auth : null;
  }

  async status(): Promise<CrmStatus> {
    return readStatus();
  }

  /** Signs in: the sign-in window, then the code exchange with the PKCE verifier. */
  async connect(): Promise<void> {
    const verifier = randomToken(48);
    const state = randomToken(16);
    const redirectUri = this.redirectUri();
    try {
      const url = this.provider.authorizeUrl(this.config, {
        redirectUri,
        codeChallenge: await codeChallenge(verifier),
        state,
      });
      const answer = new URL(await this.launchAuthFlow(url));
      const params = answer.searchParams;
      if (params.get('state') !== state) throw new CrmError('rejected', 'the sign-in answer did not match the request');
      const code = params.get('code');
      if (!code) throw new CrmError('rejected', params.get('error_description') ?? params.get('error') ?? 'no code');
      const grant = await this.provider.exchangeCode(this.config, { code, codeVerifier: verifier, redirectUri });
      if (!grant.refreshToken)
        throw new CrmError('rejected', 'no refresh token: the app needs the refresh_token scope');
      await this.keep(grant, grant.refreshToken);
      await updateStatus({
        connected: true,
        signedOut: false,
        host: this.config.host,
        connectedAt: this.now(),
        lastError: undefined,
      });
    } catch (err) {
      await this.noteError(err, 'sign-in');
      throw err;
    }
  }

  /** Revokes the refresh token (which ends its access tokens too) and forgets both. */
  async disconnect(): Promise<void> {
    const auth = await this.auth();
    await forgetTokens();
    await replaceStatus({ connected: false });
    if (auth) await this.provider.revoke(this.config, auth.refreshToken);
  }

  /** Runs `operation` with a session; an expired access token is refreshed once. */
  async run<T>(operation: (session: CrmSession) => Promise<T>): Promise<T> {
    const session = await this.session();
    try {
      return await operation(session);
    } catch (err) {
      if (!(err instanceof CrmError) || err.kind !== 'auth') throw err;
      const fresh = await this.refresh(session.accessToken);
      try {
        return await operation(fresh);
      } catch (again) {
        // Refused twice: the tokens are not the problem we can fix; sign in again.
        if (again instanceof CrmError && again.kind === 'auth') await this.signedOut(again.message);
        throw again;
      }
    }
  }

  private async session(): Promise<CrmSession> {
    const got = await browser.storage.session.get(ACCESS_KEY);
    const access = got[ACCESS_KEY] as { accessToken: string; userId: string; host: string } | undefined;
    if (access && access.host === this.config.host) return { config: this.config, ...access };
    return this.refresh(undefined);
  }

  /** One refresh at a time; a caller whose token was already replaced gets the new one. */
  private refresh(expired: string | undefined): Promise<CrmSession> {
    this.refreshing ??= (async () => {
      const got = await browser.storage.session.get(ACCESS_KEY);
      const current = got[ACCESS_KEY] as { accessToken: string; userId: string; host: string } | undefined;
      if (current && current.host === this.config.host && current.accessToken !== expired)
        return { config: this.config, ...current };
      const auth = await this.auth();
      if (!auth) throw new CrmError('signed-out', 'not connected');
      try {
        const grant = await this.provider.refresh(this.config, auth.refreshToken);
        return await this.keep(grant, grant.refreshToken ?? auth.refreshToken, auth.connectedAt);
      } catch (err) {
        if (err instanceof CrmError && err.kind === 'signed-out') await this.signedOut(err.message);
        throw err;
      }
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async keep(grant: TokenGrant, refreshToken: string, connectedAt = this.now()): Promise<CrmSession> {
    const auth: StoredAuth = {
      host: this.config.host,
      clientId: this.config.clientId,
      userId: grant.userId,
      refreshToken,
      connectedAt,
    };
    const access = { accessToken: grant.accessToken, userId: grant.userId, host: this.config.host };
    await Promise.all([
      browser.storage.local.set({ [AUTH_KEY]: auth }),
      browser.storage.session.set({ [ACCESS_KEY]: access }),
    ]);
    return { config: this.config, ...access };
  }

  private async signedOut(message: string): Promise<void> {
    await browser.storage.session.remove(ACCESS_KEY);
    await updateStatus({
      connected: false,
      signedOut: true,
      lastError: { kind: 'signed-out', message, at: this.now() },
    });
  }

  /** Remembers the last error for the options page and diagnostics. */
  async noteError(err: unknown, kind?: 'sign-in'): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    const errorKind = kind ?? (err instanceof CrmError ? err.kind : 'rejected');
    await updateStatus({ lastError: { kind: errorKind, message, at: this.now() } });
  }

  async noteSync(at: number): Promise<void> {
    await updateStatus({ lastSyncAt: at });
  }
}

export async function readStatus(): Promise<CrmStatus> {
  const got = await browser.storage.local.get(STATUS_KEY);
  return (got[STATUS_KEY] as CrmStatus | undefined) ?? { connected: false };
}

/**
 * Status writes run one after another, each over the latest copy: a sync that ends as the rep
 * disconnects must not write its older copy (still connected) back over the disconnect.
 */
let statusWrites: Promise<unknown> = Promise.resolve();

function writeStatus(next: (current: CrmStatus) => CrmStatus): Promise<void> {
  const write = statusWrites.then(async () => {
    const merged = next(await readStatus());
    // Storage keeps no undefined: a change to undefined removes the field.
    const stored = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
    await browser.storage.local.set({ [STATUS_KEY]: stored });
  });
  statusWrites = write.catch(() => undefined);
  return write;
}

export function updateStatus(change: Partial<CrmStatus>): Promise<void> {
  return writeStatus((current) => ({ ...current, ...change }));
}

/** Starts the status afresh (on disconnect), in turn with the other writes. */
function replaceStatus(status: CrmStatus): Promise<void> {
  return writeStatus(() => status);
}

export async function forgetTokens(): Promise<void> {
  await Promise.all([browser.storage.local.remove(AUTH_KEY), browser.storage.session.remove(ACCESS_KEY)]);
}

export function watchStatus(onChange: (status: CrmStatus) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && STATUS_KEY in changes)
      onChange((changes[STATUS_KEY].newValue as CrmStatus | undefined) ?? { connected: false });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
