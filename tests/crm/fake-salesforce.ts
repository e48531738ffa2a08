/**
 * A local stand-in for one Salesforce org, on 127.0.0.1 (a random port): every request is checked
 * against docs/salesforce-api.yaml with openapi-backend before it is answered, and every answer is
 * checked against it too. It answers the SOQL CallFirst sends (and refuses any other query as
 * Salesforce would, MALFORMED_QUERY), keeps Tasks, Contacts and Leads in memory, runs the OAuth
 * web-server flow with PKCE, and can fail on purpose: expired sessions, 429/503 with Retry-After,
 * hidden fields, or no answer at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { OpenAPIBackend, type Context } from 'openapi-backend';

const SPEC = join(import.meta.dirname, '../../docs/salesforce-api.yaml');
const API = '/services/data/v62.0';

export interface Person {
  Id: string;
  Email: string;
  Name: string;
}

export interface TaskRow {
  Id: string;
  OwnerId: string;
  WhoId?: string;
  Subject: string;
  TaskSubtype: string;
  Status: string;
  ActivityDate: string;
  Description: string;
  CallObject?: string;
  CreatedDate: string;
  LastModifiedDate: string;
  CompletedDateTime?: string;
}

export interface Fault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

let counter = 0;
/** An 18-character Salesforce-like id with the object's key prefix. */
export function sfId(prefix: string): string {
  counter++;
  return `${prefix}${'0'.repeat(15 - String(counter).length - prefix.length + 3)}${counter}AAA`.slice(0, 18);
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const isoSeconds = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, '.000+0000');
const errors = (status: number, errorCode: string, message: string, headers?: Record<string, string>): Answer => ({
  status,
  body: [{ errorCode, message }],
  headers,
});

/** The literal strings of a SOQL fragment, unescaped. */
function literals(fragment: string): string[] {
  return [...fragment.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

export interface FakeSalesforce {
  url: string;
  port: number;
  host: string;
  clientId: string;
  /** The rep signing in. */
  user: { Id: string; Name: string };
  users: Map<string, string>;
  contacts: Person[];
  leads: Person[];
  tasks: TaskRow[];
  /** Requests that broke the OpenAPI description (must stay empty). */
  invalid: string[];
  /** Every request, as `operationId` (or `404 path`). */
  log: string[];
  /** The redirect_uri of each sign-in (each browser has its own form). */
  redirectUris: string[];
  /** Answers the next request of an operation with a fault instead. */
  failNext(operationId: string, fault: Fault): void;
  /** Every access token stops working (as when a session times out). */
  expireSessions(): void;
  /** Fields the rep's profile cannot see (field-level security). */
  hiddenFields: Set<string>;
  /** While true, connections are dropped without an answer. */
  offline: boolean;
  /** Records per query page. */
  pageSize: number;
  refreshTokens: Set<string>;
  addTask(task: Partial<TaskRow> & { OwnerId: string; WhoId?: string }, at?: number): TaskRow;
  close(): Promise<void>;
}

export interface FakeOptions {
  host?: string;
  /** Serve HTTPS with the test certificate (for Chromium through --host-resolver-rules). */
  https?: boolean;
  now?: () => number;
}

export async function startFakeSalesforce(options: FakeOptions = {}): Promise<FakeSalesforce> {
  const now = options.now ?? Date.now;
  const host = options.host ?? 'acme.my.salesforce.com';
  const user = { Id: sfId('005'), Name: 'Sam Rep' };
  const codes = new Map<string, { challenge: string; redirect: string; userId: string }>();
  const access = new Map<string, string>();
  const faults = new Map<string, Fault[]>();
  const sockets = new Set<Socket>();

  const org: FakeSalesforce = {
    url: '',
    port: 0,
    host,
    clientId: '3MVG9CallFirstTestApp',
    user,
    users: new Map([[user.Id, user.Name]]),
    contacts: [],
    leads: [],
    tasks: [],
    invalid: [],
    log: [],
    redirectUris: [],
    hiddenFields: new Set(),
    offline: false,
    pageSize: 2000,
    refreshTokens: new Set(),
    failNext(operationId, fault) {
      faults.set(operationId, [...(faults.get(operationId) ?? []), fault]);
    },
    expireSessions() {
      access.clear();
    },
    addTask(task, at = now()) {
      const row: TaskRow = {
        Id: sfId('00T'),
        Subject: 'Call',
        TaskSubtype: 'Call',
        Status: 'Completed',
        ActivityDate: new Date(at).toISOString().slice(0, 10),
        Description: '',
        CreatedDate: isoSeconds(at),
        LastModifiedDate: isoSeconds(at),
        CompletedDateTime: isoSeconds(at),
        ...task,
      };
      org.tasks.push(row);
      return row;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const personOf = (id: string | undefined) => [...org.contacts, ...org.leads].find((p) => p.Id === id) ?? undefined;

  const taskRecord = (t: TaskRow, fields: string[]) => {
    const record: Record<string, unknown> = { attributes: { type: 'Task', url: `${API}/sobjects/Task/${t.Id}` } };
    for (const field of fields) {
      if (field === 'Who.Email' || field === 'Who.Name') {
        const who = personOf(t.WhoId);
        record.Who = who ? { attributes: { type: 'Name' }, Email: who.Email, Name: who.Name } : null;
      } else if (field === 'Owner.Name') {
        record.Owner = { attributes: { type: 'Name' }, Name: org.users.get(t.OwnerId) ?? '' };
      } else record[field] = (t as unknown as Record<string, unknown>)[field] ?? null;
    }
    return record;
  };

  const pages = new Map<string, Record<string, unknown>[]>();
  const page = (records: Record<string, unknown>[]): Answer => {
    if (records.length <= org.pageSize)
      return { status: 200, body: { totalSize: records.length, done: true, records } };
    const locator = `01g${randomBytes(6).toString('hex')}-${org.pageSize}`;
    pages.set(locator, records.slice(org.pageSize));
    return {
      status: 200,
      body: {
        totalSize: records.length,
        done: false,
        nextRecordsUrl: `${API}/query/${locator}`,
        records: records.slice(0, org.pageSize),
      },
    };
  };

  /** The SOQL CallFirst sends, and nothing else. */
  function runQuery(q: string, userId: string): Answer {
    const soql = q.replace(/\s+/g, ' ').trim();
    const hidden = [...org.hiddenFields].find((f) => new RegExp(`\\b${f}\\b`).test(soql));
    if (hidden) return errors(400, 'INVALID_FIELD', `No such column '${hidden}' on entity 'Task'.`);
    let m = /^SELECT Id FROM (Contact|Lead) WHERE Email = ('(?:[^'\\]|\\.)*')( AND IsConverted = false)? LIMIT 1$/.exec(
      soql,
    );
    if (m) {
      const email = literals(m[2]!)[0]!.toLowerCase();
      const people = m[1] === 'Contact' ? org.contacts : org.leads;
      const found = people.filter((p) => p.Email.toLowerCase() === email).slice(0, 1);
      return page(found.map((p) => ({ attributes: { type: m![1] }, Id: p.Id })));
    }
    m = /^SELECT Id FROM Task WHERE CallObject = ('(?:[^'\\]|\\.)*') LIMIT 1$/.exec(soql);
    if (m) {
      const key = literals(m[1]!)[0];
      return page(
        org.tasks
          .filter((t) => t.CallObject === key)
          .slice(0, 1)
          .map((t) => taskRecord(t, ['Id'])),
      );
    }
    m =
      /^SELECT (Id, CallObject, CompletedDateTime, CreatedDate, Who\.Email, Who\.Name) FROM Task WHERE TaskSubtype = 'Call' AND OwnerId = ('[^']*') AND LastModifiedDate >= (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) ORDER BY LastModifiedDate ASC LIMIT 2000$/.exec(
        soql,
      );
    if (m) {
      const owner = literals(m[2]!)[0];
      if (owner !== userId) return page([]);
      const since = Date.parse(m[3]!);
      const rows = org.tasks
        .filter((t) => t.TaskSubtype === 'Call' && t.OwnerId === owner && Date.parse(t.LastModifiedDate) >= since)
        .sort((a, b) => Date.parse(a.LastModifiedDate) - Date.parse(b.LastModifiedDate));
      return page(rows.map((t) => taskRecord(t, m![1]!.split(', '))));
    }
    m =
      /^SELECT Email, \(SELECT CompletedDateTime, CreatedDate, OwnerId, Owner\.Name FROM Tasks WHERE TaskSubtype = 'Call' ORDER BY CreatedDate DESC LIMIT 1\) FROM (Contact|Lead) WHERE Email IN \(((?:'(?:[^'\\]|\\.)*'(?:, )?)+)\)( AND IsConverted = false)?$/.exec(
        soql,
      );
    if (m) {
      const type = m[1]!;
      const wanted = new Set(literals(m[2]!).map((e) => e.toLowerCase()));
      const people = (type === 'Contact' ? org.contacts : org.leads).filter((p) => wanted.has(p.Email.toLowerCase()));
      return page(
        people.map((p) => {
          const calls = org.tasks
            .filter((t) => t.WhoId === p.Id && t.TaskSubtype === 'Call')
            .sort((a, b) => Date.parse(b.CreatedDate) - Date.parse(a.CreatedDate))
            .slice(0, 1);
          return {
            attributes: { type },
            Email: p.Email,
            Tasks: calls.length
              ? {
                  totalSize: 1,
                  done: true,
                  records: calls.map((t) =>
                    taskRecord(t, ['CompletedDateTime', 'CreatedDate', 'OwnerId', 'Owner.Name']),
                  ),
                }
              : null,
          };
        }),
      );
    }
    return errors(400, 'MALFORMED_QUERY', `unexpected query: ${soql}`);
  }

  const bearer = (c: Context) => {
    const header: unknown = (c.request.headers as Record<string, unknown>).authorization;
    return typeof header === 'string' ? header : '';
  };
  const userOf = (c: Context) => access.get(bearer(c).replace(/^Bearer /, '')) ?? '';

  const api = new OpenAPIBackend({
    definition: SPEC,
    strict: true,
    // Validators are compiled per operation on first use: the org starts in milliseconds.
    quick: true,
    handlers: {
      authorize: (c: Context): Answer => {
        const q = c.request.query as Record<string, string>;
        org.redirectUris.push(q.redirect_uri!);
        if (q.client_id !== org.clientId)
          return { status: 400, body: { error: 'invalid_client_id', error_description: 'client identifier invalid' } };
        const code = randomBytes(12).toString('hex');
        codes.set(code, { challenge: q.code_challenge!, redirect: q.redirect_uri!, userId: user.Id });
        const to = new URL(q.redirect_uri!);
        to.searchParams.set('code', code);
        to.searchParams.set('state', q.state!);
        return { status: 302, headers: { Location: to.toString() } };
      },
      token: (c: Context): Answer => {
        const form = c.request.requestBody as Record<string, string>;
        const bad = (description: string): Answer => ({
          status: 400,
          body: { error: 'invalid_grant', error_description: description },
        });
        if (form.client_id !== org.clientId) return bad('client identifier invalid');
        let userId = user.Id;
        let refresh: string | undefined;
        if (form.grant_type === 'authorization_code') {
          const grant = codes.get(form.code!);
          codes.delete(form.code!);
          if (!grant) return bad('invalid authorization code');
          if (grant.redirect !== form.redirect_uri) return bad('redirect_uri mismatch');
          if (s256(form.code_verifier!) !== grant.challenge) return bad('invalid code verifier');
          userId = grant.userId;
          refresh = `5Aep${randomBytes(16).toString('hex')}`;
          org.refreshTokens.add(refresh);
        } else if (!org.refreshTokens.has(form.refresh_token!)) return bad('expired access/refresh token');
        const token = `00D!${randomBytes(16).toString('hex')}`;
        access.set(token, userId);
        return {
          status: 200,
          body: {
            access_token: token,
            ...(refresh ? { refresh_token: refresh } : {}),
            instance_url: `https://${host}`,
            id: `https://login.salesforce.com/id/00D000000000001AAA/${userId}`,
            token_type: 'Bearer',
            issued_at: String(now()),
            signature: randomBytes(8).toString('base64'),
            scope: 'refresh_token api',
          },
        };
      },
      revoke: (c: Context): Answer => {
        const { token } = c.request.requestBody as { token: string };
        if (org.refreshTokens.delete(token)) {
          access.clear();
          return { status: 200 };
        }
        if (access.delete(token)) return { status: 200 };
        return { status: 400, body: { error: 'unsupported_token_type', error_description: 'Invalid token' } };
      },
      query: (c: Context): Answer => runQuery((c.request.query as { q: string }).q, userOf(c)),
      queryMore: (c: Context): Answer => {
        const locator = (c.request.params as { queryLocator: string }).queryLocator;
        const rest = pages.get(locator);
        if (!rest) return errors(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        pages.delete(locator);
        return page(rest);
      },
      createTask: (c: Context): Answer => {
        const userId = userOf(c);
        const body = c.request.requestBody as Record<string, string>;
        const hidden = Object.keys(body).find((f) => org.hiddenFields.has(f));
        if (hidden) return errors(400, 'INVALID_FIELD', `No such column '${hidden}' on sobject of type Task`);
        if (body.WhoId && !personOf(body.WhoId))
          return errors(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
        const task = org.addTask({ ...body, OwnerId: userId });
        return { status: 201, body: { id: task.Id, success: true, errors: [] } };
      },
      validationFail: (c: Context): Answer => {
        org.invalid.push(`${c.operation.operationId ?? '?'}: ${JSON.stringify(c.validation.errors)}`);
        return errors(400, 'INVALID_REQUEST', JSON.stringify(c.validation.errors));
      },
      notFound: (c: Context): Answer => errors(404, 'NOT_FOUND', `no such resource: ${c.request.path}`),
      unauthorizedHandler: (): Answer => errors(401, 'INVALID_SESSION_ID', 'Session expired or invalid'),
    },
    securityHandlers: {
      bearer: (c: Context) => {
        return access.has(bearer(c).replace(/^Bearer /, ''));
      },
    },
  });
  await api.init();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (org.offline) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const type = (req.headers['content-type'] ?? '').split(';')[0];
    const url = new URL(req.url ?? '/', 'http://local');
    let body: unknown = text;
    if (type === 'application/x-www-form-urlencoded') body = Object.fromEntries(new URLSearchParams(text));
    else if (type === 'application/json' && text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers as Record<string, string>,
      body,
    };
    const operation = api.matchOperation(request);
    const id = operation?.operationId ?? `404 ${url.pathname}`;
    org.log.push(id);
    const queued = faults.get(id)?.shift();
    let answer: Answer;
    if (queued) answer = { status: queued.status, body: queued.body, headers: queued.headers };
    else {
      answer = (await api.handleRequest(request)) as Answer;
      if (operation && answer.body !== undefined && answer.status < 300) {
        const check = api.validateResponse(answer.body, operation, answer.status);
        if (check.errors) org.invalid.push(`answer of ${id}: ${JSON.stringify(check.errors)}`);
      }
    }
    res.writeHead(answer.status, {
      ...(answer.body !== undefined ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}),
      ...answer.headers,
    });
    res.end(answer.body !== undefined ? JSON.stringify(answer.body) : undefined);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      org.invalid.push(`server error: ${String(err)}`);
      res.writeHead(500).end();
    });
  };
  const server: Server = options.https
    ? createHttpsServer(
        {
          key: readFileSync(join(import.meta.dirname, 'test-cert/key.pem')),
          cert: readFileSync(join(import.meta.dirname, 'test-cert/cert.pem')),
        },
        listener,
      )
    : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  org.port = (server.address() as AddressInfo).port;
  org.url = `${options.https ? 'https' : 'http'}://127.0.0.1:${org.port}`;
  return org;
}
