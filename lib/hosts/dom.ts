/**
 * Host-agnostic DOM helpers for the mail-site modules (lib/hosts/gmail.ts, lib/hosts/outlook.ts):
 * selectors with dated fallbacks, reading an editable's text by visual blocks while leaving out
 * quoted history and signatures, and ranges over the rep's own words. Nothing here knows a site.
 */

/** One way to find an element, and when/why it was added: `{ css: '.M9', note: '2016: compose container' }`. */
export interface Fallback {
  css: string;
  note: string;
}

/** A fallback list as one CSS selector that matches what any of them matches. */
export function anyOf(fallbacks: readonly Fallback[]): string {
  return fallbacks.map((f) => f.css).join(', ');
}

/** Our own UI (the nudge's host element) is never one of a site's controls or texts. */
export const OWN_UI = '[data-callfirst]';

/** Links that dial a number. */
export const TEL_LINKS = 'a[href^="tel:" i], a[href^="callto:" i]';

/** True for an event target that is an element (text nodes, windows and documents are not). */
export function isElement(target: EventTarget | null | undefined): target is Element {
  return !!target && typeof (target as Partial<Element>).closest === 'function';
}

/** The number a `tel:` or `callto:` link dials, as written in it (percent-escapes decoded where valid). */
export function telNumberOf(link: Element): string {
  const raw = (link.getAttribute('href') ?? '').replace(/^(tel|callto):/i, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * True for an element the page shows: in the document, not `hidden`, not a hidden input, not
 * `display: none` or `visibility: hidden` itself or through an ancestor. `aria-hidden` does not count:
 * Outlook can put it on its whole app (docs/hosts.md).
 */
export function isShown(el: Element): boolean {
  if (!el.isConnected || el.closest('[hidden]')) return false;
  if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
  return el.checkVisibility({ visibilityProperty: true });
}

/**
 * The one to read of several elements found for the same part of a compose window. Real pages hold
 * hidden duplicates (docs/hosts.md): Gmail keeps a hidden plain-text textarea labelled "Message Body"
 * beside the editor, and some layouts put a hidden, empty subject field before the visible one. Shown
 * and filled wins, then filled (a hidden field can be the only one filled, as Gmail's subject in inline
 * replies), then shown, then the first; among equals the earlier one.
 */
export function preferShownFilled<E extends Element>(
  candidates: readonly E[],
  filled: (el: E) => boolean = () => true,
): E | undefined {
  // One candidate needs no style lookup.
  if (candidates.length < 2) return candidates[0];
  let best: E | undefined;
  let bestRank = -1;
  for (const el of candidates) {
    const rank = (filled(el) ? 2 : 0) + (isShown(el) ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [el, rank];
    if (rank === 3) break;
  }
  return best;
}

/** Every element the fallbacks find, the first fallback's first (an element two of them find comes twice). */
export function queryAllInOrder<E extends Element = HTMLElement>(
  scope: ParentNode,
  fallbacks: readonly Fallback[],
): E[] {
  return fallbacks.flatMap(({ css }) => [...scope.querySelectorAll<E>(css)]);
}

/** The trimmed value of the field to read among `fields` (see preferShownFilled), or ''. */
export function fieldValue(fields: readonly (HTMLInputElement | HTMLTextAreaElement)[]): string {
  return preferShownFilled(fields, (field) => field.value.trim() !== '')?.value.trim() ?? '';
}

/** The first fallback that finds anything wins, so a newer selector never mixes with an older one. */
export function queryFirst(scope: ParentNode, fallbacks: readonly Fallback[]): HTMLElement | null {
  for (const { css } of fallbacks) {
    const found = scope.querySelector<HTMLElement>(css);
    if (found) return found;
  }
  return null;
}

/** Every element any fallback finds (for two DOM generations that coexist), deduplicated, in document order. */
export function queryAllUnion<E extends Element = HTMLElement>(scope: ParentNode, fallbacks: readonly Fallback[]): E[] {
  const css = fallbacks.map((f) => f.css).join(', ');
  return [...scope.querySelectorAll<E>(css)];
}

export function closestOf(el: Element, fallbacks: readonly Fallback[]): HTMLElement | null {
  for (const { css } of fallbacks) {
    const found = el.closest<HTMLElement>(css);
    if (found) return found;
  }
  return null;
}

export function matchesAny(el: Element, fallbacks: readonly Fallback[]): boolean {
  return fallbacks.some(({ css }) => el.matches(css));
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

export function isBlock(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName);
}

/**
 * Reading stops after this many characters: a longer draft (a megabyte pasted in) is judged on its
 * first part, some 8,000 words, well past where length stops adding to a nudge, so reading and
 * analysing it costs no more than a long email.
 */
export const MAX_READ_CHARS = 50_000;

/**
 * The text of `root` with one line per visual block (div, p, li, br…), skipping every element for
 * which `skip` is true (quoted history, signatures), up to `maxChars` characters. Linear in the
 * number of nodes read.
 */
export function readBlocksText(root: Node, skip: (el: Element) => boolean, maxChars = MAX_READ_CHARS): string {
  const parts: string[] = [];
  let room = maxChars;
  const newline = () => {
    if (parts.length && parts[parts.length - 1] !== '\n') parts.push('\n');
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child && room > 0; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        parts.push((data.length > room ? data.slice(0, room) : data).replace(/\u00a0/g, ' '));
        room -= data.length;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as Element;
        if (skip(el)) continue;
        if (el.tagName === 'BR') {
          parts.push('\n');
          continue;
        }
        if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
        const block = isBlock(el);
        if (block) newline();
        walk(el);
        if (block) newline();
      }
    }
  };
  walk(root);
  return parts
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/^\n+|\s+$/g, '');
}

/** True for a node that shows nothing: whitespace text, a `<br>`, or an element holding only those. */
export function isBlank(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return !(node as Text).data.replace(/\u00a0/g, ' ').trim();
  if (node.nodeType !== Node.ELEMENT_NODE) return true;
  const el = node as Element;
  if (el.tagName === 'BR') return true;
  if (el.tagName === 'IMG' || el.tagName === 'HR') return false;
  return [...el.childNodes].every(isBlank);
}

/** A signature delimiter line ("-- ") that editors put as bare text before the signature block. */
function isDelimiter(node: Node): boolean {
  if (node.nodeType !== Node.TEXT_NODE && node.nodeType !== Node.ELEMENT_NODE) return false;
  return /^\s*--\s*$/.test((node.textContent ?? '').replace(/\u00a0/g, ' '));
}

/**
 * A range over the rep's own words: from the start of `body` to just before `firstExcluded` (the
 * first quoted-history or signature element in document order, or null for none), also leaving out
 * the blank spacer lines and a "-- " delimiter right above it, so a replacement keeps the gap above
 * the signature and the quoted history exactly as they were.
 */
export function ownRangeBefore(body: HTMLElement, firstExcluded: Element | null): Range {
  const range = body.ownerDocument.createRange();
  range.selectNodeContents(body);
  if (!firstExcluded || !body.contains(firstExcluded)) return range;
  let node: Node = firstExcluded;
  for (;;) {
    const prev: Node | null = node.previousSibling;
    if (prev && (isBlank(prev) || isDelimiter(prev))) {
      node = prev;
    } else if (!prev && node.parentNode && node.parentNode !== body) {
      node = node.parentNode;
    } else {
      break;
    }
  }
  range.setEndBefore(node);
  return range;
}

/** Text nodes inside `range`, in document order. */
export function textNodesIn(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const nodes: Text[] = [];
  if (root.nodeType === Node.TEXT_NODE) return [root as Text];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n)) nodes.push(n as Text);
  }
  return nodes;
}

const SENTENCE_END = /[.!?…]/;

/**
 * The range of the sentence in `within` that contains `needle` (case-insensitive, whitespace-loose),
 * looking inside one text node at a time (an editor keeps a typed line in one text node). Null when
 * the needle is not there.
 */
export function sentenceRangeContaining(within: Range, needle: string): Range | null {
  const words = needle.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\u00a0]+'), 'i');
  for (const node of textNodesIn(within)) {
    const text = node.data;
    const match = pattern.exec(text);
    if (!match) continue;
    let start = match.index;
    const at = (i: number) => text.charAt(i);
    while (start > 0 && !SENTENCE_END.test(at(start - 1))) start--;
    while (start < match.index && /[\s\u00a0]/.test(at(start))) start++;
    let end = match.index + match[0].length;
    while (end < text.length && !SENTENCE_END.test(at(end))) end++;
    while (end < text.length && SENTENCE_END.test(at(end))) end++;
    const range = node.ownerDocument.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range;
  }
  return null;
}

/** Phone numbers in text: international or national forms with at least 7 digits. */
const PHONE = /(?:\+|\b00)?\(?\d[\d\s().\-/]{6,}\d/g;

export function findPhoneNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(PHONE)) {
    const raw = match[0].trim();
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    // Dates and times look numeric too: require a separator pattern typical of phone numbers or a leading +.
    if (/^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/.test(raw)) continue;
    found.add(raw.replace(/\s+/g, ' '));
  }
  return [...found];
}

/** A number as a `tel:` URI: digits and a leading plus only. */
export function telHref(number: string): string {
  const plus = number.trim().startsWith('+') ? '+' : '';
  return `tel:${plus}${number.replace(/\D/g, '')}`;
}

/** "Name <a@b.c>", "a@b.c" or "Name" -> parts. */
export function parseAddress(value: string): { address?: string; name?: string } {
  const trimmed = value.trim();
  const angle = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>$/.exec(trimmed);
  if (angle) {
    const name = (angle[1] ?? '').trim().replace(/^"|"$/g, '').trim();
    const address = (angle[2] ?? '').toLowerCase();
    return name ? { address, name } : { address };
  }
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return { address: trimmed.toLowerCase() };
  return trimmed ? { name: trimmed } : {};
}
