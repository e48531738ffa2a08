/**
 * What the coach needs from a mail site. Each site implements it in one module
 * (lib/hosts/gmail.ts, lib/hosts/outlook.ts) that alone knows that site's selectors;
 * lib/coach and components/ know none.
 */
import type { ContactRef } from '../messages';
import type { SiteId } from '../settings/schema';

/** One open compose window (new message, inline reply/forward, pop-out). */
export interface ComposeWindow {
  /** The element that holds the whole compose window; it leaves the DOM when the window closes or sends. */
  readonly root: HTMLElement;
  /** The contenteditable the rep types into. */
  readonly body: HTMLElement;
  /** A stable id for this draft while it is open (the site's compose/draft id where it has one). */
  readonly draftId: string;
  /**
   * The rep's own words: the body's text with quoted history and signature left out at DOM level.
   * Line breaks follow the visual blocks (div/p/br), so the analysis sees paragraphs.
   */
  readOwnText(): string;
  readSubject(): string;
  readRecipients(): ContactRef[];
  /** Messages in the conversation this draft belongs to, collapsed ones included; 0 for a new message. */
  readThreadSize(): number;
  /** Phone numbers visible in the conversation (e.g. signatures in quoted history). */
  readVisiblePhoneNumbers(): string[];
  /** A range that covers exactly the rep's own words, for the editor-path rewrite. */
  ownTextRange(): Range | null;
  /** Where the nudge goes: it is inserted as a sibling right after this element. */
  nudgeAnchor(): Element | null;
  /** True when the event target is one of this window's send controls (Send, Send & Archive, schedule send). */
  isSendControl(target: EventTarget | null): boolean;
  /** True when the event target discards or closes the draft without sending. */
  isDiscardControl(target: EventTarget | null): boolean;
}

/** A problem worth showing on the options page ("Gmail: no body found in a compose window"). */
export interface HostProblem {
  message: string;
}

export interface ComposeHost {
  readonly id: SiteId;
  /** Every compose window currently in `doc`, with those the site's page shape makes unreadable reported. */
  findComposeWindows(doc: Document): { windows: ComposeWindow[]; problems: HostProblem[] };
  /** True when a validation dialog (e.g. invalid address) stopped a send. */
  hasBlockingDialog(doc: Document): boolean;
}
