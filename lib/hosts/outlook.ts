/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com, the new
 * Outlook's /mail/ addresses and its pop-out compose windows): every Outlook selector lives here.
 *
 * Outlook's class names are hashed and change with each release, so nothing here uses a class.
 * Each element has a list of selectors, most stable first (form structure, roles, data-testid,
 * language-independent icon names), translated labels last; every entry carries the month it was
 * added and why, from docs/hosts.md (what other extensions found; none of it was checked against a
 * live Outlook from here, hence the fallbacks). Labels alone never decide anything: a German Outlook
 * ("Nachrichtentext", "Senden") is found by the same structural selectors as an English one.
 *
 * Nothing here writes to Outlook's DOM: windows are remembered in WeakMaps, never marked.
 */
import type { ContactRef } from '../messages';
import {
  anyOf,
  closestOf,
  type Fallback,
  findPhoneNumbers,
  fieldValue,
  isShown,
  matchesAny,
  OWN_UI,
  ownRangeBefore,
  parseAddress,
  queryAllInOrder,
  readBlocksText,
  TEL_LINKS,
  telNumberOf,
} from './dom';
import type { ComposeHost, ComposeWindow, HostProblem, SiteReaders } from './types';
import { undoSendOffer } from './undo-send';
import { composeWindow, pageDraftId } from './window';

/** Hostnames of Outlook on the web, pop-out compose windows included. */
export const OUTLOOK_HOSTNAMES = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'] as const;

const f = (css: string, note: string): Fallback => ({ css, note });

/** Every Outlook selector, most stable first, each with the date and reason it was added. */
export const OUTLOOK_SELECTORS = {
  /** Markers that a page is Outlook even where the hostname says nothing (pop-outs, vanity domains). */
  page: [
    f('meta[content*="owamail"]', "2026-11: Outlook's own assets are served from /owamail/ (docs/hosts.md)"),
    f('link[href*="/owamail/"]', '2026-11: same, as a link in the head'),
    f('head [href*="cdn.office.net"]', '2026-11: Office CDN assets in the head'),
  ],
  /** The editable message body. Read-only bodies (`[id^=UniqueMessageBody_]`) share its label: never them. */
  body: [
    f(
      'div[contenteditable="true"][aria-multiline="true"]',
      '2026-11: the compose editor is a multi-line contenteditable textbox; recipient wells are single-line',
    ),
    f('[id^="editorParent"] [contenteditable="true"]', "2026-11: fallback if aria-multiline goes: the editor's host"),
    f('[contenteditable="true"][aria-label^="Message body"]', '2026-11: last resort, translated label (en)'),
    f('[contenteditable="true"][aria-label^="Nachrichtentext"]', '2026-11: last resort, translated label (de)'),
  ],
  /** Read-only message bodies in the reading pane (they say "Message body" too). */
  readOnlyBody: [f('[id^="UniqueMessageBody_"]', '2026-11: every rendered message in the reading pane')],
  /** Known compose containers; the nearest ancestor holding the body and a Send control is the fallback. */
  composeContainer: [
    f('[id*="docking_InitVisiblePart"]', '2026-11: docked / reading-pane compose form'),
    f('[data-app-section="Form_Content"]', '2026-11: pop-out compose window (its own browser window)'),
  ],
  /** Send controls (matched through their button). The split button's arrow (aria-haspopup) never sends. */
  send: [
    f('[data-testid="ComposeSendButton"]', '2026-11: test id on the Send button (new Outlook)'),
    f('[data-icon-name="Send"]', "2026-11: the Send icon's name is language-independent"),
    f('button[aria-label="Send"]', '2026-11: translated label, last resort (en)'),
    f('button[title^="Send"]', '2026-11: translated tooltip, last resort (en)'),
    f('button[aria-label="Senden"]', '2026-11: translated label, last resort (de)'),
    f('button[title^="Senden"]', '2026-11: translated tooltip, last resort (de)'),
  ],
  /** Items of the menu the Send split button opens (schedule send); it is appended to the page. */
  sendMenuItem: [f('[role="menu"] [role="menuitem"]', '2026-11: Fluent UI menus live outside the compose form')],
  /** Discard controls (the draft closes without sending). */
  discard: [
    f('[data-icon-name="Delete"]', "2026-11: the compose toolbar's trash icon; language-independent"),
    f('button[aria-label="Discard"]', '2026-11: translated label, last resort (en)'),
    f('button[title^="Discard"]', '2026-11: translated tooltip, last resort (en)'),
    f('button[aria-label="Verwerfen"]', '2026-11: translated label, last resort (de)'),
    f('button[title^="Verwerfen"]', '2026-11: translated tooltip, last resort (de)'),
  ],
  /** Where the quoted history begins: this element and everything after it is not the rep's text. */
  quoteStart: [
    f('#divRplyFwdMsg', '2026-11: the From/Sent/To/Subject block Outlook puts above quoted history'),
    f('#appendonsend', '2026-11: marker between the new text (and signature) and the history'),
    f(
      '[id^="mail-editor-reference-message-container"]',
      "2026-11: new Outlook's wrapper around the message replied to or forwarded",
    ),
  ],
  /** Signature blocks (left out of the own text; the rest of the body is kept). */
  signature: [
    f('#Signature', '2026-11: the inserted signature'),
    f('[id*="Signature"]', '2026-11: variants such as x_Signature once a message is quoted'),
  ],
  /** Subject field of a new message or pop-out (inline replies have none). */
  subject: [
    f('input[maxlength="255"]', "2026-11: the subject input's fixed maximum length"),
    f('input[aria-label="Add a subject"]', '2026-11: translated label (en)'),
    f('input[aria-label="Betreff hinzufügen"]', '2026-11: translated label (de)'),
    f('input[placeholder*="ubject"]', '2026-11: translated placeholder (en)'),
  ],
  /** The conversation around an inline reply. */
  conversation: [
    f('[data-app-section="ConversationContainer"]', '2026-11: the conversation in the reading pane'),
    f('#ReadingPaneContainerId', '2026-11: fallback: the reading pane itself'),
  ],
  /** One item per message in the conversation, collapsed ones included. */
  conversationItem: [f('[role="listitem"]', '2026-11: one list item per message, collapsed or expanded')],
  /** The conversation's subject (inline replies have no subject input). */
  conversationSubject: [f('[role="heading"]', "2026-11: the reading pane's subject heading")],
  /** A validation dialog that stops a send ("This message must have at least one recipient"). */
  blockingDialog: [f('[role="alertdialog"]', '2026-11: Fluent UI alert dialogs')],
  /**
   * Buttons in the notification shown while a send waits out "Undo send"; the Undo one is told apart by
   * its label (UNDO_LABELS), since no public capture shows a stable marker on it.
   */
  undoSendCandidate: [
    f('[role="alert"] button', '2026-12: notification bar of a delayed send (assumed, docs/hosts.md)'),
    f('[role="status"] button', '2026-12: the same as a status region (assumed, docs/hosts.md)'),
  ],
  /** Recipient chips (and message senders) whose tooltip carries the address. */
  chipWithAddress: [f('[title*="@"]', '2026-11: the address is in the tooltip where the page shows it')],
  /** Resolved recipient chips: non-editable islands inside the well. */
  chip: [f('[contenteditable="false"]', '2026-11: chips are non-editable islands in the contenteditable well')],
} as const satisfies Record<string, readonly Fallback[]>;

const S = OUTLOOK_SELECTORS;
/** The Undo button's label in the languages Outlook's notification is most used in (2026-12). */
const UNDO_LABELS = [
  'undo',
  'rückgängig',
  'rückgängig machen',
  'annuler',
  'deshacer',
  'annulla',
  'ongedaan maken',
  'desfazer',
];
const BUTTON = 'button, [role="button"], [role="menuitem"]';

// ---------------------------------------------------------------- page

/** True on an Outlook page: by hostname, or by Outlook's own asset markers (pop-outs included). */
export function isOutlookDocument(doc: Document): boolean {
  // A parsed document (DOMParser) has no location.
  const hostname = (doc.location as Location | null)?.hostname ?? '';
  if ((OUTLOOK_HOSTNAMES as readonly string[]).includes(hostname)) return true;
  return doc.querySelector(anyOf(S.page)) !== null;
}

// ---------------------------------------------------------------- elements

function isEditableBody(el: Element): el is HTMLElement {
  if (closestOf(el, S.readOnlyBody) || el.closest(OWN_UI)) return false;
  // A body the page shows read-only (contenteditable missing or false somewhere above) is never a draft.
  const html = el as HTMLElement;
  return html.isContentEditable || html.getAttribute('contenteditable') === 'true';
}

/** Every editable compose body in `scope`, outermost only, in document order. */
function findBodies(scope: ParentNode): HTMLElement[] {
  const all = [...scope.querySelectorAll<HTMLElement>(anyOf(S.body))].filter(isEditableBody);
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

/**
 * The element holding the whole compose window around `body`: a known container where it holds
 * exactly this body and a Send control, else the nearest ancestor holding both. Null when no
 * ancestor holds a Send control without also holding another draft.
 */
function composeRoot(body: HTMLElement): HTMLElement | null {
  let nearest: HTMLElement | null = null;
  for (let el = body.parentElement; el; el = el.parentElement) {
    if (findBodies(el).length > 1) break;
    if (sendButtons(el).length > 0) {
      nearest = el;
      break;
    }
  }
  if (!nearest) return null;
  const known = closestOf(nearest, S.composeContainer);
  return known && findBodies(known).length === 1 ? known : nearest;
}

// ---------------------------------------------------------------- text

/** The first element in `body` (document order) where the quoted history begins, if any. */
function firstQuoteStart(body: HTMLElement): Element | null {
  return body.querySelector(anyOf(S.quoteStart));
}

/** True for `el` at or after `start` in document order (not for the ancestors of `start`). */
function atOrAfter(el: Element, start: Element): boolean {
  return el === start || (start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The rep's own words: the body up to the quoted history, signature left out. */
function readOwnText(body: HTMLElement): string {
  const start = firstQuoteStart(body);
  return readBlocksText(
    body,
    (el) => el.matches(OWN_UI) || matchesAny(el, S.signature) || (start !== null && atOrAfter(el, start)),
  );
}

/** The quoted history of a reply or forward: the element where it starts and everything after it. */
function quotedHistory(body: HTMLElement): Element[] {
  const start = firstQuoteStart(body);
  if (!start) return [];
  const parts: Element[] = [start];
  for (let el: Element | null = start; el && el !== body; el = el.parentElement) {
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) parts.push(next);
  }
  return parts;
}

/**
 * A range over the rep's own words: from the start of the body to the first signature or quoted
 * history element, so replacing it keeps both.
 */
function ownTextRange(body: HTMLElement): Range {
  return ownRangeBefore(body, body.querySelector(anyOf([...S.quoteStart, ...S.signature])));
}

function readSubject(root: HTMLElement): string {
  const fields = queryAllInOrder<HTMLInputElement>(root, S.subject);
  if (fields.length) return fieldValue(fields);
  // Structural fallback: the compose form's only free-text input is the subject (the last one, should there be more).
  const inputs = [...root.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type])')];
  if (inputs.length) return fieldValue(inputs.reverse());
  // An inline reply has no subject field: the conversation's heading holds it.
  const heading = conversationOf(root)?.querySelector(anyOf(S.conversationSubject));
  return heading?.textContent.replace(/\s+/g, ' ').trim() ?? '';
}

// ---------------------------------------------------------------- recipients

function contactFromChip(chip: Element): ContactRef | null {
  const titled = matchesAny(chip, S.chipWithAddress) ? chip : chip.querySelector(anyOf(S.chipWithAddress));
  const text = parseAddress(chip.textContent.replace(/\s+/g, ' '));
  const fromTitle = titled ? parseAddress(titled.getAttribute('title') ?? '') : {};
  if (fromTitle.address) {
    const name = fromTitle.name ?? (text.address ? undefined : text.name);
    return name ? { name, address: fromTitle.address } : { address: fromTitle.address };
  }
  return text.address || text.name ? text : null;
}

/** Recipient wells in order To, Cc, Bcc: the single-line contenteditables of the compose window. */
function recipientWells(root: HTMLElement, body: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[contenteditable="true"]')].filter(
    (el) =>
      el !== body &&
      !body.contains(el) &&
      !el.contains(body) &&
      el.getAttribute('aria-multiline') !== 'true' &&
      !el.closest(OWN_UI),
  );
}

function readRecipients(root: HTMLElement, body: HTMLElement): ContactRef[] {
  const contacts: ContactRef[] = [];
  const seen = new Set<string>();
  const add = (contact: ContactRef | null) => {
    if (!contact) return;
    const key = (contact.address ?? `name:${contact.name ?? ''}`).toLowerCase();
    if (key === 'name:' || seen.has(key)) return;
    seen.add(key);
    contacts.push(contact);
  };
  for (const well of recipientWells(root, body)) {
    const chips = [...well.querySelectorAll(anyOf([...S.chip, ...S.chipWithAddress]))];
    // Outermost chips only: an island with a titled span inside is one recipient.
    for (const chip of chips.filter((c) => !chips.some((other) => other !== c && other.contains(c)))) {
      add(contactFromChip(chip));
    }
    // An address still being typed lives only as loose text in the well; it counts once it is whole.
    for (const node of well.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const typed = parseAddress(node.nodeValue ?? '').address;
      if (typed) add({ address: typed });
    }
  }
  return contacts;
}

// ---------------------------------------------------------------- conversation

function conversationOf(root: HTMLElement): Element | null {
  return closestOf(root, S.conversation);
}

function conversationMessages(conversation: Element, root: HTMLElement): Element[] {
  const items = [...conversation.querySelectorAll(anyOf(S.conversationItem))].filter(
    (item) => !item.contains(root) && !root.contains(item),
  );
  const outer = items.filter((item) => !items.some((other) => other !== item && other.contains(item)));
  if (outer.length > 0) return outer;
  // Fallback: one read-only body per expanded message (collapsed ones are then missed).
  return [...conversation.querySelectorAll(anyOf(S.readOnlyBody))].filter((el) => !root.contains(el));
}

/** Messages in the conversation: the reading pane's items, or the quoted headers of a pop-out reply. */
function readThreadSize(root: HTMLElement, body: HTMLElement): number {
  const conversation = conversationOf(root);
  const inPane = conversation ? conversationMessages(conversation, root).length : 0;
  // A pop-out reply shows no conversation: each quoted header block (divRplyFwdMsg, x_divRplyFwdMsg…) is one message.
  const quoted = body.querySelectorAll('[id$="divRplyFwdMsg"]').length;
  return Math.max(inPane, quoted);
}

/** Phone numbers in the other messages of the conversation and in the quoted history (not the rep's signature). */
function readVisiblePhoneNumbers(root: HTMLElement, body: HTMLElement): string[] {
  const scopes: Element[] = [...quotedHistory(body)];
  const conversation = conversationOf(root);
  if (conversation) {
    scopes.push(...[...conversation.querySelectorAll(anyOf(S.readOnlyBody))].filter((m) => !root.contains(m)));
  }
  const numbers = new Set<string>();
  for (const scope of scopes) {
    for (const link of scope.querySelectorAll(TEL_LINKS)) numbers.add(telNumberOf(link));
    for (const number of findPhoneNumbers(readBlocksText(scope, (el) => el.matches(OWN_UI)))) numbers.add(number);
  }
  return [...numbers];
}

/** The sender of the conversation message holding `el` (e.g. a clicked `tel:` link), when the page shows one. */
function contactNear(el: Element): ContactRef | null {
  const message = closestOf(el, S.conversationItem) ?? closestOf(el, S.readOnlyBody)?.parentElement;
  if (!message) return null;
  // The header's sender carries the address in its tooltip; addresses inside the message text do not count.
  const sender = [...message.querySelectorAll(anyOf(S.chipWithAddress))].find(
    (candidate) => !closestOf(candidate, S.readOnlyBody),
  );
  const contact = sender ? contactFromChip(sender) : null;
  return contact?.address ? contact : null;
}

// ---------------------------------------------------------------- controls

function hasPopup(button: Element): boolean {
  const popup = button.getAttribute('aria-haspopup');
  return !!popup && popup !== 'false';
}

/** The buttons (or button-like elements) a control list finds in `scope`; a menu button (the split button's arrow) is none. */
function controls(scope: ParentNode, list: readonly Fallback[]): Element[] {
  const found = new Set<Element>();
  for (const el of scope.querySelectorAll(anyOf(list))) {
    const button = el.closest(BUTTON) ?? el;
    if (button.closest(OWN_UI) || hasPopup(button)) continue;
    found.add(button);
  }
  return [...found];
}

function sendButtons(scope: ParentNode): Element[] {
  return controls(scope, S.send);
}

function isControlIn(target: Element, root: HTMLElement, list: readonly Fallback[]): boolean {
  return root.contains(target) && controls(root, list).some((button) => button === target || button.contains(target));
}

/**
 * The compose root whose "More send options" arrow was pressed last: its menu (with "Schedule send")
 * is appended to the page, outside every compose window, so a pick in it is credited to that window.
 */
let sendMenuOwner: WeakRef<HTMLElement> | null = null;

function isSendControl(target: Element, root: HTMLElement): boolean {
  if (root.contains(target)) {
    const button = target.closest(BUTTON);
    // The split button's arrow: a menu button beside a Send control.
    if (button && hasPopup(button) && button.parentElement && sendButtons(button.parentElement).length > 0) {
      sendMenuOwner = new WeakRef(root);
      return false;
    }
    return isControlIn(target, root, S.send);
  }
  // An item of the send menu (schedule send). A pick that does not send leaves the window open, and
  // the coach counts a send only once the window has left the page.
  return !!closestOf(target, S.sendMenuItem) && sendMenuOwner?.deref() === root;
}

function isDiscardControl(target: Element, root: HTMLElement): boolean {
  return isControlIn(target, root, S.discard);
}

/**
 * The row holding Send (Outlook puts Send at the top of the compose form): the widest ancestor of the
 * Send button that does not hold the body. The nudge goes right below it, outside the body.
 */
function nudgeAnchor(root: HTMLElement, body: HTMLElement): Element | null {
  const send = sendButtons(root)[0];
  if (!send || send.contains(body)) return null;
  let row: Element = send;
  while (row !== root && row.parentElement && row.parentElement !== root && !row.parentElement.contains(body)) {
    row = row.parentElement;
  }
  return row;
}

// ---------------------------------------------------------------- windows

const readers: SiteReaders = {
  readOwnText,
  ownTextRange,
  readSubject,
  readRecipients,
  readThreadSize,
  readVisiblePhoneNumbers,
  nudgeAnchor,
  // Outlook's editor (roosterjs) keeps Tab: it indents a list item or a selected paragraph and inserts
  // a tab otherwise (roosterjs-content-model-plugins, keyboardTab), so Tab never leaves the body.
  tabLeavesBody: () => false,
  isSendControl,
  isDiscardControl,
};

let nextDraft = 1;
/** One ComposeWindow per body element while it stays in the same compose root. */
const windows = new WeakMap<HTMLElement, ComposeWindow>();

function findComposeWindows(doc: Document): { windows: ComposeWindow[]; problems: HostProblem[] } {
  const found: ComposeWindow[] = [];
  const problems: HostProblem[] = [];
  if (!isOutlookDocument(doc)) return { windows: found, problems };
  for (const body of findBodies(doc)) {
    const known = windows.get(body);
    if (known?.root.isConnected && known.root.contains(body)) {
      found.push(known);
      continue;
    }
    const root = composeRoot(body);
    if (!root) {
      problems.push({ key: 'problemBodyWithoutSend' });
      continue;
    }
    const win = composeWindow(root, body, `outlook-${pageDraftId(String(nextDraft++))}`, readers);
    windows.set(body, win);
    found.push(win);
  }
  // A Send button with no body beside it means the body selectors no longer match.
  for (const send of doc.querySelectorAll(S.send[0].css)) {
    if (!found.some((win) => win.root.contains(send))) {
      problems.push({ key: 'problemSendWithoutBody' });
      break;
    }
  }
  return { windows: found, problems };
}

export const outlookHost: ComposeHost = {
  id: 'outlook',
  findComposeWindows,
  hasBlockingDialog: (doc) =>
    [...doc.querySelectorAll(anyOf(S.blockingDialog))].some((d) => isShown(d) && !d.closest('[aria-hidden="true"]')),
  contactNear,
  // Settings > Mail > Compose and reply > Undo send: up to 10 seconds (docs/hosts.md).
  undoSend: undoSendOffer({ control: S.undoSendCandidate, labels: UNDO_LABELS, longestMs: 10_000 }),
};
