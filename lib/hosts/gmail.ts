/**
 * Everything CallFirst knows about Gmail's page (mail.google.com). Gmail's class names are
 * obfuscated and change; form names, roles and data attributes last. Each element has a list of
 * fallbacks, newest or most stable first, each with a dated note saying where it comes from
 * (see docs/hosts.md). Nothing here is keyed on English labels alone: labels and tooltips are
 * translated into the user's language.
 */
import type { ContactRef } from '../messages';
import {
  anyOf,
  closestOf,
  findPhoneNumbers,
  type Fallback,
  fieldValue,
  isShown,
  OWN_UI,
  ownRangeBefore,
  parseAddress,
  preferShownFilled,
  queryAllInOrder,
  queryAllUnion,
  queryFirst,
  readBlocksText,
  TEL_LINKS,
  telNumberOf,
} from './dom';
import type { ComposeHost, ComposeWindow, HostProblem, NudgePlacement, SiteReaders } from './types';
import { undoSendOffer } from './undo-send';
import { composeWindow, pageDraftId } from './window';

export const GMAIL_SELECTORS = {
  /** The editable message body. */
  body: [
    { css: '[g_editable="true"]', note: '2012+: Gmail editor marker attribute (gmail.js, InboxSDK)' },
    {
      css: 'div[contenteditable="true"][role="textbox"][aria-multiline="true"]',
      note: '2019: role-based fallback should g_editable go (Briskine)',
    },
  ],
  /** The element holding one whole compose window, found from its body. */
  composeRoot: [
    { css: 'div.M9', note: '2016: compose container, pop-up and inline alike (gmail.js, Briskine)' },
    { css: '.aaZ', note: '2018: parent of .M9 (FlowCrypt)' },
  ],
  /** Hidden compose ids: stable form names. */
  composeId: [{ css: 'input[name="composeid"]', note: '2012+: hidden form field, one per compose window' }],
  subject: [
    { css: 'input[name="subjectbox"]', note: '2012+: visible subject field' },
    { css: 'input[name="subject"]', note: '2012+: hidden subject field, the only one filled in inline replies' },
  ],
  /** Quoted history inside the body: not the rep's words. */
  quote: [
    { css: '.gmail_quote', note: '2012+: div.gmail_quote and blockquote.gmail_quote around quoted history' },
    { css: '.gmail_extra', note: '2014: older wrapper of quoted history in replies' },
    { css: 'blockquote[type="cite"]', note: '2015: quotes pasted from other clients' },
  ],
  /** The rep's own signature inside the body: not the rep's words. */
  signature: [
    { css: '.gmail_signature', note: '2013+: signature block' },
    { css: '[data-smartmail="gmail_signature"]', note: '2017: signature marker attribute' },
  ],
  /** The "…" toggle that hides trimmed quoted history. */
  trimmedToggle: [{ css: '.ajR', note: '2013+: "show trimmed content" button' }],
  /**
   * Send controls. The send cell of the toolbar holds Send, Send & Archive (.Uo) and the "More send
   * options" arrow (aria-haspopup / .hG), which is not a send.
   */
  send: [
    {
      css: '.IZ .Up div > div[role="button"]:not([aria-haspopup="true"]):not(.hG)',
      note: '2016: send cell of the toolbar (InboxSDK); includes Send & Archive (.Uo)',
    },
    {
      css: 'td.Up [role="button"]:not([aria-haspopup="true"]):not(.hG)',
      note: '2020: send cell td.gU.Up without the .IZ wrapper',
    },
    {
      css: '[role="button"].T-I-atl:not([aria-haspopup="true"]):not(.hG)',
      note: '2018: primary-button class shared by Send and the arrow, arrow excluded',
    },
  ],
  sendMenuArrow: [
    { css: '.Up [role="button"][aria-haspopup="true"]', note: '2019: "More send options" arrow' },
    { css: '.Up .hG', note: '2019: arrow class' },
  ],
  /** Items of the "More send options" menu that send (the menu lives outside the compose window). */
  scheduledSend: [{ css: '[selector="scheduledSend"]', note: '2019: schedule send menu item' }],
  discard: [
    { css: '.gU .oh', note: '2016: discard draft button (Briskine)' },
    { css: '[role="button"].oh', note: '2020: discard button outside a .gU cell' },
  ],
  /** Close (save & close) lives in the title bar of the pop-up, outside the compose root. */
  close: [
    { css: '.Hm .Ha', note: '2016: title-bar close; an <img> until July 2026, a <button> since' },
    { css: '.Hm button:last-child', note: '2026-07: title-bar buttons became <button>s' },
  ],
  /** The dialog frame around a pop-up / full-screen compose (holds the close button). */
  dialog: [{ css: '[role="dialog"]', note: '2016: pop-up compose frame (only used with a body inside)' }],
  toolbarRow: [
    { css: 'tr.btC', note: '2016: bottom toolbar row (send cell td.gU.Up, formatting td.oc)' },
    { css: '[role="group"].IZ', note: '2020: toolbar table' },
  ],
  /** Recipient fields by form name; chips (since 2021-10) and the older hidden inputs coexist. */
  recipientFields: ['to', 'cc', 'bcc'] as const,
  /** A blocking validation dialog ("Please specify at least one recipient", "invalid address"). */
  blockingDialog: [
    { css: '[role="alertdialog"]', note: '2016: validation and error dialogs' },
    { css: '.Kj-JD[role="dialog"]', note: '2014: older Gmail modal (class-based)' },
  ],
  /** The Undo link of the "Message sent" toast (its text is translated, its id is not). */
  undoSend: [
    { css: '#link_undo', note: '2015+: Undo link in the toast shown after Send (userscripts, docs/hosts.md)' },
  ],
  /** Conversation view and its messages (for thread size and visible phone numbers). */
  conversation: [
    { css: '[role="main"]', note: '2012+: main pane; also the container of a pop-out window (body.xE.xp)' },
  ],
  message: [
    { css: '[data-message-id]', note: '2016: one element per message, collapsed ones included' },
    { css: '[data-legacy-message-id]', note: '2018: legacy id next to data-message-id' },
  ],
  /** The collapsed "N more" bubble of a long thread; the count sits in `.adx span`. */
  collapsedCount: [
    { css: '.adv .adx span', note: '2016: "N more" bubble count' },
    { css: '.adv [aria-label] span', note: '2020: bubble count without .adx' },
  ],
  /** Sender of a message in a conversation. */
  sender: [{ css: 'span[email]', note: '2012+: sender chip with an email attribute (.gD)' }],
} as const satisfies Record<string, readonly Fallback[] | readonly string[]>;

const S = GMAIL_SELECTORS;
const EXCLUDED = anyOf([...S.quote, ...S.signature, ...S.trimmedToggle]);

// ---------------------------------------------------------------- elements

/** Every compose body in `doc`, outermost only. */
function findBodies(doc: Document): HTMLElement[] {
  return queryAllUnion(doc, S.body).filter((b) => !b.parentElement?.closest(anyOf(S.body)));
}

/** The element holding the whole compose window around `body`. */
function composeRoot(body: HTMLElement): HTMLElement | null {
  const byClass = closestOf(body, S.composeRoot);
  if (byClass?.querySelector(anyOf(S.composeId))) return byClass;
  // Structural fallback (2023, after inline-reply breakages elsewhere): the nearest ancestor holding a compose id.
  for (let el = body.parentElement; el && el !== body.ownerDocument.body; el = el.parentElement) {
    if (el.querySelector(anyOf(S.composeId))) return el;
  }
  return byClass;
}

// ---------------------------------------------------------------- text

function readOwnText(body: HTMLElement): string {
  const text = readBlocksText(body, (el) => el.matches(EXCLUDED) || el.matches(OWN_UI));
  // The "-- " line Gmail puts above the signature block is not the rep's words either.
  return text.replace(/(?:\n\s*--\s*)+$/, '').trimEnd();
}

function ownTextRange(body: HTMLElement): Range {
  return ownRangeBefore(body, body.querySelector(EXCLUDED));
}

function readSubject(root: HTMLElement): string {
  return fieldValue(queryAllInOrder<HTMLInputElement>(root, S.subject));
}

// ---------------------------------------------------------------- recipients

function readRecipients(root: HTMLElement): ContactRef[] {
  const seen = new Set<string>();
  const out: ContactRef[] = [];
  const add = (ref: ContactRef) => {
    const id = ref.address ?? ref.name?.toLowerCase();
    if (!id || seen.has(id)) return;
    seen.add(id);
    out.push(ref);
  };
  for (const field of S.recipientFields) {
    // 2021-10: chips carry the address in data-hovercard-id and the name in data-name.
    for (const chip of root.querySelectorAll<HTMLElement>(`[name="${field}"] [role="option"][data-hovercard-id]`)) {
      const address = chip.dataset.hovercardId?.trim().toLowerCase();
      const name = chip.dataset.name?.trim();
      if (address) add(name && name !== address ? { address, name } : { address });
    }
    // 2013–2021: each chip (.vR) holds a hidden input whose value is "Name <email>"; still seen on some accounts.
    for (const input of root.querySelectorAll<HTMLInputElement>(`input[type="hidden"][name="${field}"]`)) {
      const ref = parseAddress(input.value);
      if (ref.address || ref.name) add(ref);
    }
    // An address still being typed lives only in the input (textarea.vO in the old UI, an input in the new).
    for (const box of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      `textarea[name="${field}"], [name="${field}"] input:not([type="hidden"])`,
    )) {
      for (const part of box.value.split(/[,;]/)) {
        const ref = parseAddress(part);
        if (ref.address) add(ref);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- conversation

function conversationOf(root: HTMLElement): HTMLElement | null {
  return closestOf(root, S.conversation);
}

function readThreadSize(root: HTMLElement): number {
  const conversation = conversationOf(root);
  if (!conversation) return 0;
  const ids = new Set<string>();
  for (const el of queryAllUnion(conversation, S.message)) {
    if (root.contains(el)) continue;
    ids.add(el.getAttribute('data-message-id') ?? el.getAttribute('data-legacy-message-id') ?? '');
  }
  let collapsed = 0;
  const bubble = queryFirst(conversation, S.collapsedCount);
  if (bubble) {
    const n = Number.parseInt(bubble.textContent.replace(/\D+/g, ''), 10);
    if (Number.isFinite(n)) collapsed = n;
  }
  return ids.size + collapsed;
}

/** Phone numbers in the quoted history and the other messages of the conversation (not the rep's signature). */
function readVisiblePhoneNumbers(root: HTMLElement, body: HTMLElement): string[] {
  const texts: string[] = [];
  const hrefs: string[] = [];
  const scopes: Element[] = [...body.querySelectorAll(anyOf(S.quote))];
  const conversation = conversationOf(root);
  if (conversation) scopes.push(...queryAllUnion(conversation, S.message).filter((m) => !root.contains(m)));
  for (const scope of scopes) {
    texts.push(readBlocksText(scope, (el) => el.matches(OWN_UI)));
    for (const link of scope.querySelectorAll(TEL_LINKS)) hrefs.push(telNumberOf(link));
  }
  // The number as the page writes it first; a tel: link's bare digits only when the text lacks it.
  const byDigits = new Map<string, string>();
  for (const n of [...findPhoneNumbers(texts.join('\n')), ...hrefs]) {
    const digits = n.replace(/\D/g, '');
    if (digits && !byDigits.has(digits)) byDigits.set(digits, n);
  }
  return [...byDigits.values()];
}

/** The sender of the conversation message holding `el` (e.g. a clicked `tel:` link). */
function contactNear(el: Element): ContactRef | null {
  const message = closestOf(el, S.message);
  const sender = message ? queryFirst(message, S.sender) : null;
  const address = sender?.getAttribute('email')?.trim().toLowerCase();
  if (!address) return null;
  const name = sender?.getAttribute('name')?.trim() || sender?.textContent.trim();
  return name ? { address, name } : { address };
}

// ---------------------------------------------------------------- controls

/**
 * The compose root whose "More send options" arrow was pressed last: its menu (with "Schedule send")
 * is appended to the page, outside every compose window, so a pick in it is credited to that window.
 */
let sendMenuOwner: WeakRef<HTMLElement> | null = null;

function isSendControl(target: Element, root: HTMLElement): boolean {
  if (root.contains(target)) {
    if (closestOf(target, S.sendMenuArrow)) {
      sendMenuOwner = new WeakRef(root);
      return false;
    }
    const control = closestOf(target, S.send);
    return !!control && root.contains(control);
  }
  return !!closestOf(target, S.scheduledSend) && sendMenuOwner?.deref() === root;
}

function isDiscardControl(target: Element, root: HTMLElement): boolean {
  if (root.contains(target) && closestOf(target, S.discard)) return true;
  // Close (save & close) sits in the pop-up's title bar, outside the compose root.
  const frame = closestOf(root, S.dialog);
  return !!frame && frame.contains(target) && !!closestOf(target, S.close);
}

/** Just above the compose toolbar, outside the body. */
function nudgeAnchor(root: HTMLElement, body: HTMLElement): NudgePlacement | null {
  const row = queryFirst(root, S.toolbarRow);
  const table = row?.closest('table') ?? row;
  if (table && !body.contains(table)) return { element: table, position: 'before' };
  // 2024: should the toolbar move, sit right after the editable's own container, still outside the body.
  return body.parentElement ? { element: body, position: 'after' } : null;
}

// ---------------------------------------------------------------- windows

/**
 * Gmail's editor takes Tab only in a list, where it indents the item; elsewhere Tab leaves the body for
 * the next control (Send). Seen in Gmail's compose window, 2026-12.
 */
function tabLeavesBody(caret: Node, body: HTMLElement): boolean {
  const at = caret instanceof Element ? caret : caret.parentElement;
  const item = at?.closest('li');
  return !item || !body.contains(item);
}

const readers: SiteReaders = {
  readOwnText,
  ownTextRange,
  readSubject,
  readRecipients,
  readThreadSize,
  readVisiblePhoneNumbers,
  nudgeAnchor,
  tabLeavesBody,
  isSendControl,
  isDiscardControl,
};

/** One ComposeWindow per compose root while it keeps the same body. */
const windows = new WeakMap<HTMLElement, ComposeWindow>();

function findComposeWindows(doc: Document): { windows: ComposeWindow[]; problems: HostProblem[] } {
  const found: ComposeWindow[] = [];
  const problems: HostProblem[] = [];
  const bodiesByRoot = new Map<HTMLElement, HTMLElement[]>();
  for (const body of findBodies(doc)) {
    const root = composeRoot(body);
    if (root) bodiesByRoot.set(root, [...(bodiesByRoot.get(root) ?? []), body]);
    else problems.push({ key: 'problemBodyWithoutWindow' });
  }
  for (const [root, bodies] of bodiesByRoot) {
    // One body per window: the one the rep sees, should the page hold a hidden copy.
    const body = preferShownFilled(bodies)!;
    const known = windows.get(root);
    if (known?.body === body) {
      found.push(known);
      continue;
    }
    if (queryAllUnion(root, S.send).length === 0) {
      problems.push({ key: 'problemNoSendButton' });
      continue;
    }
    const composeId = root.querySelector<HTMLInputElement>(anyOf(S.composeId))?.value || undefined;
    const win = composeWindow(root, body, pageDraftId(composeId), readers);
    windows.set(root, win);
    found.push(win);
  }
  return { windows: found, problems };
}

export const gmailHost: ComposeHost = {
  id: 'gmail',
  findComposeWindows,
  hasBlockingDialog: (doc) => queryAllUnion(doc, S.blockingDialog).some(isShown),
  contactNear,
  // Settings > General > Undo Send: 5, 10, 20 or 30 seconds (docs/hosts.md).
  undoSend: undoSendOffer({ control: S.undoSend, longestMs: 30_000 }),
};
