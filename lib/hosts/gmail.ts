/**
 * Everything CallFirst knows about Gmail's page (mail.google.com). Gmail's class names are
 * obfuscated and change; form names, roles and data attributes last. Each element has a list of
 * fallbacks, newest or most stable first, each with a dated note saying where it comes from
 * (see docs/hosts.md). Nothing here is keyed on English labels alone: labels and tooltips are
 * translated into the user's language.
 */
import type { ContactRef } from '../messages';
import {
  closestOf,
  findPhoneNumbers,
  type Fallback,
  ownRangeBefore,
  parseAddress,
  queryAllUnion,
  queryFirst,
  readBlocksText,
} from './dom';
import type { ComposeHost, ComposeWindow, HostProblem, NudgePlacement } from './types';

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
const css = (list: readonly Fallback[]) => list.map((f) => f.css).join(', ');
const EXCLUDED = css([...S.quote, ...S.signature, ...S.trimmedToggle]);
const CALLFIRST = '[data-callfirst]';

/** Distinguishes this page's compose ids from another page load's ("1", "2"… repeat on every load). */
const PAGE_SESSION = Math.random().toString(36).slice(2, 10);

function isElement(target: EventTarget | null): target is Element {
  return !!target && typeof (target as Element).closest === 'function';
}

function recipientsIn(root: HTMLElement): ContactRef[] {
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

function findConversation(root: HTMLElement): HTMLElement | null {
  return closestOf(root, S.conversation);
}

function threadSizeOf(root: HTMLElement): number {
  const conversation = findConversation(root);
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

function phoneNumbersOf(root: HTMLElement, body: HTMLElement): string[] {
  const texts: string[] = [];
  const hrefs: string[] = [];
  const scopes: Element[] = [...body.querySelectorAll(css(S.quote))];
  const conversation = findConversation(root);
  if (conversation) scopes.push(...queryAllUnion(conversation, S.message).filter((m) => !root.contains(m)));
  for (const scope of scopes) {
    texts.push(readBlocksText(scope, (el) => el.matches(CALLFIRST)));
    for (const a of scope.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"], a[href^="callto:"]')) {
      hrefs.push(decodeURIComponent(a.getAttribute('href')!.replace(/^(tel|callto):/, '')));
    }
  }
  // The number as the page writes it first; a tel: link's bare digits only when the text lacks it.
  const byDigits = new Map<string, string>();
  for (const n of [...findPhoneNumbers(texts.join('\n')), ...hrefs]) {
    const digits = n.replace(/\D/g, '');
    if (digits && !byDigits.has(digits)) byDigits.set(digits, n);
  }
  return [...byDigits.values()];
}

let sendMenuOwner: WeakRef<HTMLElement> | null = null;

class GmailComposeWindow implements ComposeWindow {
  readonly draftId: string;

  constructor(
    readonly root: HTMLElement,
    readonly body: HTMLElement,
    composeId: string | undefined,
  ) {
    this.draftId = `${PAGE_SESSION}-${composeId ?? Math.random().toString(36).slice(2, 10)}`;
  }

  readOwnText(): string {
    const text = readBlocksText(this.body, (el) => el.matches(EXCLUDED) || el.matches(CALLFIRST));
    // The "-- " line Gmail puts above the signature block is not the rep's words either.
    return text.replace(/(?:\n\s*--\s*)+$/, '').trimEnd();
  }

  readSubject(): string {
    for (const { css: sel } of S.subject) {
      const value = this.root.querySelector<HTMLInputElement>(sel)?.value.trim();
      if (value) return value;
    }
    return '';
  }

  readRecipients(): ContactRef[] {
    return recipientsIn(this.root);
  }

  readThreadSize(): number {
    return threadSizeOf(this.root);
  }

  readVisiblePhoneNumbers(): string[] {
    return phoneNumbersOf(this.root, this.body);
  }

  ownTextRange(): Range | null {
    if (!this.body.isConnected) return null;
    return ownRangeBefore(this.body, this.body.querySelector(EXCLUDED));
  }

  nudgeAnchor(): NudgePlacement | null {
    const row = queryFirst(this.root, S.toolbarRow);
    const table = row?.closest('table') ?? row;
    if (table && !this.body.contains(table)) return { element: table, position: 'before' };
    // 2024: should the toolbar move, sit right after the editable's own container, still outside the body.
    return this.body.parentElement ? { element: this.body, position: 'after' } : null;
  }

  isSendControl(target: EventTarget | null): boolean {
    if (!isElement(target)) return false;
    if (target.closest(CALLFIRST)) return false;
    if (this.root.contains(target)) {
      if (closestOf(target, S.sendMenuArrow)) {
        sendMenuOwner = new WeakRef(this.root);
        return false;
      }
      const control = closestOf(target, S.send);
      return !!control && this.root.contains(control);
    }
    // The "More send options" menu is appended to the page, not the window: credit the window whose arrow opened it.
    if (closestOf(target, S.scheduledSend)) return sendMenuOwner?.deref() === this.root;
    return false;
  }

  isDiscardControl(target: EventTarget | null): boolean {
    if (!isElement(target)) return false;
    if (this.root.contains(target) && closestOf(target, S.discard)) return true;
    const frame = closestOf(this.root, S.dialog);
    return !!frame && frame.contains(target) && !!closestOf(target, S.close);
  }
}

const cache = new WeakMap<HTMLElement, GmailComposeWindow>();

function rootOf(body: HTMLElement): HTMLElement | null {
  const byClass = closestOf(body, S.composeRoot);
  if (byClass?.querySelector(css(S.composeId))) return byClass;
  // Structural fallback (2023, after inline-reply breakages elsewhere): the nearest ancestor holding a compose id.
  for (let el = body.parentElement; el && el !== body.ownerDocument.body; el = el.parentElement) {
    if (el.querySelector(css(S.composeId))) return el;
  }
  return byClass;
}

export const gmailHost: ComposeHost = {
  id: 'gmail',

  findComposeWindows(doc) {
    const windows: ComposeWindow[] = [];
    const problems: HostProblem[] = [];
    const bodies = queryAllUnion(doc, S.body).filter((b) => !b.parentElement?.closest(css(S.body)));
    const roots = new Set<HTMLElement>();
    for (const body of bodies) {
      const root = rootOf(body);
      if (!root) {
        problems.push({ message: 'a message body without a compose window around it' });
        continue;
      }
      if (roots.has(root)) continue;
      roots.add(root);
      const cached = cache.get(root);
      if (cached?.body === body) {
        windows.push(cached);
        continue;
      }
      const hasSend = queryAllUnion(root, S.send).length > 0;
      if (!hasSend) {
        problems.push({ message: 'no Send button found in a compose window' });
        continue;
      }
      const composeId = root.querySelector<HTMLInputElement>(css(S.composeId))?.value || undefined;
      const win = new GmailComposeWindow(root, body, composeId);
      cache.set(root, win);
      windows.push(win);
    }
    return { windows, problems };
  },

  hasBlockingDialog(doc) {
    return queryAllUnion(doc, S.blockingDialog).some(
      (d) => d.isConnected && !d.hidden && d.getClientRects().length > 0,
    );
  },

  watchRoot(doc) {
    return doc.body;
  },

  contactNear(el) {
    const message = closestOf(el, S.message);
    const sender = message ? queryFirst(message, S.sender) : null;
    const address = sender?.getAttribute('email')?.trim().toLowerCase();
    if (!address) return null;
    const name = sender?.getAttribute('name')?.trim() || sender?.textContent.trim();
    return name ? { address, name } : { address };
  },
};
