// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paintFirst } from '../../../components/popup/first-paint';
import { Popup } from '../../../components/popup/Popup';
import { YourData } from '../../../components/data/YourData';
import { POPUP_INTENT_KEY } from '../../../lib/background/commands';
import { Ledger } from '../../../lib/ledger/ledger';
import { createMessageHandler } from '../../../lib/background/router';
import { withTeamCall } from '../../../lib/crm/team-calls';
import { PENDING_STATE_KEY } from '../../../lib/ledger/session';
import type { LedgerDb } from '../../../lib/ledger/db';
import { at, call, email, testDatabase, useEnglishMessages } from '../ledger/helpers';

const NOW = at('2026-06-15T16:00:00Z');
const DAY = 86_400_000;
const ZONE = 'UTC';

let ledger: Ledger;
let db: LedgerDb;
let tdb: ReturnType<typeof testDatabase>;

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  useEnglishMessages();
  tdb = testDatabase();
  db = tdb.create(ZONE);
  ledger = new Ledger({ createDb: () => tdb.create(ZONE), timeZone: () => ZONE, now: () => NOW });
  await db.open();
});
afterEach(() => {
  cleanup();
  document.body.replaceChildren(); // the first paint's containers
  ledger.close();
  db.close();
});

const show = () => render(<Popup db={db} now={() => NOW} timeZone={ZONE} />);

describe('Popup', () => {
  it('shows today’s calls versus emails, and updates live as the background records', async () => {
    await ledger.record(email('dana@acme.example', NOW - DAY)); // yesterday
    await ledger.record(email('dana@acme.example', NOW));
    show();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('CallFirst');
    await waitFor(() => expect(screen.getByTestId('emails-today').textContent).toBe('1'));
    expect(screen.getByTestId('calls-today').textContent).toBe('0');
    await ledger.record(email('lee@globex.example', NOW + 1));
    await ledger.record(call('dana@acme.example', NOW + 2));
    await waitFor(() => expect(screen.getByTestId('calls-today').textContent).toBe('1'));
    expect(screen.getByTestId('emails-today').textContent).toBe('2');
  });

  it('shows the effective call goal and follows settings changes live', async () => {
    await fakeBrowser.storage.sync.set({ settings: { dailyCallGoal: 3 } });
    await ledger.record(call('a@x.example', NOW));
    show();
    await waitFor(() => expect(screen.getByTestId('call-goal').textContent).toBe('3'));
    await waitFor(() =>
      expect(screen.getByTestId('goal-status').textContent).toBe("2 more calls to reach today's goal"),
    );
    await fakeBrowser.storage.sync.set({ settings: { dailyCallGoal: 1 } });
    await waitFor(() => expect(screen.getByTestId('call-goal').textContent).toBe('1'));
    await waitFor(() => expect(screen.getByTestId('goal-status').textContent).toBe('Goal met today. Nice work.'));
  });

  it('shows a policy goal over the rep’s own', async () => {
    await fakeBrowser.storage.sync.set({ settings: { dailyCallGoal: 3 } });
    await fakeBrowser.storage.managed.set({ dailyCallGoal: 12 });
    show();
    await waitFor(() => expect(screen.getByTestId('call-goal').textContent).toBe('12'));
  });

  it('shows the streak and the overdue list with each contact’s history', async () => {
    await fakeBrowser.storage.sync.set({ settings: { dailyCallGoal: 1 } });
    for (let d = 1; d <= 3; d++) await ledger.record(call('c@x.example', NOW - d * DAY));
    await ledger.record(
      call({ address: 'dana@acme.example', name: 'Dana Lee' }, NOW - 41 * DAY, undefined, {
        nextPurpose: 'confirm pilot start date',
      }),
    );
    for (let d = 6; d >= 1; d--)
      await ledger.record(email([{ address: 'dana@acme.example', name: 'Dana Lee' }], NOW - d * DAY));
    for (let d = 3; d >= 1; d--) await ledger.record(email('sam@x.example', NOW - d * DAY));
    show();
    await waitFor(() => expect(screen.getByTestId('streak').textContent).toContain('3-day streak'));
    await waitFor(() => expect(screen.getByTestId('overdue').textContent).toContain('Dana Lee'));
    expect(screen.getByTestId('overdue').textContent).toContain('Last call: 41 days ago · 6 emails since');
    // The purpose of the next contact, beside the contact it was noted for, and only there.
    const next = screen.getAllByTestId('overdue-next');
    expect(next.map((n) => n.textContent)).toEqual(['Next: confirm pilot start date']);
    expect(next[0]!.closest('li')!.textContent).toContain('Dana Lee');
  });

  it('with the CRM connected, lists who is overdue by the team’s last calls, naming who called', async () => {
    await ledger.record(call({ address: 'dana@acme.example', name: 'Dana Lee' }, NOW - 41 * DAY));
    for (let d = 6; d >= 1; d--)
      await ledger.record(email([{ address: 'dana@acme.example', name: 'Dana Lee' }], NOW - d * DAY));
    for (let d = 3; d >= 1; d--) await ledger.record(email('sam@x.example', NOW - d * DAY));
    await ledger.record(email('lee@x.example', NOW - 2 * DAY));
    // The background: the ledger's histories with Priya's calls from the CRM laid over them.
    const priya: Record<string, number> = {
      'dana@acme.example': NOW - 2 * DAY,
      'sam@x.example': NOW - 40 * DAY,
      'lee@x.example': NOW - 50 * DAY,
    };
    const asked: unknown[] = [];
    let answering = Promise.resolve();
    fakeBrowser.runtime.onMessage.addListener(
      createMessageHandler(
        ledger,
        () => NOW,
        undefined,
        async (histories) => {
          asked.push(histories.map((h) => h.address));
          await answering;
          return Promise.all(
            histories.map(async (h) => {
              const at = priya[h.address];
              const team = at === undefined ? null : { address: h.address, at, by: 'Priya' };
              return withTeamCall(h, team, await ledger.emailsSince(h.address, at ?? Infinity));
            }),
          );
        },
      ),
    );
    await fakeBrowser.storage.local.set({ crmStatus: { connected: true, host: 'acme.my.salesforce.com' } });
    const opening = show();
    // Priya called Dana two days ago: one email since, not overdue. Lee: nobody has called in 50 days.
    await waitFor(() => expect(screen.getByTestId('overdue').textContent).toContain('by Priya'));
    const lines = [...screen.getByTestId('overdue').querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toEqual([
      expect.stringContaining('sam@x.example') as unknown,
      expect.stringContaining('lee@x.example') as unknown,
    ]);
    expect(lines[0]).toContain('Last call: 40 days ago, by Priya · 3 emails since');
    expect(lines[1]).toContain('Last call: 50 days ago, by Priya · 1 email since');
    // Asked once, about the overdue and the never-called contacts emailed lately.
    expect(asked).toHaveLength(1);
    expect((asked[0] as string[]).sort()).toEqual(['dana@acme.example', 'lee@x.example', 'sam@x.example']);

    // The next opening, while the background takes its time: the team's list as last shown, at once
    // and throughout, never the ledger's own (with Dana) first.
    await waitFor(() => expect(localStorage.length).toBe(2)); // the last dashboard and the team's list
    opening.unmount();
    let answer = () => {};
    answering = new Promise((resolve) => (answer = resolve));
    const seen: string[] = [];
    const watch = new MutationObserver(() => seen.push(screen.queryByTestId('overdue')?.textContent ?? ''));
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    show();
    seen.push(screen.getByTestId('overdue').textContent);
    await waitFor(() => expect(asked).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('calls-today').textContent).toBe('0')); // the ledger is read
    answer();
    await waitFor(() => expect(screen.getByTestId('overdue').textContent).toContain('50 days ago, by Priya'));
    watch.disconnect();
    expect(seen.length).toBeGreaterThan(1);
    for (const text of seen) {
      expect(text).toContain('sam@x.example');
      expect(text).not.toContain('Dana Lee');
    }
  });

  it('does not ask the background about the overdue list when no CRM is connected', async () => {
    for (let d = 3; d >= 1; d--) await ledger.record(email('sam@x.example', NOW - d * DAY));
    const asked: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      asked.push(message);
      return undefined;
    });
    show();
    await waitFor(() => expect(screen.getByTestId('overdue').textContent).toContain('No call yet · 3 emails sent'));
    expect(asked.filter((m) => (m as { type?: string }).type === 'contact_history')).toEqual([]);
  });

  it('logs a call through the background with its notes', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
      return Promise.resolve({ ok: true, outcome: 'saved' });
    });
    show();
    fireEvent.click(screen.getByTestId('log-call'));
    const form = await screen.findByTestId('log-call-form');
    fireEvent.click(screen.getByText('Save call'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Say who you called.'));
    const field = (name: string) => form.querySelector(`[name="${name}"]`) as HTMLInputElement;
    fireEvent.input(field('contact'), { target: { value: 'Dana Lee <Dana@acme.example>' } });
    fireEvent.input(field('purpose'), { target: { value: 'Renewal' } });
    fireEvent.input(field('discussed'), { target: { value: 'Pricing for Q3' } });
    fireEvent.input(field('proposed'), { target: { value: 'A two-month pilot' } });
    fireEvent.input(field('nextPurpose'), { target: { value: 'Sign-off' } });
    fireEvent.click(screen.getByText('Save call'));
    await waitFor(() => expect(screen.getByText('Call with Dana Lee saved.')).toBeTruthy());
    expect(seen).toEqual([
      {
        type: 'record',
        event: {
          type: 'call_logged',
          key: expect.stringMatching(/^call:/) as unknown,
          at: NOW,
          contact: { name: 'Dana Lee', address: 'dana@acme.example' },
          notes: {
            purpose: 'Renewal',
            discussed: 'Pricing for Q3',
            proposed: 'A two-month pilot',
            nextPurpose: 'Sign-off',
          },
          source: 'form',
        },
      },
    ]);
  });

  it('opens on the form, as a shortcut call, when the keyboard command opened it', async () => {
    await fakeBrowser.storage.session.set({ [POPUP_INTENT_KEY]: { view: 'log-call', at: Date.now() } });
    const seen: { event?: { source?: string } }[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message as { event?: { source?: string } });
      return Promise.resolve({ ok: true, outcome: 'saved' });
    });
    show();
    const form = await screen.findByTestId('log-call-form');
    await waitFor(() => expect(document.activeElement).toBe(form.querySelector('[name="contact"]')));
    fireEvent.input(form.querySelector('[name="contact"]')!, { target: { value: 'Sam' } });
    fireEvent.click(screen.getByText('Save call'));
    await waitFor(() => expect(seen.find((m) => m.event)?.event?.source).toBe('shortcut'));
  });

  it('says so in plain words when storage fails, and counts what is kept in memory', async () => {
    await ledger.record(email('a@x.example', NOW, 'saved-1'));
    const messages: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      messages.push(m);
      return Promise.resolve({ ok: false, persistent: false });
    });
    await fakeBrowser.storage.session.set({
      [PENDING_STATE_KEY]: {
        status: { persistent: false, problem: 'quota', since: NOW, pending: 2 },
        events: [
          { event: call('a@x.example', NOW, 'mem-1'), day: '2026-06-15' },
          { event: email('a@x.example', NOW, 'mem-2'), day: '2026-06-15' },
        ],
      },
    });
    show();
    const banner = await screen.findByTestId('storage-problem');
    expect(banner.textContent).toContain(
      "Can't save to this browser's storage right now; today's counts are kept until you close the browser.",
    );
    expect(banner.textContent).toContain('This browser’s storage is full.'.replace('’', "'"));
    expect(banner.textContent).toContain('2 events waiting to be saved.');
    await waitFor(() => expect(screen.getByTestId('calls-today').textContent).toBe('1'));
    expect(screen.getByTestId('emails-today').textContent).toBe('2');
    await waitFor(() => expect(messages).toContainEqual({ type: 'flush_ledger' }));
  });

  it('paints the last dashboard it showed at once, then refreshes it from the ledger', async () => {
    await fakeBrowser.storage.sync.set({ settings: { dailyCallGoal: 1 } });
    for (let d = 1; d <= 3; d++) await ledger.record(call('c@x.example', NOW - d * DAY));
    for (let d = 3; d >= 1; d--)
      await ledger.record(email([{ address: 'dana@acme.example', name: 'Dana Lee' }], NOW - d * DAY));
    const first = show();
    await waitFor(() => expect(screen.getByTestId('overdue').textContent).toContain('Dana Lee'));
    await waitFor(() => expect(localStorage.length).toBe(1));
    first.unmount();

    // Meanwhile the rep calls Dana: the next opening paints the last dashboard before any read…
    await ledger.record(call('dana@acme.example', NOW));
    show();
    expect(screen.getByTestId('streak').textContent).toContain('3-day streak');
    expect(screen.getByTestId('overdue').textContent).toContain('Dana Lee');
    expect(screen.getByTestId('call-goal').textContent).toBe('1');
    // …and then shows the ledger as it is now.
    await waitFor(() => expect(screen.getByTestId('streak').textContent).toContain('4-day streak'));
    await waitFor(() => expect(screen.queryByTestId('overdue')).toBeNull());
    expect(screen.getByTestId('calls-today').textContent).toBe('1');
  });

  it('does not paint a dashboard kept on another day', async () => {
    await ledger.record(email([{ address: 'dana@acme.example', name: 'Dana Lee' }], NOW - DAY));
    await ledger.record(email([{ address: 'dana@acme.example', name: 'Dana Lee' }], NOW - 2 * DAY));
    await ledger.record(email([{ address: 'dana@acme.example', name: 'Dana Lee' }], NOW - 3 * DAY));
    const yesterday = render(<Popup db={db} now={() => NOW - DAY} timeZone={ZONE} />);
    await waitFor(() => expect(localStorage.length).toBe(1));
    yesterday.unmount();
    show();
    expect(screen.queryByTestId('overdue')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('overdue').textContent).toContain('Dana Lee'));
  });

  it('takes over its first paint node for node, with the same numbers and words, then follows the ledger', async () => {
    await fakeBrowser.storage.sync.set({ settings: { dailyCallGoal: 2 } });
    for (let d = 1; d <= 2; d++) {
      await ledger.record(call('c@x.example', NOW - d * DAY, `c${d}`));
      await ledger.record(call('b@x.example', NOW - d * DAY, `b${d}`));
    }
    const before = show();
    await waitFor(() => expect(screen.getByTestId('streak').textContent).toContain('2-day streak'));
    await waitFor(() => expect(localStorage.length).toBe(1)); // the last dashboard: goal 2, 2-day streak
    before.unmount();
    await ledger.record(email('dana@acme.example', NOW));
    await ledger.record(call('dana@acme.example', NOW));

    // The first paint, from today's row alone (no Dexie), before the popup's script has loaded.
    const app = document.body.appendChild(Object.assign(document.createElement('div'), { id: 'app' }));
    const first = await paintFirst(document, { now: NOW, timeZone: ZONE, indexedDB: tdb.factory });
    expect(first).toMatchObject({ day: '2026-06-15', counts: { calls: 1, emails: 1 } });
    // Meanwhile it read the whole dashboard from the ledger, as the last one was shown (goal 2).
    const read = await first!.dashboard;
    expect(read).toMatchObject({ goal: 2, overdueDays: 30, dashboard: { counts: { calls: 1, emails: 1 }, streak: 2 } });
    const painted = [...app.querySelectorAll('*')];
    const text = app.textContent;
    expect(screen.getByTestId('calls-today').textContent).toBe('1');
    expect(screen.getByTestId('emails-today').textContent).toBe('1');
    expect(screen.getByTestId('call-goal').textContent).toBe('2');
    expect(screen.getByTestId('goal-status').textContent).toBe("1 more call to reach today's goal");
    expect(screen.getByTestId('streak').textContent).toContain('2-day streak');
    const names = () =>
      ['calls-today', 'emails-today', 'call-goal'].map((id) => screen.getByTestId(id).closest('section')!.ariaLabel);

    // The popup renders over it: the same nodes, the same words, the rest of the dashboard after them.
    const labels = names();
    render(<Popup db={db} now={() => NOW} timeZone={ZONE} first={first} opened={read} />, { container: app });
    painted.forEach((node) => expect(node.isConnected).toBe(true));
    // Its first render shows the dashboard the first paint read (today's call and email in the
    // week's chart), not the last one kept (4 calls, no email).
    const week = screen.getByTestId('chart').getAttribute('aria-label');
    expect(week).toContain('5 calls');
    expect(week).toContain('1 email');
    expect(app.querySelector('section.today')).toBe(painted.find((n) => n.matches('section.today')));
    expect(app.textContent).toContain(text);
    expect(names()).toEqual(labels);
    expect(screen.getByTestId('log-call')).toBeTruthy();

    await ledger.record(email('lee@globex.example', NOW + 1));
    await waitFor(() => expect(screen.getByTestId('emails-today').textContent).toBe('2'));
    expect(app.querySelector('section.today')).toBe(painted.find((n) => n.matches('section.today')));
  });

  it('paints nothing first on an empty profile, and leaves no database behind for the ledger to find', async () => {
    const app = document.body.appendChild(Object.assign(document.createElement('div'), { id: 'app' }));
    const fresh = testDatabase('never-opened');
    expect(
      await paintFirst(document, { now: NOW, timeZone: ZONE, indexedDB: fresh.factory, name: 'never-opened' }),
    ).toBe(undefined);
    expect(app.childNodes.length).toBe(0);
    expect(await fresh.factory.databases()).toEqual([]);
  });

  it('leaves the popup to render alone when its first paint fails', async () => {
    await ledger.record(email('dana@acme.example', NOW));
    const app = document.body.appendChild(Object.assign(document.createElement('div'), { id: 'app' }));
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => {
      throw new Error('no messages');
    });
    expect(await paintFirst(document, { now: NOW, timeZone: ZONE, indexedDB: tdb.factory })).toBe(undefined);
    expect(app.childNodes.length).toBe(0);
  });

  it('ignores a first paint of another day', async () => {
    await ledger.record(email('dana@acme.example', NOW));
    render(
      <Popup db={db} now={() => NOW} timeZone={ZONE} first={{ day: '2026-06-14', counts: { calls: 9, emails: 9 } }} />,
    );
    expect(screen.getByTestId('calls-today').textContent).toBe('–');
    await waitFor(() => expect(screen.getByTestId('emails-today').textContent).toBe('1'));
    expect(screen.getByTestId('calls-today').textContent).toBe('0');
  });

  it('still shows today’s numbers from memory when its own database will not open', async () => {
    tdb.failure.opens = true;
    const broken = tdb.create(ZONE);
    await fakeBrowser.storage.session.set({
      [PENDING_STATE_KEY]: {
        status: { persistent: false, problem: 'unavailable', pending: 1 },
        events: [{ event: call('a@x.example', NOW, 'mem-1'), day: '2026-06-15' }],
      },
    });
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: false, persistent: false }));
    render(<Popup db={broken} now={() => NOW} timeZone={ZONE} />);
    await waitFor(() => expect(screen.getByTestId('calls-today').textContent).toBe('1'));
    expect(screen.getByTestId('storage-problem').textContent).toContain("isn't letting CallFirst open its storage");
  });
});

describe('YourData', () => {
  it('exports the calls with their notes as a CSV download', async () => {
    await ledger.record(
      call({ address: 'dana@acme.example', name: 'Dana Lee' }, NOW, 'c1', {
        discussed: 'Pricing, timing',
        proposed: 'Pilot',
      }),
    );
    const texts: string[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      void blob.text().then((t) => texts.push(t));
      return 'blob:test';
    });
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(<YourData db={db} now={() => NOW} />);
    fireEvent.click(screen.getByTestId('export-calls-csv'));
    await waitFor(() =>
      expect(screen.getByTestId('data-status').textContent).toBe('1 call and 1 day of counts exported.'),
    );
    expect(clicks).toEqual(['callfirst-calls-2026-06-15.csv']);
    await waitFor(() => expect(texts[0]).toContain('Dana Lee,dana@acme.example,form,,"Pricing, timing",Pilot,'));
  });

  it('deletes everything only after a confirmation', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      seen.push(m);
      return Promise.resolve({ ok: true });
    });
    render(<YourData db={db} now={() => NOW} />);
    fireEvent.click(screen.getByTestId('delete-all'));
    expect(seen).toEqual([]);
    expect(screen.getByRole('alertdialog').textContent).toContain("It can't be undone.");
    fireEvent.click(screen.getByTestId('delete-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('data-status').textContent).toBe('All CallFirst data on this device was deleted.'),
    );
    expect(seen).toEqual([{ type: 'clear_ledger' }]);
  });

  it('forgets the popup’s last dashboard with the ledger', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true }));
    await ledger.record(email([{ address: 'dana@acme.example', name: 'Dana Lee' }], NOW));
    const popup = show();
    await waitFor(() => expect(localStorage.length).toBe(1));
    popup.unmount();
    render(<YourData db={db} now={() => NOW} />);
    fireEvent.click(screen.getByTestId('delete-all'));
    fireEvent.click(screen.getByTestId('delete-confirm'));
    await waitFor(() => expect(screen.getByTestId('data-status')).toBeTruthy());
    expect(localStorage.length).toBe(0);
  });
});
