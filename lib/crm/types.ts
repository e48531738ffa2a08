/**
 * The one interface every CRM provider implements (Salesforce first; HubSpot could follow), and
 * the shapes that cross it. Pure types and data: no network here.
 */
import type { CallNotes, ContactRef } from '../messages';
import type { CrmProviderId } from '../settings/schema';

/** A usable connection setting: what the organisation's policy names. */
export interface CrmConfig {
  provider: CrmProviderId;
  /** The org's host, e.g. `acme.my.salesforce.com`. */
  host: string;
  clientId: string;
  sendNotes: boolean;
}

/** What a sign-in or a refresh gives. */
export interface TokenGrant {
  accessToken: string;
  /** Only from the first sign-in (and from refreshes that rotate it). */
  refreshToken?: string;
  /** The CRM user the tokens belong to (the rep). */
  userId: string;
}

/** An access token in use. */
export interface CrmSession {
  config: CrmConfig;
  accessToken: string;
  userId: string;
}

/** A call as CallFirst sends it. */
export interface OutgoingCall {
  /** Our idempotency key (the ledger event's): the CRM record carries it, so a retry finds it. */
  key: string;
  at: number;
  /** The rep's local day of the call, `YYYY-MM-DD`. */
  day: string;
  contact: ContactRef;
  /** Left out when the policy says not to send notes. */
  notes?: CallNotes;
}

/** A call the rep owns, read from the CRM. */
export interface CrmCall {
  /** The CRM's record id. */
  id: string;
  at: number;
  /** Our key, when the call was written by CallFirst. */
  ourKey?: string;
  contact: ContactRef;
}

/** The team's latest call with a person. */
export interface TeamLastCall {
  address: string;
  at: number;
  /** Who made it (the CRM user's name). */
  by?: string;
}

/** Whom a call is written against. */
export interface CrmPerson {
  id: string;
  kind: 'Contact' | 'Lead';
}

/**
 * Why a request failed, in the categories the outbox acts on:
 * - `auth`: the access token is not accepted (refresh once, then sign in again);
 * - `signed-out`: the refresh token is not accepted either;
 * - `busy`: rate limited or unavailable (429/503): wait `retryAfterMs` or back off;
 * - `network`: no answer at all (offline): back off;
 * - `contact-not-found`, `field-not-allowed`, `rejected`: the rep (or an admin) must act.
 */
export type CrmErrorKind =
  'auth' | 'signed-out' | 'busy' | 'network' | 'contact-not-found' | 'field-not-allowed' | 'rejected';

export class CrmError extends Error {
  override name = 'CrmError';
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The operations CallFirst needs from a CRM. Every method may throw a CrmError. */
export interface CrmProvider {
  readonly id: CrmProviderId;
  authorizeUrl(config: CrmConfig, request: { redirectUri: string; codeChallenge: string; state: string }): string;
  exchangeCode(
    config: CrmConfig,
    request: { code: string; codeVerifier: string; redirectUri: string },
  ): Promise<TokenGrant>;
  refresh(config: CrmConfig, refreshToken: string): Promise<TokenGrant>;
  revoke(config: CrmConfig, token: string): Promise<void>;
  /** The Contact (or else the Lead) with this address, or null. */
  findPerson(session: CrmSession, address: string): Promise<CrmPerson | null>;
  /** The record written earlier for our key, if any (so a retry never writes twice). */
  findCall(session: CrmSession, key: string): Promise<string | null>;
  /** Writes a completed call against `person`; returns the record id. */
  writeCall(session: CrmSession, call: OutgoingCall, person: CrmPerson | null): Promise<string>;
  /** Calls the rep owns, changed since `since` (epoch ms). */
  readCalls(session: CrmSession, since: number): Promise<CrmCall[]>;
  /** The latest call by anyone with each of these addresses (those with none are left out). */
  lastCalls(session: CrmSession, addresses: readonly string[]): Promise<TeamLastCall[]>;
}
