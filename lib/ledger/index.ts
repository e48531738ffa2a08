/**
 * The local ledger of calls, emails and nudges. Extension origin only (background and extension
 * pages): content scripts reach it by message (lib/messages.ts) and import lib/contact-history.ts
 * for wording, never this module (it pulls in Dexie).
 */
export * from './day';
export * from './db';
export * from './rows';
export * from './write';
export * from './totals';
export * from './queries';
export * from './dashboard';
export * from './export';
export * from './validate';
export * from './ledger';
export { describeContactHistory, describeDaysAgo, overdueReason, isOverdue, REPEATED_EMAILS } from '../contact-history';
