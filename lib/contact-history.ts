/**
 * Contacts and their call history, as words. Shared by the popup's Overdue list and the in-page
 * nudge ("Last call: 41 days ago · 6 emails since"), so both say the same thing the same way.
 *
 * No Dexie and no storage here: content scripts import this file; the numbers come from the
 * background (`{type:'contact_history'}`) or, in extension pages, from lib/ledger.
 */
import { translate as defaultTranslate } from './i18n';
import { localDay, daysBetween } from './ledger/day';
import type { ContactHistory, ContactRef, LastCall } from './messages';
import { pluralLocale, pluralMessage, type Translate } from './wording';

/** Emails since the last call at which a contact counts as overdue however recent the call. */
export const REPEATED_EMAILS = 3;

const DAY_MS = 86_400_000;

/** The message `${base}_${category}` for `count`, with the count as `$1`; falls back to `_other`. */
export function plural(base: string, count: number, translate: Translate = defaultTranslate): string {
  return pluralMessage(base, count, [formatCount(count, pluralLocale(translate))], translate);
}

function formatCount(count: number, locale: string): string {
  try {
    return count.toLocaleString(locale);
  } catch {
    return String(count);
  }
}

// ---------------------------------------------------------------------------------------------
// Identity.

/** Addresses compare case-insensitively and without surrounding spaces or angle brackets. */
export function normalizeAddress(address: string): string {
  return address.trim().replace(/^<|>$/g, '').trim().toLowerCase();
}

/** Names compare case- and space-insensitively. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const ADDRESS_RE = /^[^\s@<>]+@[^\s@<>]+$/;

export function looksLikeAddress(text: string): boolean {
  return ADDRESS_RE.test(text.trim());
}

/**
 * The ledger's id for a contact: the normalised address, or `name:<normalised name>` when the page
 * showed only a name. Null for a reference with neither.
 */
export function contactIdOf(ref: ContactRef): string | null {
  if (ref.address && looksLikeAddress(ref.address)) return normalizeAddress(ref.address);
  if (ref.name && ref.name.trim()) return `name:${normalizeName(ref.name)}`;
  return null;
}

/**
 * What the rep typed in a contact field: `dana@acme.com`, `Dana Lee <dana@acme.com>`,
 * `"Lee, Dana" <dana@acme.com>` or just `Dana Lee`.
 */
export function parseContactInput(text: string): ContactRef {
  const trimmed = text.trim();
  const angle = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/.exec(trimmed);
  if (angle) {
    const name = angle[1]!
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    return name ? { name, address: normalizeAddress(angle[2]!) } : { address: normalizeAddress(angle[2]!) };
  }
  if (looksLikeAddress(trimmed)) return { address: normalizeAddress(trimmed) };
  return trimmed ? { name: trimmed.replace(/\s+/g, ' ') } : {};
}

/** `Dana Lee <dana@acme.com>`, or whichever half is known. */
export function formatContactInput(ref: ContactRef): string {
  if (ref.name && ref.address) return `${ref.name} <${ref.address}>`;
  return ref.address ?? ref.name ?? '';
}

/** The name to show for a contact: the name when known, else the address. */
export function contactLabel(ref: { name?: string; address?: string }): string {
  return ref.name?.trim() || ref.address || '';
}

// ---------------------------------------------------------------------------------------------
// Overdue.

export interface OverdueOptions {
  /** Days without a call, while emailing, after which a contact is overdue (settings: overdueDays). */
  overdueDays: number;
  /** Emails since the last call at which a contact is overdue anyway (default 3). */
  repeatedEmails?: number;
}

/** Why a contact is overdue, or null when it is not. */
export type OverdueReason = 'repeated_emails' | 'no_recent_call' | null;

/**
 * A contact is overdue for a call when the rep keeps emailing without calling: `repeatedEmails` or
 * more emails since the last call (or since the first email, if never called), or emails since the
 * last call and no call for `overdueDays` days (counting from the first email when never called).
 * Only contacts emailed in the last `overdueDays` days count: a conversation that has gone quiet is
 * not a reason to nag.
 */
export function overdueReason(history: ContactHistory, now: number, options: OverdueOptions): OverdueReason {
  const { overdueDays } = options;
  const repeated = options.repeatedEmails ?? REPEATED_EMAILS;
  if (history.emailsSinceLastCall < 1 || history.lastEmailAt === undefined) return null;
  if (now - history.lastEmailAt > overdueDays * DAY_MS) return null;
  if (history.emailsSinceLastCall >= repeated) return 'repeated_emails';
  const since = history.lastCallAt ?? history.firstEmailSinceCallAt;
  if (since !== undefined && now - since >= overdueDays * DAY_MS) return 'no_recent_call';
  return null;
}

export function isOverdue(history: ContactHistory, now: number, options: OverdueOptions): boolean {
  return overdueReason(history, now, options) !== null;
}

// ---------------------------------------------------------------------------------------------
// Words.

export interface DescribeOptions {
  translate?: Translate;
  /** IANA zone for counting calendar days; the runtime's local zone by default. */
  timeZone?: string;
}

/** "today", "yesterday", "41 days ago" for a past instant, counted in calendar days. */
export function describeDaysAgo(at: number, now: number, options: DescribeOptions = {}): string {
  const translate = options.translate ?? defaultTranslate;
  const days = Math.max(0, daysBetween(localDay(at, options.timeZone), localDay(now, options.timeZone)));
  if (days === 0) return translate('historyToday');
  if (days === 1) return translate('historyYesterday');
  return plural('historyDaysAgo', days, translate);
}

/**
 * The one line the nudge and the popup show for a contact:
 * "Last call: 41 days ago · 6 emails since", "Last call: yesterday", "No call yet · 4 emails sent",
 * and, when the last call was a teammate's (from the CRM), "Last call: 12 days ago, by Priya · …".
 */
export function describeContactHistory(
  history: Pick<ContactHistory, 'lastCallAt' | 'emailsSinceLastCall' | 'lastCall'>,
  now: number,
  options: DescribeOptions = {},
): string {
  const translate = options.translate ?? defaultTranslate;
  const emails = history.emailsSinceLastCall;
  if (history.lastCallAt === undefined) {
    const first = translate('historyNoCall');
    if (emails < 1) return first;
    return translate('historyJoin', [first, plural('historyEmailsSent', emails, translate)]);
  }
  const when = translate('historyLastCall', [describeDaysAgo(history.lastCallAt, now, options)]);
  const by = history.lastCall?.at === history.lastCallAt ? history.lastCall.by?.trim() : undefined;
  const first = by ? translate('lastCallBy', [when, by]) : when;
  if (emails < 1) return first;
  return translate('historyJoin', [first, plural('historyEmailsSince', emails, translate)]);
}

/**
 * The last call's notes in one line, for the nudge's card: "Last call 12 days ago, by Priya ·
 * Discussed: budget approved · Proposed: start on the 1st". Empty notes are left out.
 */
export function describeLastCall(call: LastCall, now: number, options: DescribeOptions = {}): string {
  const translate = options.translate ?? defaultTranslate;
  const when = translate('lastCallWhen', [describeDaysAgo(call.at, now, options)]);
  const by = call.by?.trim();
  const parts = [by ? translate('lastCallBy', [when, by]) : when];
  const discussed = oneLine(call.discussed);
  const proposed = oneLine(call.proposed);
  if (discussed) parts.push(translate('lastCallDiscussed', [discussed]));
  if (proposed) parts.push(translate('lastCallProposed', [proposed]));
  return parts.reduce((line, part) => translate('historyJoin', [line, part]));
}

/** A note as one line: whitespace collapsed, without a closing full stop. */
function oneLine(note: string | undefined): string {
  return (note ?? '').replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}
