import { afterEach, describe, expect, it } from 'vitest';
import { callsToCsv, csvCell, daysToCsv, exportToJson, readExport } from '../../../lib/ledger/export';
import { Ledger } from '../../../lib/ledger/ledger';
import { at, call, email, nudge, testDatabase } from './helpers';

let ledger: Ledger | undefined;
afterEach(() => ledger?.close());

describe('export', () => {
  it('exports calls with their notes and the daily counts', async () => {
    const tdb = testDatabase();
    ledger = new Ledger({ createDb: () => tdb.create('UTC'), timeZone: () => 'UTC' });
    await ledger.record(email('dana@acme.example', at('2026-06-14T10:00:00Z')));
    await ledger.record(email('dana@acme.example', at('2026-06-15T10:00:00Z')));
    await ledger.record(nudge('nudge_shown', at('2026-06-15T10:00:00Z')));
    await ledger.record(
      call({ name: 'Dana Lee', address: 'dana@acme.example' }, at('2026-06-15T11:00:00Z'), 'c1', {
        purpose: 'Renewal, "Q3"',
        discussed: 'Pricing\nand timing',
        proposed: '=a pilot',
        nextPurpose: 'Sign-off',
      }),
    );
    const data = await readExport(await ledger.openDb(), at('2026-06-16T00:00:00Z'));
    expect(data).toMatchObject({ app: 'CallFirst', schemaVersion: 4, exportedAt: '2026-06-16T00:00:00.000Z' });
    expect(data.days).toEqual([
      { day: '2026-06-14', calls: 0, emails: 1, nudgesShown: 0, nudgesAccepted: 0, nudgesDismissed: 0 },
      { day: '2026-06-15', calls: 1, emails: 1, nudgesShown: 1, nudgesAccepted: 0, nudgesDismissed: 0 },
    ]);
    expect(callsToCsv(data)).toBe(
      'date,time,contact_name,contact_address,source,purpose,discussed,proposed,next_purpose\r\n' +
        '2026-06-15,2026-06-15T11:00:00.000Z,Dana Lee,dana@acme.example,form,"Renewal, ""Q3""","Pricing\nand timing",\'=a pilot,Sign-off\r\n',
    );
    expect(daysToCsv(data)).toBe(
      'date,calls,emails,nudges_shown,nudges_accepted,nudges_dismissed\r\n2026-06-14,0,1,0,0,0\r\n2026-06-15,1,1,1,0,0\r\n',
    );
    expect(JSON.parse(exportToJson(data))).toEqual(data);
  });

  it('guards cells a spreadsheet would run as formulas, and only those', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('+1 555 0100')).toBe('+1 555 0100');
    expect(csvCell('- item')).toBe('- item');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('plain')).toBe('plain');
  });
});
