/**
 * Cheap language detection: count very common function words of each language in the first
 * few hundred words. Good enough to keep English phrase rules off a German or Spanish draft;
 * no dictionary to load.
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

export function detectLanguage(text: string): Language {
  const counts = new Map<Language, number>();
  const words = text.slice(0, SAMPLE_CHARS).toLowerCase().match(WORD)?.slice(0, SAMPLE_WORDS) ?? [];
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
