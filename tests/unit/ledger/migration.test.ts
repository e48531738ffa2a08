import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { LEDGER_SCHEMA_VERSION, SCHEMA_V1, type V1EventRow } from '../../../lib/ledger/db';
import { countDay, contactHistories } from '../../../lib/ledger/queries';
import { at, testDatabase } from './helpers';
import { dexieReader } from '../../../lib/ledger/reader';

describe('schema upgrades', () => {
  it('upgrades version-1 data to the current schema', async () => {
    const tdb = testDatabase('callfirst-ledger');
    const v1 = new Dexie('callfirst-ledger', { indexedDB: tdb.factory, IDBKeyRange: tdb.IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    const rows: V1EventRow[] = [
      // 23:30 on the 14th in New York, 03:30Z on the 15th.
      {
        type: 'email_sent',
        key: 'e1',
        at: at('2026-06-15T03:30:00Z'),
        recipients: [{ address: 'Dana@Acme.example', name: 'Dana Lee' }],
        level: 'suggest',
        reasons: ['checkin'],
      },
      {
        type: 'call_logged',
        key: 'c1',
        at: at('2026-06-15T14:00:00Z'),
        contact: { address: 'dana@acme.example' },
        source: 'shortcut',
        notes: { purpose: 'renewal', discussed: 'pricing', proposed: 'a pilot', nextPurpose: 'sign-off' },
      },
      {
        type: 'email_sent',
        key: 'e2',
        at: at('2026-06-15T15:00:00Z'),
        recipients: [{ address: 'dana@acme.example' }],
        level: 'none',
        reasons: [],
      },
      {
        type: 'nudge_dismissed',
        key: 'n1',
        at: at('2026-06-15T15:00:00Z'),
        recipients: [{ address: 'dana@acme.example' }],
        action: 'snooze',
        reasons: ['checkin'],
      },
    ];
    await v1.table('events').bulkAdd(rows);
    v1.close();

    const db = tdb.create('America/New_York');
    await db.open();
    expect(db.verno).toBe(LEDGER_SCHEMA_VERSION);
    expect(await countDay(dexieReader(db), '2026-06-14')).toEqual({ calls: 0, emails: 1 });
    expect(await countDay(dexieReader(db), '2026-06-15')).toEqual({ calls: 1, emails: 1 });
    const call = await db.calls.get('c1');
    expect(call).toMatchObject({ day: '2026-06-15', contactId: 'dana@acme.example', source: 'shortcut' });
    expect(call?.notes).toEqual({
      purpose: 'renewal',
      discussed: 'pricing',
      proposed: 'a pilot',
      nextPurpose: 'sign-off',
    });
    // Notes live only in `calls` now; events keep counting fields.
    expect(await db.events.get('c1')).toEqual({
      key: 'c1',
      type: 'call_logged',
      at: at('2026-06-15T14:00:00Z'),
      day: '2026-06-15',
      contacts: ['dana@acme.example'],
      source: 'shortcut',
    });
    expect(await db.events.get('n1')).toMatchObject({ action: 'snooze', reasons: ['checkin'], day: '2026-06-15' });
    const [dana] = await contactHistories(db, ['dana@acme.example']);
    expect(dana).toMatchObject({
      name: 'Dana Lee',
      lastCallAt: at('2026-06-15T14:00:00Z'),
      lastEmailAt: at('2026-06-15T15:00:00Z'),
      emailsSinceLastCall: 1,
    });
    db.close();
  });

  it('opens an empty database at the current version', async () => {
    const db = testDatabase().create();
    await db.open();
    expect(db.verno).toBe(LEDGER_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['calls', 'contacts', 'events', 'outbox', 'totals']);
    db.close();
  });
});
