import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexList, loadList, patternAt, storeIndex } from '../../../lib/analysis/phrase-index';
import { buildPhraseSet, PhraseMatcher } from '../../../lib/analysis/phrase-match';
import { PHRASE_LISTS } from '../../../lib/analysis/phrase-sets';
import { compilePhraseLists } from '../../../scripts/compile-phrases';

describe('the phrase index', () => {
  it('phrases/compiled.json is what the phrase lists compile to (regenerate: npm run phrases)', () => {
    const onDisk: unknown = JSON.parse(readFileSync('lib/analysis/phrases/compiled.json', 'utf8'));
    expect(onDisk).toEqual(compilePhraseLists());
  });

  it('files each pattern under its rarest needed words', () => {
    const index = indexList(['(just|quickly) (check|checking) in', 'any (update|updates)', 'let me know']);
    expect(index.anchors).toEqual({ check: [0], checking: [0], update: [1], updates: [1], let: [2] });
    expect(index.needs[0]).toEqual([['just', 'quickly'], ['check', 'checking'], ['in']]);
  });

  it('files words that Object.prototype also has', () => {
    const set = buildPhraseSet([{ pattern: 'constructor (toString|valueOf)', source: 'test' }]);
    expect(new PhraseMatcher(['The constructor toString here.'], [set]).find(set)).toHaveLength(1);
    expect(new PhraseMatcher(['Nothing of the sort.'], [set]).find(set)).toHaveLength(0);
  });

  it('compiles a stored pattern only when it is first needed', () => {
    const patterns = ['any (update|updates)', 'touching base'];
    const list = loadList(patterns, storeIndex(indexList(patterns)));
    expect(list.compiled).toEqual([]);
    expect(patternAt(list, 1)?.steps).toHaveLength(2);
    expect(list.compiled[0]).toBeUndefined();
  });

  it('indexes afresh when the stored index was made from other patterns', () => {
    const stored = storeIndex(indexList(['touching base']));
    const rules = [{ pattern: 'circling back', source: 'test' }];
    const set = buildPhraseSet(rules, stored);
    expect(set.index.anchors).toEqual({ circling: [0] });
    expect(new PhraseMatcher(['Circling back on this.'], [set]).find(set)).toHaveLength(1);
  });

  it('every built-in rule compiles', () => {
    for (const rules of Object.values(PHRASE_LISTS))
      expect(indexList(rules.map((r) => r.pattern)).compiled).toHaveLength(rules.length);
  });
});
