/**
 * Salesforce, through its REST API (v62.0) and OAuth 2.0 web-server flow with PKCE and no client
 * secret. Only the org's My Domain is ever contacted. docs/salesforce-api.yaml describes every
 * request made here (with the Salesforce references it was written from); the tests' local server
 * checks each request against it.
 *
 * Our key goes in the Task's `CallObject` (a standard, filterable text field meant for a call's
 * identifier), so a retry can ask whether the Task already exists before writing it again.
 */
import type { CallNotes } from '../messages';
import {
  CrmError,
  type CrmCall,
  type CrmConfig,
  type CrmPerson,
  type CrmProvider,
  type CrmSession,
  type OutgoingCall,
  type TeamLastCall,
  type TokenGrant,
} from './types';

export const API_VERSION = 'v62.0';
export const OUR_KEY_PREFIX = 'callfirst:';
/** The daily API limit resets within 24 hours; try again in an hour. */
const DAILY_LIMIT_WAIT_MS = 3_600_000;

export interface SalesforceOptions {
  /** The origin for a host (tests point it at a local server). */
  originOf?: (host: string) => string;
}

/** Quotes a value for SOQL: backslash and single quote escaped. */
export function soqlString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

const LABELS: [keyof CallNotes, string][] = [
  ['discussed', 'Discussed'],
  ['proposed', 'Proposed'],
  ['nextPurpose', 'Purpose of the next contact'],
];

/** The Task CallFirst writes for a call (notes only when the call carries them). */
export function taskFor(call: OutgoingCall, person: CrmPerson | null): Record<string, string> {
  const purpose = call.notes?.purpose.trim();
  const lines = LABELS.flatMap(([field, label]) => {
    const text = call.notes?.[field].trim();
    return text ? [`${label}: ${text}`] : [];
  });
  lines.push('Logged with CallFirst.');
  const task: Record<string, string> = {
    Subject: (purpose ? `Call: ${purpose}` : 'Call').slice(0, 255),
    TaskSubtype: 'Call',
    Status: 'Completed',
    ActivityDate: call.day,
    Description: lines.join('\n'),
    CallObject: `${OUR_KEY_PREFIX}${call.key}`,
  };
  if (person) task.WhoId = person.id;
  return task;
}

interface TaskRecord {
  Id: string;
  CallObject?: string | null;
  CompletedDateTime?: string | null;
  CreatedDate: string;
  Who?: { Email?: string | null; Name?: string | null } | null;
}

/** A Task read back, as a call the rep owns. */
export function callFromTask(record: TaskRecord): CrmCall {
  const at = Date.parse(record.CompletedDateTime ?? record.CreatedDate);
  const call: CrmCall = { id: record.Id, at, contact: {} };
  if (record.CallObject?.startsWith(OUR_KEY_PREFIX)) call.ourKey = record.CallObject.slice(OUR_KEY_PREFIX.length);
  if (record.Who?.Email) call.contact.address = record.Who.Email.toLowerCase();
  if (record.Who?.Name) call.contact.name = record.Who.Name;
  return call;
}

interface SalesforceError {
  errorCode?: string;
  message?: string;
}

const FIELD_ERRORS = new Set([
  'INVALID_FIELD',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'FIELD_INTEGRITY_EXCEPTION',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'INVALID_TYPE',
  'NO_ACCESS',
]);

/** Retry-After as seconds or an HTTP date, in ms from now. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Sorts a failed response into what the outbox does about it. */
export async function errorOf(response: Response): Promise<CrmError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const first: SalesforceError = (Array.isArray(body) ? (body[0] as SalesforceError | undefined) : undefined) ?? {};
  const oauth = !Array.isArray(body) && typeof body === 'object' && body ? (body as Record<string, unknown>) : {};
  const code = first.errorCode ?? (typeof oauth.error === 'string' ? oauth.error : `HTTP ${response.status}`);
  const message = `${code}: ${first.message ?? (typeof oauth.error_description === 'string' ? oauth.error_description : response.statusText)}`;
  const wait = retryAfterMs(response.headers.get('Retry-After'));
  if (response.status === 401) return new CrmError('auth', message);
  if (code === 'invalid_grant') return new CrmError('signed-out', message);
  if (response.status === 429 || response.status === 503) return new CrmError('busy', message, wait);
  if (code === 'REQUEST_LIMIT_EXCEEDED') return new CrmError('busy', message, wait ?? DAILY_LIMIT_WAIT_MS);
  if (response.status >= 500) return new CrmError('busy', message, wait);
  if (FIELD_ERRORS.has(code)) return new CrmError('field-not-allowed', message);
  return new CrmError('rejected', message);
}

/**
 * Quoted values per `IN (…)` list, at most: the query stays within the 2,000 characters Salesforce
 * recommends for a request's URI (docs/salesforce-api.yaml names the source).
 */
const IN_LIST_CHARS = 1_000;

/** `values` quoted for SOQL `IN (…)`, split into lists of at most IN_LIST_CHARS characters. */
function inListsOf(values: readonly string[]): string[] {
  const lists: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const quoted of values.map(soqlString)) {
    if (current.length && length + quoted.length + 2 > IN_LIST_CHARS) {
      lists.push(current.join(', '));
      current = [];
      length = 0;
    }
    current.push(quoted);
    length += quoted.length + 2;
  }
  if (current.length) lists.push(current.join(', '));
  return lists;
}

export function createSalesforce(options: SalesforceOptions = {}): CrmProvider {
  const originOf = options.originOf ?? ((host: string) => `https://${host}`);

  async function send(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store', redirect: 'error' });
    } catch (err) {
      throw new CrmError('network', err instanceof Error ? err.message : String(err));
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  async function oauth(config: CrmConfig, path: string, form: Record<string, string>): Promise<Response> {
    return send(`${originOf(config.host)}/services/oauth2/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
  }

  async function grantOf(response: Response): Promise<TokenGrant> {
    const body = (await response.json()) as { access_token?: string; refresh_token?: string; id?: string };
    const userId = body.id?.split('/').pop();
    if (!body.access_token || !userId) throw new CrmError('rejected', 'token response without access_token or id');
    const grant: TokenGrant = { accessToken: body.access_token, userId };
    if (body.refresh_token) grant.refreshToken = body.refresh_token;
    return grant;
  }

  function api(session: CrmSession, path: string, init: RequestInit = {}): Promise<Response> {
    return send(`${originOf(session.config.host)}/services/data/${API_VERSION}/${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${session.accessToken}`,
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
  }

  /** Every record of a query, following `nextRecordsUrl` pages. */
  async function query<T>(session: CrmSession, soql: string, limitPages = 10): Promise<T[]> {
    type Page = { records: T[]; done: boolean; nextRecordsUrl?: string };
    let page = (await (await api(session, `query?q=${encodeURIComponent(soql)}`)).json()) as Page;
    const records = [...page.records];
    for (let i = 1; !page.done && page.nextRecordsUrl && i < limitPages; i++) {
      const next = page.nextRecordsUrl.split(`/services/data/${API_VERSION}/`)[1];
      if (!next) break;
      page = (await (await api(session, next)).json()) as Page;
      records.push(...page.records);
    }
    return records;
  }

  return {
    id: 'salesforce',

    authorizeUrl(config, { redirectUri, codeChallenge, state }) {
      const params = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: redirectUri,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        state,
        scope: 'api refresh_token',
      });
      return `${originOf(config.host)}/services/oauth2/authorize?${params.toString()}`;
    },

    async exchangeCode(config, { code, codeVerifier, redirectUri }) {
      const response = await oauth(config, 'token', {
        grant_type: 'authorization_code',
        code,
        client_id: config.clientId,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      });
      return grantOf(response);
    },

    async refresh(config, refreshToken) {
      try {
        return await grantOf(
          await oauth(config, 'token', {
            grant_type: 'refresh_token',
            refresh_token: refreshToken,
            client_id: config.clientId,
          }),
        );
      } catch (err) {
        // A refresh token the org no longer accepts means signing in again, whatever the code.
        if (err instanceof CrmError && (err.kind === 'rejected' || err.kind === 'auth'))
          throw new CrmError('signed-out', err.message);
        throw err;
      }
    },

    async revoke(config, token) {
      await oauth(config, 'revoke', { token });
    },

    async findPerson(session, address) {
      const email = soqlString(address);
      const contacts = await query<{ Id: string }>(session, `SELECT Id FROM Contact WHERE Email = ${email} LIMIT 1`);
      if (contacts[0]) return { id: contacts[0].Id, kind: 'Contact' };
      const leads = await query<{ Id: string }>(
        session,
        `SELECT Id FROM Lead WHERE Email = ${email} AND IsConverted = false LIMIT 1`,
      );
      return leads[0] ? { id: leads[0].Id, kind: 'Lead' } : null;
    },

    async findCall(session, key) {
      const found = await query<{ Id: string }>(
        session,
        `SELECT Id FROM Task WHERE CallObject = ${soqlString(OUR_KEY_PREFIX + key)} LIMIT 1`,
      );
      return found[0]?.Id ?? null;
    },

    async writeCall(session, call, person) {
      const response = await api(session, 'sobjects/Task', {
        method: 'POST',
        body: JSON.stringify(taskFor(call, person)),
      });
      const created = (await response.json()) as { id?: string };
      if (!created.id) throw new CrmError('rejected', 'create answered without an id');
      return created.id;
    },

    async readCalls(session, since) {
      const from = new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const records = await query<TaskRecord>(
        session,
        'SELECT Id, CallObject, CompletedDateTime, CreatedDate, Who.Email, Who.Name FROM Task ' +
          `WHERE TaskSubtype = 'Call' AND OwnerId = ${soqlString(session.userId)} AND LastModifiedDate >= ${from} ` +
          'ORDER BY LastModifiedDate ASC LIMIT 2000',
      );
      return records.map(callFromTask);
    },

    async lastCalls(session, addresses) {
      if (!addresses.length) return [];
      type Person = {
        Email: string;
        Tasks?: {
          records: {
            CompletedDateTime?: string | null;
            CreatedDate: string;
            OwnerId: string;
            Owner?: { Name?: string } | null;
          }[];
        } | null;
      };
      const tasks =
        "(SELECT CompletedDateTime, CreatedDate, OwnerId, Owner.Name FROM Tasks WHERE TaskSubtype = 'Call' ORDER BY CreatedDate DESC LIMIT 1)";
      const people = await Promise.all(
        inListsOf(addresses).flatMap((emails) => [
          query<Person>(session, `SELECT Email, ${tasks} FROM Contact WHERE Email IN (${emails})`),
          query<Person>(session, `SELECT Email, ${tasks} FROM Lead WHERE Email IN (${emails}) AND IsConverted = false`),
        ]),
      );
      const latest = new Map<string, TeamLastCall>();
      for (const person of people.flat()) {
        const task = person.Tasks?.records[0];
        if (!task) continue;
        const address = person.Email.toLowerCase();
        const at = Date.parse(task.CompletedDateTime ?? task.CreatedDate);
        if ((latest.get(address)?.at ?? -Infinity) >= at) continue;
        const last: TeamLastCall = { address, at };
        // The rep's own calls carry no name: "by" names a teammate.
        if (task.Owner?.Name && task.OwnerId !== session.userId) last.by = task.Owner.Name;
        latest.set(address, last);
      }
      return [...latest.values()];
    },
  };
}
