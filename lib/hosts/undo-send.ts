/**
 * One Undo Send offer, the same way for every mail site: the site names the offer's Undo control (and,
 * where its markup carries no stable marker, the control's translated labels) and how long its
 * settings can keep a message undoable. See docs/hosts.md, "Undo Send".
 */
import { anyOf, type Fallback, isElement, isShown, OWN_UI, queryAllUnion } from './dom';
import type { UndoSendOffer } from './types';

export interface UndoSendMarkup {
  /** The Undo control, or candidates for it when `labels` is given. */
  control: readonly Fallback[];
  /** Labels (any language the site is used in) a candidate must carry, lower case, when `control` is not specific. */
  labels?: readonly string[];
  longestMs: number;
}

export function undoSendOffer({ control, labels, longestMs }: UndoSendMarkup): UndoSendOffer {
  const css = anyOf(control);
  const labelled = (el: Element) => {
    if (!labels) return true;
    const text = (el.getAttribute('aria-label') ?? el.textContent).trim().toLowerCase();
    return labels.includes(text);
  };
  const undoControl = (target: EventTarget | null): Element | null => {
    if (!isElement(target) || target.closest(OWN_UI)) return null;
    const el = target.closest(css);
    return el && labelled(el) ? el : null;
  };
  return {
    longestMs,
    isOffered: (doc) => queryAllUnion(doc, control).some((el) => labelled(el) && isShown(el)),
    isUndoControl: (target) => undoControl(target) !== null,
  };
}
