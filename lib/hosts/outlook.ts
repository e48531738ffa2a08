/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com, the new
 * Outlook's /mail/ addresses and its pop-out compose windows): every Outlook selector lives here.
 *
 * Outlook's class names are hashed and change with each release, so nothing here uses a class.
 * Each element has a list of selectors, most stable first (form structure, roles, data-testid,
 * language-independent icon names), translated labels last; every entry carries the date it was
 * last checked against ../shared/HOSTS.md. Labels alone never decide anything: a German Outlook
 * ("Nachrichtentext", "Senden") is found by the same structural selectors as an English one.
 *
 * Nothing here writes to Outlook's DOM: windows are remembered in WeakMaps, never marked.
 */
import type { ContactRef } from '../messages';
import type { ComposeHost, ComposeWindow, HostProblem } from './types';

/** Hostnames of Outlook on the web, pop-out compose windows included. */
export const OUTLOOK_HOSTNAMES = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'] as const;

export const OUTLOOK_SELECTORS = {
  /** Markers that a page is Outlook even where the hostname says nothing (pop-outs, vanity domains). */
  page: [
    // 2026-11: Outlook's own assets are served from /owamail/ (HOSTS.md "is this Outlook?").
    'meta[content*="owamail"]',
    'link[href*="/owamail/"]',
    // 2026-11: Office CDN assets in the head.
    'head [href*="cdn.office.net"]',
  ],
  /** The editable message body. Read-only bodies (`[id^=UniqueMessageBody_]`) share its label: never them. */
  body: [
    // 2026-11: the compose editor is a multi-line contenteditable textbox; recipient wells are single-line.
    'div[contenteditable="true"][aria-multiline="true"]',
    // 2026-11: fallback if aria-multiline goes: the editor's host element id (editorParent_N).
    '[id^="editorParent"] [contenteditable="true"]',
    // 2026-11: last resort, translated labels (en, de): never the only way to find a body.
    '[contenteditable="true"][aria-label^="Message body"]',
    '[contenteditable="true"][aria-label^="Nachrichtentext"]',
  ],
  /** Read-only message bodies in the reading pane. */
  readOnlyBody: '[id^="UniqueMessageBody_"]',
  /** Known compose containers; the nearest ancestor holding the body and a Send control is the fallback. */
  composeContainer: [
    // 2026-11: docked/reading-pane compose form.
    '[id*="docking_InitVisiblePart"]',
    // 2026-11: pop-out compose window (its own browser window).
    '[data-app-section="Form_Content"]',
  ],
  /** Send controls. The split button's "more send options" arrow (aria-haspopup) is not a send. */
  send: [
    // 2026-11: test id on the Send button (new Outlook).
    '[data-testid="ComposeSendButton"]',
    // 2026-11: the Send icon's name is language-independent; matched through its button (see sendButtons()).
    '[data-icon-name="Send"]',
    // 2026-11: translated labels, last resort (en, de).
    'button[aria-label="Send"]',
    'button[title^="Send"]',
    'button[aria-label="Senden"]',
    'button[title^="Senden"]',
  ],
  /** Discard controls (the draft closes without sending). */
  discard: [
    // 2026-11: the compose toolbar's trash icon; language-independent.
    '[data-icon-name="Delete"]',
    // 2026-11: translated labels, last resort (en, de).
    'button[aria-label="Discard"]',
    'button[title^="Discard"]',
    'button[aria-label="Verwerfen"]',
    'button[title^="Verwerfen"]',
  ],
  /** The quoted history: this element and everything after it is not the rep's text. */
  quoteStart: [
    // 2026-11: the From/Sent/To/Subject block Outlook puts above quoted history.
    '#divRplyFwdMsg',
    // 2026-11: marker Outlook inserts between the new text (and signature) and the history.
    '#appendonsend',
    // 2026-11: new Outlook's wrapper around the message being replied to or forwarded.
    '[id^="mail-editor-reference-message-container"]',
  ],
  /** Signature blocks (left out of the own text; the rest of the body is kept). */
  signature: [
    // 2026-11: inserted signature (`Signature`, and `x_Signature`-style ids once quoted).
    '#Signature',
    '[id*="Signature"]',
  ],
  /** Subject field of a new message or pop-out (inline replies have none). */
  subject: [
    // 2026-11: Outlook's subject input; stable max length.
    'input[maxlength="255"]',
    // 2026-11: translated labels (en, de).
    'input[aria-label="Add a subject"]',
    'input[aria-label="Betreff hinzufügen"]',
    'input[placeholder*="ubject"]',
  ],
  /** Conversation around an inline reply. */
  conversation: [
    // 2026-11: the conversation in the reading pane.
    '[data-app-section="ConversationContainer"]',
    // 2026-11: fallback: the reading pane itself.
    '#ReadingPaneContainerId',
  ],
  /** One item per message in the conversation, collapsed ones included. */
  conversationItem: '[role="listitem"]',
  /** The conversation's subject heading (inline replies have no subject input). */
  conversationSubject: '[role="heading"]',
  /** A validation dialog that stops a send ("This message must have at least one recipient"). */
  blockingDialog: '[role="alertdialog"]',
  /** Recipient chips whose tooltip carries the address. */
  chipWithAddress: '[title*="@"]',
  /** Resolved recipient chips are non-editable islands inside the well. */
  chip: '[contenteditable="false"]',
} as const;

const BUTTON = 'button, [role="button"], [role="menuitem"]';
/** Our own UI (the nudge host) never counts as one of Outlook's controls. */
const OWN_UI = '[data-callfirst]';

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;
const NAME_AND_EMAIL = /^\s*"?([^"<]*?)"?\s*<\s*([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\s*>\s*$/;

// ---------------------------------------------------------------- page

/** True on an Outlook page: by hostname, or by Outlook's own asset markers (pop-outs included). */
export function isOutlookDocument(doc: Document): boolean {
  // A parsed document (DOMParser) has no location.
  const hostname = (doc.location as Location | null)?.hostname ?? '';
  if ((OUTLOOK_HOSTNAMES as readonly string[]).includes(hostname)) return true;
  return OUTLOOK_SELECTORS.page.some((selector) => doc.querySelector(selector) !== null);
}

// ---------------------------------------------------------------- elements

function isElement(target: EventTarget | null | undefined): target is Element {
  return !!target && typeof (target as Partial<Element>).closest === 'function';
}

function isEditableBody(el: Element): el is HTMLElement {
  if (el.closest(OUTLOOK_SELECTORS.readOnlyBody) || el.closest(OWN_UI)) return false;
  // A body the page shows read-only (contenteditable missing or false somewhere above) is never a draft.
  const html = el as HTMLElement;
  return html.isContentEditable || html.getAttribute('contenteditable') === 'true';
}

/** Every editable compose body in `scope`, outermost only, in document order. */
export function findBodies(scope: ParentNode): HTMLElement[] {
  const found = new Set<HTMLElement>();
  for (const selector of OUTLOOK_SELECTORS.body) {
    for (const el of scope.querySelectorAll(selector)) if (isEditableBody(el)) found.add(el);
  }
  const all = [...found];
  return all
    .filter((el) => !all.some((other) => other !== el && other.contains(el)))
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** The button (or button-like element) a control selector points at. */
function controlButton(el: Element): Element {
  return el.closest(BUTTON) ?? el;
}

function controls(scope: ParentNode, selectors: readonly string[]): Element[] {
  const found = new Set<Element>();
  for (const selector of selectors) {
    for (const el of scope.querySelectorAll(selector)) {
      const button = controlButton(el);
      if (button.closest(OWN_UI)) continue;
      // The split button's "More send options" arrow opens a menu; it never sends.
      if (button.getAttribute('aria-haspopup') && button.getAttribute('aria-haspopup') !== 'false') continue;
      found.add(button);
    }
  }
  return [...found];
}

/** Send controls in `scope`, most stable selector first. */
export function sendButtons(scope: ParentNode): Element[] {
  return controls(scope, OUTLOOK_SELECTORS.send);
}

export function discardButtons(scope: ParentNode): Element[] {
  return controls(scope, OUTLOOK_SELECTORS.discard);
}

function matchesControl(target: EventTarget | null, root: HTMLElement, list: (scope: ParentNode) => Element[]) {
  if (!isElement(target) || target.closest(OWN_UI) || !root.contains(target)) return false;
  return list(root).some((button) => button === target || button.contains(target));
}

/**
 * The element holding the whole compose window around `body`: a known container where it holds
 * exactly this body and a Send control, else the nearest ancestor holding both. Null when no
 * ancestor holds a Send control without also holding another draft.
 */
export function composeRoot(body: HTMLElement): HTMLElement | null {
  let nearest: HTMLElement | null = null;
  for (let el = body.parentElement; el; el = el.parentElement) {
    if (findBodies(el).length > 1) break;
    if (sendButtons(el).length > 0) {
      nearest = el;
      break;
    }
  }
  if (!nearest) return null;
  for (const selector of OUTLOOK_SELECTORS.composeContainer) {
    const known = nearest.closest<HTMLElement>(selector);
    if (known && findBodies(known).length === 1) return known;
  }
  return nearest;
}

// ---------------------------------------------------------------- text

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

function matchesAny(el: Element, selectors: readonly string[]): boolean {
  return selectors.some((selector) => el.matches(selector));
}

/**
 * The body's text with blocks and <br> as line breaks. `stopAt` ends the walk (that element and
 * everything after it is left out); `skip` leaves out one subtree.
 */
function blockText(root: Node, stopAt: (el: Element) => boolean, skip: (el: Element) => boolean): string {
  let out = '';
  let stopped = false;
  const newline = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child && !stopped; child = child.nextSibling) {
      if (child.nodeType === 3 /* TEXT_NODE */) {
        out += (child.nodeValue ?? '').replace(/\u00a0/g, ' ').replace(/[ \t\r\n]+/g, ' ');
        continue;
      }
      if (child.nodeType !== 1 /* ELEMENT_NODE */) continue;
      const el = child as Element;
      if (stopAt(el)) {
        stopped = true;
        return;
      }
      if (skip(el) || el.tagName === 'STYLE' || el.tagName === 'SCRIPT') continue;
      if (el.tagName === 'BR') {
        out += '\n';
        continue;
      }
      const block = BLOCK_TAGS.has(el.tagName);
      if (block) newline();
      walk(el);
      if (block) newline();
    }
  };
  walk(root);
  return out
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const isQuoteStart = (el: Element) => matchesAny(el, OUTLOOK_SELECTORS.quoteStart);
const isSignature = (el: Element) => matchesAny(el, OUTLOOK_SELECTORS.signature);

/** The first element in `body` (document order) where the quoted history begins, if any. */
function firstQuoteStart(body: HTMLElement): Element | null {
  return body.querySelector(OUTLOOK_SELECTORS.quoteStart.join(', '));
}

/** The rep's own words: the body up to the quoted history, signature left out. */
export function ownText(body: HTMLElement): string {
  return blockText(body, isQuoteStart, isSignature);
}

/** The quoted history of a reply or forward (for phone numbers in quoted signatures). */
function quotedText(body: HTMLElement): string {
  const start = firstQuoteStart(body);
  if (!start) return '';
  let out = '';
  let inQuote = false;
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!inQuote && (start.contains(node) || start.compareDocumentPosition(node) & 4)) inQuote = true;
    if (inQuote) out += `${node.nodeValue ?? ''}\n`;
  }
  return out;
}

/**
 * A range over the rep's own words: from the start of the body to the first signature or quoted
 * history element, so replacing it keeps both.
 */
export function ownTextRange(body: HTMLElement): Range {
  const range = body.ownerDocument.createRange();
  range.setStart(body, 0);
  range.setEnd(body, body.childNodes.length);
  const ends = [firstQuoteStart(body), body.querySelector(OUTLOOK_SELECTORS.signature.join(', '))].filter(
    (el): el is Element => el !== null,
  );
  const end = ends.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1))[0];
  // setEnd(parent, index) rather than setEndBefore: the same boundary, and it also works in happy-dom.
  if (end?.parentNode) range.setEnd(end.parentNode, [...end.parentNode.childNodes].indexOf(end));
  return range;
}

// ---------------------------------------------------------------- recipients

function contactFromText(text: string): ContactRef | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  const both = NAME_AND_EMAIL.exec(clean);
  if (both)
    return both[1] ? { name: both[1].trim(), address: both[2]!.toLowerCase() } : { address: both[2]!.toLowerCase() };
  const address = EMAIL.exec(clean)?.[0];
  if (address && address.length >= clean.length - 2) return { address: address.toLowerCase() };
  return { name: clean };
}

function contactFromChip(chip: Element): ContactRef | null {
  const titled = chip.matches(OUTLOOK_SELECTORS.chipWithAddress)
    ? chip
    : chip.querySelector(OUTLOOK_SELECTORS.chipWithAddress);
  const text = contactFromText(chip.textContent);
  if (titled) {
    const fromTitle = contactFromText(titled.getAttribute('title') ?? '');
    const address = fromTitle?.address;
    if (address) {
      const name = fromTitle.name ?? (text && !text.address ? text.name : undefined);
      return name ? { name, address } : { address };
    }
  }
  return text;
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

export function readRecipients(root: HTMLElement, body: HTMLElement): ContactRef[] {
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
    const chips = [...well.querySelectorAll(`${OUTLOOK_SELECTORS.chip}, ${OUTLOOK_SELECTORS.chipWithAddress}`)];
    // Outermost chips only: an island with a titled span inside is one recipient.
    const outer = chips.filter((chip) => !chips.some((other) => other !== chip && other.contains(chip)));
    for (const chip of outer) add(contactFromChip(chip));
    // An address still being typed lives only as loose text in the well.
    for (const node of well.childNodes) {
      if (node.nodeType !== 3) continue;
      const typed = EMAIL.exec(node.nodeValue ?? '')?.[0];
      if (typed) add({ address: typed.toLowerCase() });
    }
  }
  return contacts;
}

// ---------------------------------------------------------------- conversation

function conversationOf(root: HTMLElement): Element | null {
  for (const selector of OUTLOOK_SELECTORS.conversation) {
    const found = root.closest(selector);
    if (found) return found;
  }
  return null;
}

function conversationMessages(conversation: Element, root: HTMLElement): Element[] {
  const items = [...conversation.querySelectorAll(OUTLOOK_SELECTORS.conversationItem)].filter(
    (item) => !item.contains(root) && !root.contains(item),
  );
  const outer = items.filter((item) => !items.some((other) => other !== item && other.contains(item)));
  if (outer.length > 0) return outer;
  // Fallback: one read-only body per expanded message (collapsed ones are then missed).
  return [...conversation.querySelectorAll(OUTLOOK_SELECTORS.readOnlyBody)].filter((el) => !root.contains(el));
}

/** Messages in the conversation: the reading pane's items, or the quoted headers of a pop-out reply. */
export function readThreadSize(root: HTMLElement, body: HTMLElement): number {
  const conversation = conversationOf(root);
  const inPane = conversation ? conversationMessages(conversation, root).length : 0;
  // A pop-out reply shows no conversation: each quoted header block is one earlier message.
  const quoted = body.querySelectorAll('[id$="divRplyFwdMsg"]').length;
  return Math.max(inPane, quoted);
}

function readSubject(root: HTMLElement): string {
  for (const selector of OUTLOOK_SELECTORS.subject) {
    const input = root.querySelector<HTMLInputElement>(selector);
    if (input) return input.value.trim();
  }
  // Structural fallback: the compose form's only free-text input is the subject.
  const inputs = [...root.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type])')];
  const last = inputs[inputs.length - 1];
  if (last) return last.value.trim();
  // An inline reply has no subject field: the conversation's heading holds it.
  const heading = conversationOf(root)?.querySelector(OUTLOOK_SELECTORS.conversationSubject);
  return heading?.textContent.replace(/\s+/g, ' ').trim() ?? '';
}

const PHONE = /(?<![\d+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,6}(?:[\s.-]\d{2,6}){1,5}(?!\d)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Phone-number-shaped runs in `text` with 7 to 15 digits, dates left out. */
export function phoneNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(PHONE)) {
    const candidate = match[0].trim();
    const digits = candidate.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15 || ISO_DATE.test(candidate)) continue;
    found.push(candidate);
  }
  return found;
}

function readVisiblePhoneNumbers(root: HTMLElement, body: HTMLElement): string[] {
  const texts: string[] = [];
  const conversation = conversationOf(root);
  if (conversation) {
    for (const message of conversation.querySelectorAll(OUTLOOK_SELECTORS.readOnlyBody)) {
      if (!root.contains(message)) texts.push(message.textContent);
    }
    for (const link of conversation.querySelectorAll('a[href^="tel:"]')) {
      if (!root.contains(link)) texts.push(decodeURIComponent(link.getAttribute('href')!.slice(4)));
    }
  }
  texts.push(quotedText(body));
  const numbers = new Set<string>();
  for (const text of texts) for (const number of phoneNumbersIn(text)) numbers.add(number);
  return [...numbers];
}

// ---------------------------------------------------------------- windows

let nextDraft = 1;
/** One ComposeWindow per body element while it stays in the same compose root. */
const windows = new WeakMap<HTMLElement, ComposeWindow>();

function nudgeAnchor(root: HTMLElement): Element | null {
  // The row holding Send (Outlook puts Send at the top of the compose form): the nudge goes below it.
  const send = sendButtons(root)[0];
  if (!send) return null;
  let row: Element = send;
  while (row.parentElement && row.parentElement !== root) row = row.parentElement;
  return row.parentElement === root ? row : null;
}

function createWindow(root: HTMLElement, body: HTMLElement): ComposeWindow {
  const draftId = `outlook-draft-${nextDraft++}`;
  return {
    root,
    body,
    draftId,
    readOwnText: () => ownText(body),
    readSubject: () => readSubject(root),
    readRecipients: () => readRecipients(root, body),
    readThreadSize: () => readThreadSize(root, body),
    readVisiblePhoneNumbers: () => readVisiblePhoneNumbers(root, body),
    ownTextRange: () => (body.isConnected ? ownTextRange(body) : null),
    nudgeAnchor: () => nudgeAnchor(root),
    isSendControl: (target) => matchesControl(target, root, sendButtons),
    isDiscardControl: (target) => matchesControl(target, root, discardButtons),
  };
}

function findComposeWindows(doc: Document): { windows: ComposeWindow[]; problems: HostProblem[] } {
  const found: ComposeWindow[] = [];
  const problems: HostProblem[] = [];
  if (!isOutlookDocument(doc)) return { windows: found, problems };
  const bodies = findBodies(doc);
  for (const body of bodies) {
    const known = windows.get(body);
    if (known?.root.isConnected && known.root.contains(body)) {
      found.push(known);
      continue;
    }
    const root = composeRoot(body);
    if (!root) {
      problems.push({ message: 'Outlook: a message body without a Send button; that draft is left alone' });
      continue;
    }
    const win = createWindow(root, body);
    windows.set(body, win);
    found.push(win);
  }
  // A Send button with no body beside it means the body selectors no longer match.
  for (const send of doc.querySelectorAll(OUTLOOK_SELECTORS.send[0])) {
    if (!found.some((win) => win.root.contains(send))) {
      problems.push({
        message: 'Outlook: a Send button without a message body; the body selectors may be out of date',
      });
      break;
    }
  }
  return { windows: found, problems };
}

function isShown(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"]')) return false;
  const view = el.ownerDocument.defaultView;
  if (view && typeof view.getComputedStyle === 'function') {
    const style = view.getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
  }
  return true;
}

export const outlookHost: ComposeHost = {
  id: 'outlook',
  findComposeWindows,
  hasBlockingDialog: (doc) => [...doc.querySelectorAll(OUTLOOK_SELECTORS.blockingDialog)].some(isShown),
};
