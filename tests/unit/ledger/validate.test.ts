import { describe, expect, it } from 'vitest';
import { sanitizeEvent } from '../../../lib/ledger/validate';
import { at } from './helpers';

const NOW = at('2026-06-15T12:00:00Z');

describe('sanitizeEvent', () => {
  it('keeps only the fields the contract allows (never draft text)', () => {
    const input = {
      type: 'email_sent',
      key: 'k1',
      at: NOW,
      host: 'gmail',
      recipients: [{ address: ' dana@acme.example ', name: 'Dana', phone: '555' }],
      level: 'strong',
      reasons: ['checkin', 42],
      body: 'the whole draft',
      subject: 'secret',
    };
    expect(sanitizeEvent(input, NOW)).toEqual({
      type: 'email_sent',
      key: 'k1',
      at: NOW,
      host: 'gmail',
      recipients: [{ address: 'dana@acme.example', name: 'Dana' }],
      level: 'strong',
      reasons: ['checkin'],
    });
  });

  it('rebuilds calls with bounded notes and a known source', () => {
    const e = sanitizeEvent(
      {
        type: 'call_logged',
        key: 'c',
        at: NOW,
        contact: { name: 'Dana' },
        source: 'tel',
        notes: { purpose: 'x'.repeat(5000), extra: 1 },
      },
      NOW,
    );
    expect(e).toMatchObject({ type: 'call_logged', source: 'tel', contact: { name: 'Dana' } });
    expect(e?.type === 'call_logged' && e.notes.purpose.length).toBe(4000);
    expect(e?.type === 'call_logged' && e.notes).toMatchObject({ discussed: '', proposed: '', nextPurpose: '' });
    expect(sanitizeEvent({ type: 'call_logged', key: 'c', at: NOW, source: 'fax' }, NOW)).toMatchObject({
      source: 'form',
      contact: {},
    });
  });

  it('refuses malformed events', () => {
    expect(sanitizeEvent(null)).toBeNull();
    expect(sanitizeEvent({ type: 'email_sent', at: NOW, recipients: [] }, NOW)).toBeNull(); // no key
    expect(sanitizeEvent({ type: 'email_sent', key: 'k', at: 'now', recipients: [] }, NOW)).toBeNull();
    expect(sanitizeEvent({ type: 'email_sent', key: 'k', at: NOW + 3 * 86_400_000, recipients: [] }, NOW)).toBeNull();
    expect(sanitizeEvent({ type: 'email_sent', key: 'k', at: NOW }, NOW)).toBeNull(); // no recipients
    expect(
      sanitizeEvent({ type: 'nudge_accepted', key: 'k', at: NOW, recipients: [], action: 'dance' }, NOW),
    ).toBeNull();
    expect(sanitizeEvent({ type: 'draft_text', key: 'k', at: NOW }, NOW)).toBeNull();
  });
});
