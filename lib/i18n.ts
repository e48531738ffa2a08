import { browser } from 'wxt/browser';
import type { CountedKey, SentenceKey } from './analysis/wording';
import type { Translate } from './wording';

/** A key of public/_locales/en/messages.json; WXT generates the union, so a typo fails the type check. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** A user-facing string from public/_locales. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/** `t` for code that words keys it holds as data (lib/wording): the browser's messages, in its UI locale. */
export const translate: Translate = (key, substitutions) => t(key as MessageKey, substitutions);

/** Keys of a message with plural forms, as lib/wording picks them. */
type Plurals<Base extends string> = `${Base}_${'one' | 'other'}`;
/** Fails the type check unless every key it is given is a message of public/_locales/en. */
type Messages<Key extends MessageKey> = Key;
/** The keys the analysis words with (it is pure, so it cannot see WXT's generated union): each must be a message. */
export type AnalysisMessageKey = Messages<SentenceKey | Plurals<CountedKey>>;
