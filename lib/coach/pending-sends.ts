/**
 * Sends waiting out the site's Undo Send. A window that left the page after a send intent may still
 * come back: Gmail's "Message sent · Undo" toast and Outlook's delayed send keep it undoable for a few
 * seconds. So everything the send records (the email, and the nudge's edits it was sent with) waits
 * here and counts once the offer has gone without an Undo; an Undo drops it and hands it back for
 * the draft that comes back, which records it when sent for good. An offer that never shows (Undo
 * Send off, or a site change) lets the send count after OFFER_GRACE_MS.
 */
import type { UndoSendOffer } from '../hosts/types';
import type { LedgerEvent } from '../messages';
import type { CoachContext } from './deps';
import type { SentEdits } from './edits-kept';
import { safe } from './safe';

/** What one send records, counted or taken back together. */
export interface DraftSent {
  /** The nudge's edits the draft was sent with (accepted), then the email. */
  records: LedgerEvent[];
  /** Those edits as the draft held them, for the draft an Undo brings back. */
  edits: SentEdits;
}

/** How long after the window leaves the site's offer may take to show. */
export const OFFER_GRACE_MS = 1_000;
/** How often a held send looks again whether the offer is still there (only while one is held). */
const RECHECK_MS = 500;

interface Held {
  send: DraftSent;
  leftAt: number;
  offerSeen: boolean;
}

export interface PendingSendsEnv {
  ctx: Pick<CoachContext, 'setTimeout'>;
  doc: Document;
  now: () => number;
  record: (send: DraftSent) => void;
}

export class PendingSends {
  private held: Held[] = [];
  private timer?: number;
  /** When the last Undo came: each Undo takes back one send made since (one press can fire keydown and click). */
  private lastUndoAt = -Infinity;

  constructor(
    private readonly offer: UndoSendOffer,
    private readonly env: PendingSendsEnv,
  ) {}

  get size(): number {
    return this.held.length;
  }

  hold(send: DraftSent): void {
    this.held.push({ send, leftAt: this.env.now(), offerSeen: false });
    this.settle();
  }

  /** The rep pressed Undo: the latest send since the last Undo goes back to being a draft, and is returned. */
  undo(): DraftSent | undefined {
    const latest = this.held[this.held.length - 1];
    if (!latest || latest.leftAt <= this.lastUndoAt) return undefined;
    this.held.pop();
    this.lastUndoAt = this.env.now();
    this.settle();
    return latest.send;
  }

  /** Counts each held send the offer no longer covers, and looks again later while any is held. */
  settle(): void {
    const { env, offer } = this;
    const offered = safe(() => offer.isOffered(env.doc), false);
    const now = env.now();
    const still: Held[] = [];
    for (const h of this.held) {
      if (offered) h.offerSeen = true;
      const waited = now - h.leftAt;
      const done = offered ? waited >= offer.longestMs + OFFER_GRACE_MS : h.offerSeen || waited >= OFFER_GRACE_MS;
      if (done) env.record(h.send);
      else still.push(h);
    }
    this.held = still;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = still.length ? env.ctx.setTimeout(() => this.settle(), RECHECK_MS) : undefined;
  }

  /** The page is going away: what is still held was sent (an Undo can no longer come from here). */
  flush(): void {
    const held = this.held;
    this.held = [];
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const h of held) this.env.record(h.send);
  }

  /** The coach stopped: nothing more is recorded from this page. */
  drop(): void {
    this.held = [];
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
