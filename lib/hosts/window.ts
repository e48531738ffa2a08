/** One ComposeWindow, the same way for every mail site, from the site's readers (see SiteReaders). */
import { isElement, OWN_UI } from './dom';
import type { ComposeWindow, SiteReaders } from './types';

export function composeWindow(root: HTMLElement, body: HTMLElement, draftId: string, site: SiteReaders): ComposeWindow {
  const control = (target: EventTarget | null, is: SiteReaders['isSendControl']) =>
    isElement(target) && !target.closest(OWN_UI) && is(target, root);
  return {
    root,
    body,
    draftId,
    readOwnText: () => site.readOwnText(body),
    readSubject: () => site.readSubject(root),
    readRecipients: () => site.readRecipients(root, body),
    readThreadSize: () => site.readThreadSize(root, body),
    readVisiblePhoneNumbers: () => site.readVisiblePhoneNumbers(root, body),
    ownTextRange: () => (body.isConnected ? site.ownTextRange(body) : null),
    nudgeAnchor: () => site.nudgeAnchor(root, body),
    tabLeavesBody: () => {
      const selection = body.ownerDocument.getSelection();
      const caret = selection?.rangeCount ? selection.getRangeAt(0).startContainer : null;
      return !!caret && body.contains(caret) && site.tabLeavesBody(caret, body);
    },
    isSendControl: (target) => control(target, site.isSendControl),
    isDiscardControl: (target) => control(target, site.isDiscardControl),
  };
}

/** Distinguishes this page load's drafts from another's (sites' own ids, "1", "2"…, repeat on every load). */
const PAGE_SESSION = Math.random().toString(36).slice(2, 10);

/**
 * A draft id unique across page loads, from the site's own id for the window where it has one. The coach
 * derives idempotency keys from it, so a window keeps the id it was given.
 */
export function pageDraftId(siteId?: string): string {
  return `${PAGE_SESSION}-${siteId ?? Math.random().toString(36).slice(2, 10)}`;
}
