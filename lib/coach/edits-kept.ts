/**
 * The nudge's edits to a draft ("Ask for a call instead", "Use the opener") count as accepted only
 * when the rep keeps them: they wait here until the draft is sent, and an Undo (the nudge's button, or
 * Ctrl+Z that brings the rep's own words back) takes them back. A draft closed without sending
 * accepts nothing. A send the site's Undo Send takes back gives its edits back to the draft that
 * returns, so they count when it goes for good.
 */
import type { UndoableAction } from '../../components/nudge/types';
import type { RuleId } from '../settings/schema';

export interface KeptEdit {
  action: UndoableAction;
  /** The reasons the nudge gave when the rep clicked. */
  reasons: RuleId[];
}

interface Pending extends KeptEdit {
  /** The rep's own words just before the edit; undefined when they could not be read. */
  readonly before: string | undefined;
}

/** The edits a draft was sent with, as they were waiting (for the draft an Undo Send brings back). */
export type SentEdits = readonly Pending[];

export class EditsKept {
  private pending: Pending[] = [];

  /** The rep clicked an action and the draft changed. */
  made(edit: KeptEdit, before: string | undefined): void {
    this.pending.push({ ...edit, before });
  }

  /** The nudge's Undo took the latest edit back. */
  undone(): void {
    this.pending.pop();
  }

  /** The draft reads `text` now: an edit whose earlier words are back (Ctrl+Z) is taken back, with any made after it. */
  seen(text: string | undefined): void {
    if (text === undefined) return;
    const at = this.pending.findIndex((edit) => edit.before === text);
    if (at >= 0) this.pending = this.pending.slice(0, at);
  }

  /** The draft was sent: the edits it still holds, once. */
  sent(): SentEdits {
    const kept = this.pending;
    this.pending = [];
    return kept;
  }

  /** Undo Send brought the draft back: the edits it was sent with wait again, before any made since. */
  returned(edits: SentEdits): void {
    this.pending = [...edits, ...this.pending];
  }
}
