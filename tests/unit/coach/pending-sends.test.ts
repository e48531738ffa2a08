// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DraftSent, OFFER_GRACE_MS, PendingSends } from '../../../lib/coach/pending-sends';
import { emailSent, nudgeAccepted } from '../../../lib/coach/records';
import type { UndoSendOffer } from '../../../lib/hosts/types';

/** A draft's send: its email, after the acceptance of a rewrite it was sent with when `rewritten`. */
function sent(draft: string, rewritten = false): DraftSent {
  const facts = { host: 'gmail' as const, draftId: draft, recipients: [], at: 0 };
  const edits = rewritten ? [{ action: 'call_request' as const, reasons: ['checkin' as const], before: 'Hi' }] : [];
  return {
    records: [...edits.map((e) => nudgeAccepted(facts, e.action, e.reasons)), emailSent(facts, null)],
    edits,
  };
}

function setup() {
  let offered = false;
  const recorded: string[] = [];
  const offer: UndoSendOffer = { longestMs: 30_000, isOffered: () => offered, isUndoControl: () => false };
  const pending = new PendingSends(offer, {
    ctx: { setTimeout: (fn: () => void, ms?: number) => window.setTimeout(fn, ms) },
    doc: document,
    now: () => Date.now(),
    record: (send) => recorded.push(...send.records.map((e) => `${e.type}:${e.key.split(':')[2]!}`)),
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
    expect(t.recorded).toEqual(['email_sent:a']);
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
    expect(t.recorded).toEqual(['email_sent:a']);
  });

  it('an Undo takes back the acceptance the send recorded with its email, and hands both back', () => {
    const t = setup();
    const first = sent('a', true);
    t.pending.hold(first);
    t.offer(true);
    vi.advanceTimersByTime(2_000);
    expect(t.pending.undo()).toBe(first);
    expect(t.pending.undo()).toBeUndefined(); // the same press's second event
    t.offer(false);
    vi.advanceTimersByTime(3_000);
    expect(t.recorded).toEqual([]);
    t.pending.hold(sent('a', true));
    vi.advanceTimersByTime(OFFER_GRACE_MS + 500);
    expect(t.recorded).toEqual(['nudge_accepted:a', 'email_sent:a']);
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
    expect(t.recorded).toEqual(['email_sent:a']);
  });

  it('counts a send whose offer never shows after the grace period', () => {
    const t = setup();
    t.pending.hold(sent('a'));
    vi.advanceTimersByTime(OFFER_GRACE_MS - 100);
    expect(t.recorded).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(t.recorded).toEqual(['email_sent:a']);
  });

  it('counts a send whose offer outstays the longest undo time', () => {
    const t = setup();
    t.pending.hold(sent('a'));
    t.offer(true);
    vi.advanceTimersByTime(30_000 + OFFER_GRACE_MS + 500);
    expect(t.recorded).toEqual(['email_sent:a']);
  });

  it('flush counts what is held (the page is going away); drop forgets it', () => {
    const t = setup();
    t.pending.hold(sent('a'));
    t.offer(true);
    t.pending.flush();
    expect(t.recorded).toEqual(['email_sent:a']);
    t.pending.hold(sent('b'));
    t.pending.drop();
    t.offer(false);
    vi.advanceTimersByTime(5_000);
    expect(t.recorded).toEqual(['email_sent:a']);
  });
});
