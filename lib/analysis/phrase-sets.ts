/**
 * Every built-in phrase list, indexed once per page load from its compiled form (phrases/compiled.json,
 * written by `npm run phrases`); custom phrases are compiled once per list.
 */
import { type StoredIndex } from './phrase-index';
import { buildPhraseSet, literalPattern, type PhraseRule, type PhraseSet } from './phrase-match';
import { CHECKIN_PHRASES } from './phrases/checkin';
import compiled from './phrases/compiled.json';
import { CONFLICT_PHRASES, RESOLUTION_PHRASES } from './phrases/conflict';
import { CALL_DETAILS, CALL_PROPOSALS, SOFT_CALL_OFFERS, SUBSTANCE } from './phrases/purpose';
import { INDIRECT_ASKS } from './phrases/questions';
import { CLARIFYING_PHRASES, CLOSING_PHRASES } from './phrases/thread';

export const PHRASE_LISTS = {
  checkin: CHECKIN_PHRASES,
  conflict: CONFLICT_PHRASES,
  resolution: RESOLUTION_PHRASES,
  callProposals: CALL_PROPOSALS,
  callOffers: SOFT_CALL_OFFERS,
  callDetails: CALL_DETAILS,
  substance: SUBSTANCE,
  indirectAsks: INDIRECT_ASKS,
  clarifying: CLARIFYING_PHRASES,
  closing: CLOSING_PHRASES,
} satisfies Record<string, readonly PhraseRule[]>;

type PhraseListName = keyof typeof PHRASE_LISTS;

/** The indexed lists as `npm run phrases` wrote them. */
type CompiledPhraseLists = Partial<Record<PhraseListName, StoredIndex>>;

const COMPILED = compiled as unknown as CompiledPhraseLists;

export const PHRASE_SETS = Object.fromEntries(
  Object.entries(PHRASE_LISTS).map(([name, rules]) => [name, buildPhraseSet(rules, COMPILED[name as PhraseListName])]),
) as Record<PhraseListName, PhraseSet>;

const customSets = new Map<string, PhraseSet | undefined>();

/** The organisation's own check-in phrases from settings, as literal patterns. */
export function customCheckinSet(phrases: readonly string[]): PhraseSet | undefined {
  const key = phrases.join('\n');
  if (!customSets.has(key)) {
    const patterns = phrases.map(literalPattern).filter((p): p is string => p !== undefined);
    const rules = patterns.map((pattern) => ({ pattern, source: 'settings: checkinPhrases', weight: 1 }));
    customSets.set(key, rules.length ? buildPhraseSet(rules) : undefined);
  }
  return customSets.get(key);
}
