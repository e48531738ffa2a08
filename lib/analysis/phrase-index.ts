/**
 * A list of phrase patterns made ready to look up: each pattern compiled, with the words a sentence
 * must hold for it to match, and every pattern filed under its anchor words (the rarest words one of
 * which any match contains). The anchors of the built-in lists are worked out ahead of time into
 * phrases/compiled.json (`npm run phrases`), and a pattern is compiled only when a draft holds its
 * anchor: compiling some two hundred patterns on every mail page cost more than the analysis itself
 * while the script is cold. A list whose patterns no longer match the file is indexed here in full,
 * so the file can make things faster, never wrong.
 */
import { compilePattern, type CompiledPattern, type Step } from './phrase-pattern';

/** What phrases/compiled.json holds for a list: the patterns it was made from, their needs and anchors. */
export interface StoredIndex {
  /** The pattern texts, in the list's order. */
  patterns: readonly string[];
  /** Each pattern's needs, so a sentence can be ruled out before the pattern is compiled. */
  needs: readonly string[][][];
  /** Rule positions by anchor word. */
  anchors: Partial<Record<string, number[]>>;
}

export interface IndexedList extends StoredIndex {
  /** Patterns compiled so far, by position: a page compiles only the rules its drafts could match. */
  compiled: (CompiledPattern | undefined)[];
  /** `anchors` as a Map, made on the first lookup: every word of every sentence is looked up in each list. */
  byAnchor?: Map<string, number[]>;
}

/** Words so common that they say little about a sentence; a rarer word makes a better anchor. */
const COMMON = new Set(
  'a an the i me my we us our you your he she it they this that these is are am was were be been have has had do did does to of in on at for with by from and or not no if so can will would could should let get just any what how when where who which as up out off all see know want need like still please here there'.split(
    ' ',
  ),
);

const cost = (word: string) => (COMMON.has(word) ? 10 : word.length <= 3 ? 3 : 1);
const totalCost = (words: readonly string[]) => words.reduce((sum, word) => sum + cost(word), 0);

/** The rarest literal word of each option of a required step, or undefined when an option has none. */
function stepNeeds(step: Step): string[] | undefined {
  if (step.kind === 'any' || step.optional) return undefined;
  const words: string[] = [];
  for (const option of step.options) {
    let best: string | undefined;
    for (const test of option) {
      if (typeof test === 'string' && (best === undefined || cost(test) < cost(best))) best = test;
    }
    if (best === undefined) return undefined;
    words.push(best);
  }
  return words;
}

export function indexList(patterns: readonly string[]): IndexedList {
  // A Map while building: a word such as "constructor" must not meet Object.prototype.
  const anchors = new Map<string, number[]>();
  const compiled = patterns.map((source) => compilePattern(source));
  const needs = compiled.map((pattern, position) => {
    const words = pattern.steps.map(stepNeeds).filter((needed) => needed !== undefined);
    const source = patterns[position] ?? '';
    if (!words.length) throw new Error(`phrase pattern needs a required word to anchor on: ${source}`);
    const rarest = words.reduce((best, next) => (totalCost(next) < totalCost(best) ? next : best));
    for (const word of new Set(rarest)) anchors.set(word, [...(anchors.get(word) ?? []), position]);
    return words;
  });
  return { patterns: [...patterns], needs, anchors: Object.fromEntries(anchors), compiled };
}

/** The part of an index that phrases/compiled.json keeps. */
export function storeIndex({ patterns, needs, anchors }: IndexedList): StoredIndex {
  return { patterns, needs, anchors };
}

/** The stored index when it was made from exactly these patterns, else a fresh one. */
export function loadList(patterns: readonly string[], stored: StoredIndex | undefined): IndexedList {
  const current =
    stored?.patterns.length === patterns.length && stored.patterns.every((source, i) => source === patterns[i]);
  return current ? { ...stored, compiled: [] } : indexList(patterns);
}

/** Positions of the patterns filed under `word`. */
export function anchoredBy(list: IndexedList, word: string): readonly number[] | undefined {
  list.byAnchor ??= new Map(Object.entries(list.anchors).filter((entry): entry is [string, number[]] => !!entry[1]));
  return list.byAnchor.get(word);
}

/** The pattern at a position, compiled the first time a sentence holds all it needs. */
export function patternAt(list: IndexedList, position: number): CompiledPattern | undefined {
  const source = list.patterns[position];
  if (source === undefined) return undefined;
  return (list.compiled[position] ??= compilePattern(source));
}
