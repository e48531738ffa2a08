// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFER_GRACE_MS, PendingSends } from '../../../lib/coach/pending-sends';
import type { UndoSendOffer } from '../../../lib/hosts/types';
import type { EmailSent } from '../../../lib/messages';

const sent = (draft: string): EmailSent => ({
  type: 'email_sent',
  key: `email_sent:gmail:${draft}`,
  at: 0,
  host: 'gmail',
  recipients: [],
  level: 'none',
  reasons: [],
});

function setup() {
  let offered = false;
  const recorded: string[] = [];
  const offer: UndoSendOffer = { longestMs: 30_000, isOffered: () => offered, isUndoControl: () => false };
  const pending = new PendingSends(offer, {
    ctx: { setTimeout: (fn: () => void, ms?: number) => window.setTimeout(fn, ms) },
    doc: document,
    now: () => Date.now(),
    record: (e) => recorded.push(e.key.split(':')[2]!),
  });
  return {
    pending,
    recorded,
    offer: (on: boolean) => {
      offered = on;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PendingSends', () => {
  it('counts a send once its offer has gone without an Undo', () => {
    const t = setup();
    t.pending.hold(sent('a'));
    t.offer(true);
    vi.advanceTimersByTime(5_000);
    expect(t.recorded).toEqual([]);
    t.offer(false);
    vi.advanceTimersByTime(600);
    expect(t.recorded).toEqual(['a']);
    expect(t.pending.size).toBe(0);
  });

  it('drops the send an Undo takes back; the same draft sent again counts once', () => {
    const t = setup();
    t.pending.hold(sent('a'));
    t.offer(true);
    vi.advanceTimersByTime(2_000);
    t.pending.undo();
    t.pending.undo(); // one press can fire keydown and click
    t.offer(false);
    vi.advanceTimersByTime(3_000);
    expect(t.recorded).toEqual([]);
    t.pending.hold(sent('a'));
    t.offer(true);
    vi.advanceTimersByTime(5_000);
    t.offer(false);
    vi.advanceTimersByTime(600);
    expect(t.recorded).toEqual(['a']);
  });

  it('an Undo takes back only the latest send', () => {
    const t = setup();
    t.pending.hold(sent('a'));
    vi.advanceTimersByTime(100);
    t.pending.hold(sent('b'));
    t.offer(true);
    t.pending.undo();
    t.offer(false);
    vi.advanceTimersByTime(600);
    expect(t.recorded).toEqual(['a']);
  });

  it('counts a send whose offer never shows after the grace period', () => {
    const t = setup();
    t.pending.hold(sent('a'));
    vi.advanceTimersByTime(OFFER_GRACE_MS - 100);
    expect(t.recorded).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(t.recorded).toEqual(['a']);
  });

  it('counts a send whose offer outstays the longest undo time', () => {
    const t = setup();
    t.pending.hold(sent('a'));
    t.offer(true);
    vi.advanceTimersByTime(30_000 + OFFER_GRACE_MS + 500);
    expect(t.recorded).toEqual(['a']);
  });

  it('flush counts what is held (the page is going away); drop forgets it', () => {
    const t = setup();
    t.pending.hold(sent('a'));
    t.offer(true);
    t.pending.flush();
    expect(t.recorded).toEqual(['a']);
    t.pending.hold(sent('b'));
    t.pending.drop();
    t.offer(false);
    vi.advanceTimersByTime(5_000);
    expect(t.recorded).toEqual(['a']);
  });
});
