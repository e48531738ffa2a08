/** Every built-in phrase list, compiled once per page load; custom phrases compiled once per list. */
import { buildPhraseSet, literalPattern, type PhraseSet } from './phrase-match';
import { CHECKIN_PHRASES } from './phrases/checkin';
import { CONFLICT_PHRASES, RESOLUTION_PHRASES } from './phrases/conflict';
import { CALL_DETAILS, CALL_PROPOSALS, SOFT_CALL_OFFERS, SUBSTANCE } from './phrases/purpose';
import { INDIRECT_ASKS } from './phrases/questions';
import { CLARIFYING_PHRASES, CLOSING_PHRASES } from './phrases/thread';

export const PHRASE_SETS = {
  checkin: buildPhraseSet(CHECKIN_PHRASES),
  conflict: buildPhraseSet(CONFLICT_PHRASES),
  resolution: buildPhraseSet(RESOLUTION_PHRASES),
  callProposals: buildPhraseSet(CALL_PROPOSALS),
  callOffers: buildPhraseSet(SOFT_CALL_OFFERS),
  callDetails: buildPhraseSet(CALL_DETAILS),
  substance: buildPhraseSet(SUBSTANCE),
  indirectAsks: buildPhraseSet(INDIRECT_ASKS),
  clarifying: buildPhraseSet(CLARIFYING_PHRASES),
  closing: buildPhraseSet(CLOSING_PHRASES),
} as const;

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
