/**
 * The English messages (public/_locales/en/messages.json) for Node: what browser.i18n.getMessage
 * answers in an English browser, placeholders and all. The one resolver for the CLI, eval, benchmarks
 * and tests.
 */
import english from '../public/_locales/en/messages.json';
import { say, type Translate, type Wording } from '../lib/wording';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const MESSAGES: Record<string, Message> = english;

/** chrome.i18n.getMessage over public/_locales/en: `$NAME$` placeholders, `$1`… in them or in the text, and `$$`. */
export const englishMessage: Translate = (key, substitutions = []) => {
  const m = MESSAGES[key];
  if (!m) return '';
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  // One pass over the message's own text, so "$" in a substitution stays as written.
  return m.message.replace(/\$([A-Za-z0-9_]+)\$|\$(\d)|\$\$/g, (_, name?: string, n?: string) => {
    if (n) return substitutions[Number(n) - 1] ?? '';
    if (!name) return '$';
    const p = m.placeholders?.[name.toLowerCase()];
    return p ? fill(p.content) : '';
  });
};

/** A wording in English. */
export function sayEnglish(wording: Wording): string {
  return say(wording, englishMessage);
}
