import { describe, expect, it } from 'vitest';
import { toTerms } from '../../../lib/analysis/terms';

const words = (sentence: string) => toTerms(sentence).map((term) => term.word);

describe('toTerms', () => {
  it('lower-cases words and leaves punctuation out', () => {
    expect(words('Any update, Dana?? (see "the deck")…')).toEqual(['any', 'update', 'dana', 'see', 'the', 'deck']);
  });

  it('expands contractions into the words they stand for', () => {
    expect(words("I'm sure we can't, won't or shouldn't; let's see what's there's")).toEqual(
      ['i', 'am', 'sure', 'we', 'can', 'not', 'will', 'not', 'or', 'should', 'not'].concat([
        'let',
        'us',
        'see',
        'what',
        'is',
        'there',
        'is',
      ]),
    );
    expect(words('We havent heard back and I cannot say')).toEqual([
      'we',
      'have',
      'not',
      'heard',
      'back',
      'and',
      'i',
      'can',
      'not',
      'say',
    ]);
    expect(words('We’ve heard you’re busy')).toEqual(['we', 'have', 'heard', 'you', 'are', 'busy']);
  });

  it('splits a time range at the hyphen after am/pm, as compromise does', () => {
    expect(words('Wed, 11 AM-12:30 PM: maintenance')).toEqual(['wed', '11', 'am', '12:30', 'pm', 'maintenance']);
  });

  it("keeps 's and 'd words whole, with the possessive's base as another form", () => {
    const terms = toTerms("Dana's team said it's fine");
    expect(terms[0]).toMatchObject({ word: "dana's", alts: ['dana'] });
    expect(terms[3]).toMatchObject({ word: "it's", alts: ['it'] });
    expect(words("I'd say")).toEqual(["i'd", 'say']);
  });

  it('splits hyphenated words but not prefixes, single letters or numbers', () => {
    expect(words('a follow-up 10-minute call')).toEqual(['a', 'follow', 'up', '10', 'minute', 'call']);
    expect(toTerms('re-send the e-mail')).toMatchObject([
      { word: 're-send', alts: ['resend'] },
      { word: 'the' },
      { word: 'e-mail', alts: ['email'] },
    ]);
    expect(words('on 2026-03-01 from 9-5 for Q3-2026')).toEqual(['on', '2026-03-01', 'from', '9-5', 'for', 'q3-2026']);
  });

  it('reads words joined by a slash as either word, and leaves dates and links alone', () => {
    expect(toTerms('the Tuesday/Friday route')[1]).toMatchObject({
      word: 'tuesday/friday',
      alts: ['tuesday', 'friday'],
    });
    expect(words('on 9/5/2001 at https://example.com/a?b=c')).toEqual([
      'on',
      '9/5/2001',
      'at',
      'https://example.com/a?b=c',
    ]);
  });

  it('drops accents, thousands commas and the dots of short acronyms', () => {
    expect(words('Café déjà vu: 1,250 seats at 4 p.m. E.T.')).toEqual([
      'cafe',
      'deja',
      'vu',
      '1250',
      'seats',
      'at',
      '4',
      'pm',
      'et',
    ]);
  });

  it('reads words that Object.prototype also has as plain words', () => {
    expect(words('(constructor) __proto__ toString() hasOwnProperty.')).toEqual([
      'constructor',
      'proto',
      'tostring',
      'hasownproperty',
    ]);
  });

  it('gives each word the span of the token it was written in', () => {
    const sentence = 'Hi Dana, we’re “late” on it.';
    const spans = toTerms(sentence).map((term) => sentence.slice(term.start, term.end));
    expect(spans).toEqual(['Hi', 'Dana', 'we’re', 'we’re', 'late', 'on', 'it']);
  });
});
