/**
 * Words from message keys, with no browser API: the extension passes browser.i18n.getMessage, Node
 * (the CLI, eval, tests) the English file (scripts/english-messages.ts). The analysis says what it
 * means as a `Wording` (a key and what fills it) and the place that shows it turns it into words.
 */

/** Looks up a message of public/_locales with `$1`… substitutions. */
export type Translate = (key: string, substitutions?: string[]) => string;

/** A sentence as a message key and what fills its placeholders (`$1`…, each a string or another wording). */
export interface Wording<Key extends string = string> {
  key: Key;
  substitutions?: (string | Wording<Key>)[];
  /** Set when the key names plural forms (`${key}_one`, `${key}_other`…): the form for this count is used. */
  count?: number;
}

// chrome.i18n has no plurals, so each counted phrase has one message per CLDR plural category, picked
// with Intl.PluralRules for the locale the translation names in its `pluralLocale` message.
const pluralRules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(locale, rules);
  }
  return rules;
}

/** The locale the translation counts in (its `pluralLocale` message). */
export function pluralLocale(translate: Translate): string {
  return translate('pluralLocale') || 'en';
}

/** The message `${base}_${category}` for `count` (falling back to `_other`) with `substitutions`. */
export function pluralMessage(base: string, count: number, substitutions: string[], translate: Translate): string {
  const category = rulesFor(pluralLocale(translate)).select(count);
  return translate(`${base}_${category}`, substitutions) || translate(`${base}_other`, substitutions);
}

/** The words of a wording in the translation `translate` reads. */
export function say<Key extends string>(wording: Wording<Key>, translate: Translate): string {
  const substitutions = (wording.substitutions ?? []).map((s) => (typeof s === 'string' ? s : say(s, translate)));
  return wording.count === undefined
    ? translate(wording.key, substitutions)
    : pluralMessage(wording.key, wording.count, substitutions, translate);
}
