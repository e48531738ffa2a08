/**
 * Writes lib/analysis/phrases/compiled.json, the anchor index of the built-in phrase lists, worked out
 * ahead of time so a mail page only has to read it: `npm run phrases` after changing a phrase list. A unit test fails while
 * the file is out of date; until then, a changed list is indexed at run time and still matches.
 */
import { writeFileSync } from 'node:fs';
import { indexList, storeIndex } from '../lib/analysis/phrase-index';
import { PHRASE_LISTS } from '../lib/analysis/phrase-sets';

export function compilePhraseLists(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(PHRASE_LISTS).map(([name, rules]) => [name, storeIndex(indexList(rules.map((r) => r.pattern)))]),
  );
}

if (process.argv[1]?.endsWith('compile-phrases.ts')) {
  const json = `${JSON.stringify(compilePhraseLists())}\n`;
  writeFileSync(new URL('../lib/analysis/phrases/compiled.json', import.meta.url), json);
}
