import { readFileSync } from 'node:fs';
import type { LabeledItem } from './score';

/** One labeled draft per non-empty line. */
export function readItems(file: string): LabeledItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabeledItem);
}
