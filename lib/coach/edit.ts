/**
 * Changing the draft, only ever on a click on one of the nudge's actions: select a range of the
 * rep's own words and replace it through the editor's own editing path (`insertText`), so the mail
 * site saves the draft as if the rep had typed it and Ctrl+Z undoes it. Quoted history and the
 * signature are outside the range and stay exactly as they were. Undo goes back through the same
 * stack, so the draft returns exactly as it was (text and formatting) and Ctrl+Y/redo still works.
 */
import { sentenceRangeContaining } from '../hosts/dom';
import type { ComposeWindow } from '../hosts/types';

function replace(body: HTMLElement, range: Range, text: string): boolean {
  const doc = body.ownerDocument;
  const selection = doc.getSelection();
  if (!selection || !body.contains(range.commonAncestorContainer)) return false;
  // The rep clicked an action: putting the caret in the draft is what they asked for.
  body.focus({ preventScroll: true });
  selection.removeAllRanges();
  selection.addRange(range);
  // execCommand is deprecated but is the one way to edit through the browser's undo stack.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return doc.execCommand('insertText', false, text);
}

/** Replaces all of the rep's own words with `text` (e.g. the analysis's callRequest). */
export function replaceOwnText(win: ComposeWindow, text: string): boolean {
  const range = win.ownTextRange();
  return range ? replace(win.body, range, text) : false;
}

/** Replaces the sentence holding `evidence` (e.g. "just checking in") with `text`; false when it is gone. */
export function replaceSentence(win: ComposeWindow, evidence: string, text: string): boolean {
  const own = win.ownTextRange();
  const range = own ? sentenceRangeContaining(own, evidence) : null;
  return range ? replace(win.body, range, text) : false;
}

/**
 * Undoes the action's edit through the editor's own undo stack, as Ctrl+Z would, when the rep's own
 * words are still exactly what the action left (`after`); true when they are then back to `before`.
 */
export function undoEdit(win: ComposeWindow, edit: { before: string; after: string }): boolean {
  if (win.readOwnText() !== edit.after) return false;
  // The rep clicked Undo: the caret goes back into the draft, where the edit was.
  win.body.focus({ preventScroll: true });
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  win.body.ownerDocument.execCommand('undo');
  return win.readOwnText() === edit.before;
}
