import { browser } from 'wxt/browser';

/** A key of public/_locales/en/messages.json; WXT generates the union, so a typo fails the type check. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** A user-facing string from public/_locales. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}
