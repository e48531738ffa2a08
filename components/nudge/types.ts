import type { AnalysisWording } from '../../lib/analysis';
import type { CallNotes } from '../../lib/messages';
import type { RuleId } from '../../lib/settings/schema';

/**
 * What the nudge shows. Built by lib/coach from the analysis; knows no mail site. With no findings it
 * shows only the Undo offer (an action changed the draft and the new draft needs no nudge).
 */
export interface NudgeModel {
  level: 'suggest' | 'strong';
  /** Each reason's sentence as the analysis keyed it: worded by the card, in the UI locale. */
  findings: { rule: RuleId; message: AnalysisWording }[];
  opener: string;
  /** True when the opener is the purpose of the next contact the rep noted at the last call. */
  openerFromLastCall?: boolean;
  /** "Last call: 41 days ago · 6 emails since", when the setting allows and the ledger knows the contact. */
  historyLine?: string;
  /** The last call's notes in one line: "Last call 12 days ago · Discussed: … · Proposed: …". */
  lastCallLine?: string;
  /** After an action changed the draft, until the rep edits it again: what changed, with Undo. */
  undo?: { action: UndoableAction };
  /** A phone number visible in the conversation, for "Call now". */
  phone?: { display: string; href: string };
  /** True when the draft holds a check-in sentence the opener can replace. */
  canUseOpener: boolean;
  /**
   * True when the first recipient has an address (so "Never for this contact" can work) and the
   * organisation's policy does not set the muted contacts.
   */
  canMuteContact: boolean;
  /** False when the organisation's policy sets the rules: "Turn off this signal" could not be saved. */
  canTurnOffRules: boolean;
  /** Changes every time the nudge appears anew, so screen readers hear it once per appearance. */
  announceKey: string;
}

/** The actions that change the draft, so Undo can put it back. */
export type UndoableAction = 'call_request' | 'opener';

export interface NudgeActions {
  askForCall(): void;
  useOpener(): void;
  /** Puts the draft back as it was before the last action changed it. */
  undo(): void;
  callNow(): void;
  logCall(notes: CallNotes): void;
  snooze(): void;
  muteContact(): void;
  ruleOff(rule: RuleId): void;
}

/** Where the open card goes: above its chip ('up') or below the nudge's line ('down'), and how tall it may be. */
export interface CardPlace {
  direction: 'up' | 'down';
  /** The room the card has there, in CSS pixels; it scrolls inside beyond it. */
  maxHeight: number;
}
