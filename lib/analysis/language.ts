/**
 * Cheap language detection: a draft written mostly in a script other than Latin (Hebrew, Arabic,
 * Greek, Cyrillic, Devanagari, Thai, Chinese, Japanese, Korean…) is another language; otherwise
 * count very common function words of each language in the first few hundred words. Good enough to
 * keep English phrase rules off a German, Spanish or Hebrew draft; no dictionary to load.
 */
import type { Language } from './types';
import { LETTER } from './letters';

const STOPWORDS: Record<Exclude<Language, 'other'>, readonly string[]> = {
  en: [
    'the',
    'and',
    'to',
    'of',
    'you',
    'is',
    'for',
    'that',
    'we',
    'this',
    'it',
    'on',
    'with',
    'have',
    'are',
    'your',
    'be',
    'can',
    'will',
    'i',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'sie',
    'ich',
    'wir',
    'mit',
    'für',
    'auf',
    'den',
    'ein',
    'eine',
    'zu',
    'von',
    'ihnen',
    'bitte',
    'dass',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'est',
    'vous',
    'nous',
    'pour',
    'une',
    'des',
    'du',
    'je',
    'que',
    'pas',
    'sur',
    'avec',
    'votre',
    'dans',
    'ce',
    'qui',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'y',
    'es',
    'que',
    'de',
    'para',
    'con',
    'por',
    'una',
    'su',
    'usted',
    'nos',
    'del',
    'pero',
    'como',
    'muy',
    'lo',
    'favor',
    'gracias',
    'semana',
    'saludos',
    'estimado',
    'estimada',
  ],
  pt: [
    'o',
    'os',
    'as',
    'e',
    'que',
    'de',
    'para',
    'com',
    'uma',
    'não',
    'você',
    'vocês',
    'do',
    'da',
    'em',
    'no',
    'na',
    'mais',
    'seu',
    'sua',
  ],
  it: [
    'il',
    'lo',
    'gli',
    'e',
    'che',
    'di',
    'per',
    'con',
    'una',
    'non',
    'sono',
    'del',
    'della',
    'alla',
    'nel',
    'ma',
    'come',
    'anche',
    'questo',
    'grazie',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'is',
    'niet',
    'van',
    'voor',
    'met',
    'op',
    'dat',
    'je',
    'wij',
    'jullie',
    'ook',
    'maar',
    'naar',
    'bij',
    'graag',
    'zijn',
  ],
};

const LOOKUP = new Map<string, Language[]>();
for (const [lang, words] of Object.entries(STOPWORDS) as [Language, readonly string[]][]) {
  for (const word of words) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), lang]);
}

const WORD = new RegExp(`[${LETTER}']+`, 'g');
const SAMPLE_WORDS = 400;
const SAMPLE_CHARS = 4000;
/** Fewer stopword hits than this and the sample says little: English unless English has none at all. */
const MIN_EVIDENCE = 3;

/**
 * Blocks of scripts other than Latin, [first, last, weight]: from Greek to Lao, Georgian and Hangul
 * jamo, Greek extended, then the syllabic and ideographic blocks (kana, CJK, Hangul syllables, CJK
 * compatibility) and Hebrew and Arabic presentation forms. A kana, ideograph or Hangul syllable
 * counts as three letters: it carries about as much as three letters of an alphabet.
 */
const SCRIPT_BLOCKS: readonly (readonly [number, number, number])[] = [
  [0x0370, 0x0eff, 1],
  [0x10a0, 0x11ff, 1],
  [0x1f00, 0x1fff, 1],
  [0x3040, 0x30ff, 3],
  [0x3400, 0x4dbf, 3],
  [0x4e00, 0x9fff, 3],
  [0xac00, 0xd7af, 3],
  [0xf900, 0xfaff, 3],
  [0xfb1d, 0xfdff, 1],
  [0xfe70, 0xfeff, 1],
];
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const NON_LATIN = new RegExp(`[${SCRIPT_BLOCKS.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`);

function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f);
}

function nonLatinWeight(code: number): number {
  for (const [from, to, weight] of SCRIPT_BLOCKS) if (code >= from && code <= to) return weight;
  return 0;
}

/**
 * More of the sample is in another script than in Latin letters. Most drafts hold no such letter and
 * pay one scan; an English draft with a Hebrew name or signature stays English.
 */
function mostlyNonLatin(sample: string): boolean {
  if (!NON_LATIN.test(sample)) return false;
  let latin = 0;
  let other = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (isLatinLetter(code)) latin++;
    else if (code >= SCRIPT_BLOCKS[0]![0]) other += nonLatinWeight(code);
  }
  return other > latin;
}

export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (mostlyNonLatin(sample)) return 'other';
  const counts = new Map<Language, number>();
  const words = sample.toLowerCase().match(WORD)?.slice(0, SAMPLE_WORDS) ?? [];
  for (const word of words) {
    // A word several languages share ("la", "que") is weaker evidence than one only one language uses.
    const langs = LOOKUP.get(word) ?? [];
    for (const lang of langs) counts.set(lang, (counts.get(lang) ?? 0) + 1 / langs.length);
  }
  let best: Language = 'en';
  let bestCount = 0;
  for (const [lang, count] of counts) {
    if (count > bestCount) [best, bestCount] = [lang, count];
  }
  // A short draft with some evidence for one language and none for English ("¿Alguna novedad sobre el
  // pedido?") is that language; with little evidence either way, English.
  if (bestCount < MIN_EVIDENCE && (counts.get('en') ?? 0) > 0) return 'en';
  if (bestCount < MIN_EVIDENCE / 2) return 'en';
  // English wins ties: short English drafts share "a", "de" and the like with other languages.
  return (counts.get('en') ?? 0) >= bestCount ? 'en' : best;
}
