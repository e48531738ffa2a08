import type { CallNotes } from '../../lib/messages';
import type { RuleId } from '../../lib/settings/schema';

/** What the nudge shows. Built by lib/coach from the analysis; knows no mail site. */
export interface NudgeModel {
  level: 'suggest' | 'strong';
  findings: { rule: RuleId; message: string }[];
  opener: string;
  /** "Last call: 41 days ago · 6 emails since", when the setting allows and the ledger knows the contact. */
  historyLine?: string;
  /** A phone number visible in the conversation, for "Call now". */
  phone?: { display: string; href: string };
  /** True when the draft holds a check-in sentence the opener can replace. */
  canUseOpener: boolean;
  /** True when the first recipient has an address (so "Never for this contact" can work). */
  canMuteContact: boolean;
  /** Changes every time the nudge appears anew, so screen readers hear it once per appearance. */
  announceKey: string;
}

export interface NudgeActions {
  askForCall(): void;
  useOpener(): void;
  callNow(): void;
  logCall(notes: CallNotes): void;
  snooze(): void;
  muteContact(): void;
  ruleOff(rule: RuleId): void;
}
