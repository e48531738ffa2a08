/**
 * What the coach needs from a mail site. Each site implements it in one module
 * (lib/hosts/gmail.ts, lib/hosts/outlook.ts) that alone knows that site's selectors;
 * lib/coach and components/ know none. A site plugs in with `startCoach(ctx, host)` from
 * lib/coach (see entrypoints/gmail.content.ts).
 *
 * Rules for implementations: never throw for a page that looks different (return null/empty and
 * report a HostProblem instead), never change the page, and read nothing outside the mail page.
 */
import type { Problem } from '../diagnostics';
import type { ContactRef } from '../messages';
import type { SiteId } from '../settings/schema';

/** Where the nudge's host element goes, relative to an element of the compose window (never inside the body). */
export interface NudgePlacement {
  element: Element;
  position: 'before' | 'after';
}

/** One open compose window (new message, inline reply/forward, pop-out, full screen). */
export interface ComposeWindow {
  /** The element that holds the whole compose window; it leaves the DOM when the window closes or sends. */
  readonly root: HTMLElement;
  /** The contenteditable the rep types into. */
  readonly body: HTMLElement;
  /**
   * A stable id for this draft while it is open (the site's compose/draft id where it has one).
   * The coach derives idempotency keys from it, so it must not change while the window is open.
   */
  readonly draftId: string;
  /**
   * The rep's own words: the body's text with quoted history and signature left out at DOM level.
   * Line breaks follow the visual blocks (div/p/br), so the analysis sees paragraphs.
   */
  readOwnText(): string;
  readSubject(): string;
  /** To first, then Cc and Bcc; an address still being typed counts when it is a whole address. */
  readRecipients(): ContactRef[];
  /** Messages already in the conversation this draft answers, collapsed ones included; 0 for a new message. */
  readThreadSize(): number;
  /** Phone numbers visible in the conversation (e.g. signatures in quoted history or earlier messages). */
  readVisiblePhoneNumbers(): string[];
  /** A range that covers exactly the rep's own words (quoted history and signature outside it). */
  ownTextRange(): Range | null;
  /**
   * Where the nudge goes, beside the compose toolbar and never inside the body: an element (the nudge
   * is inserted as its next sibling) or an explicit placement; null leaves the window without a nudge.
   */
  nudgeAnchor(): Element | NudgePlacement | null;
  /**
   * True when Tab pressed at the caret now would take focus out of the body: the site's editor has no
   * use for it there (it indents lists, or inserts a tab). Only then may the nudge's chip take that Tab.
   */
  tabLeavesBody(): boolean;
  /** True when the event target is one of this window's send controls (Send, Send & Archive, schedule send). */
  isSendControl(target: EventTarget | null): boolean;
  /** True when the event target discards or closes the draft without sending. */
  isDiscardControl(target: EventTarget | null): boolean;
}

/** A problem worth showing on the options page ("Gmail: no Send button found in a compose window"). */
export type HostProblem = Problem;

export interface ComposeHost {
  readonly id: SiteId;
  /**
   * Every compose window currently in `doc`. A window whose parts cannot be found is left out and
   * reported as a problem, so the coach leaves it alone. Called often (after DOM changes): keep it
   * to a few querySelectorAll calls, and return the same `ComposeWindow` object for the same root
   * when you can (the coach keys its state on `root`, so a new object for the same root is fine too).
   */
  findComposeWindows(doc: Document): { windows: ComposeWindow[]; problems: HostProblem[] };
  /** True when a validation dialog (e.g. invalid address) is stopping a send. */
  hasBlockingDialog(doc: Document): boolean;
  /**
   * The narrowest node whose subtree changes when compose windows open or close (default: doc.body).
   * The coach observes its child list there.
   */
  watchRoot?(doc: Document): Node;
  /** The person a page element (e.g. a clicked `tel:` link in a message) belongs to, when the page shows it. */
  contactNear?(el: Element): ContactRef | null;
  /** The site's Undo Send, where it has one: a sent message stays undoable for a while. */
  readonly undoSend?: UndoSendOffer;
}

/**
 * Undo Send: after Send the site shows an offer ("Message sent · Undo") for a few seconds; Undo brings
 * the draft back. A send only counts once the offer has gone without an Undo.
 */
export interface UndoSendOffer {
  /** The longest the site's settings can keep a message undoable. */
  readonly longestMs: number;
  /** True while the offer is on screen. */
  isOffered(doc: Document): boolean;
  /** True when the event target is the offer's Undo control. */
  isUndoControl(target: EventTarget | null): boolean;
}

/**
 * What a site module knows about one compose window, given its root and body: the readers and the
 * send/discard recognisers. lib/hosts/window.ts turns it into a ComposeWindow, so every site's windows
 * behave alike (our own UI is never a control; no range once the body has gone).
 */
export interface SiteReaders {
  readOwnText: (body: HTMLElement) => string;
  ownTextRange: (body: HTMLElement) => Range;
  readSubject: (root: HTMLElement) => string;
  readRecipients: (root: HTMLElement, body: HTMLElement) => ContactRef[];
  readThreadSize: (root: HTMLElement, body: HTMLElement) => number;
  readVisiblePhoneNumbers: (root: HTMLElement, body: HTMLElement) => string[];
  nudgeAnchor: (root: HTMLElement, body: HTMLElement) => Element | NudgePlacement | null;
  /** See ComposeWindow.tabLeavesBody: `caret` is the selection's start node, inside `body`. */
  tabLeavesBody: (caret: Node, body: HTMLElement) => boolean;
  /** `target` is never part of our own UI here. */
  isSendControl: (target: Element, root: HTMLElement) => boolean;
  isDiscardControl: (target: Element, root: HTMLElement) => boolean;
}
