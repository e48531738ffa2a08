import { describe, expect, it } from 'vitest';
import { compilePattern, findMatches } from '../../../lib/analysis/phrase-pattern';
import { toTerms } from '../../../lib/analysis/terms';

/** The words of each match of `pattern` in `sentence`. */
function matches(pattern: string, sentence: string): string[] {
  const terms = toTerms(sentence);
  return findMatches(compilePattern(pattern), terms).map(([start, end]) =>
    terms
      .slice(start, end)
      .map((term) => term.word)
      .join(' '),
  );
}

describe('phrase patterns (compromise match syntax)', () => {
  it('matches words in order, ignoring case and punctuation between them', () => {
    expect(matches('touching base', 'Just TOUCHING, base here')).toEqual(['touching base']);
    expect(matches('touching base', 'base touching')).toEqual([]);
  });

  it('reads optional words and groups, with several words to an option', () => {
    const pattern = '(just|wanted to)? (check|checking) in';
    expect(matches(pattern, 'I wanted to check in')).toEqual(['wanted to check in']);
    expect(matches(pattern, 'Checking in on the MSA')).toEqual(['checking in']);
    expect(matches('(tried|trying) (to)? (reach|get hold of) you', 'I tried get hold of you')).toEqual([
      'tried get hold of you',
    ]);
  });

  it('reads bounded wildcards', () => {
    expect(matches('reading .{0,3} the same way', 'reading the comp plan the same way')).toHaveLength(1);
    expect(matches('reading .{0,3} the same way', 'reading the whole new comp plan the same way')).toEqual([]);
    expect(matches('is the . still on', 'is the budget still on')).toHaveLength(1);
  });

  it('anchors ^ to the start and $ to the end of the sentence', () => {
    expect(matches('^any (update|news)$', 'Any update?')).toEqual(['any update']);
    expect(matches('^any (update|news)$', 'Is there any update on the quote?')).toEqual([]);
    expect(matches('^just (following|follow) up', 'I am just following up')).toEqual([]);
  });

  it('reads /regex/ words, alone or in a group', () => {
    expect(matches('/^[0-9]{1,2}(:[0-9]{2})?$/ (am|pm)', 'Call at 10:30 am or 2 p.m.')).toEqual(['10:30 am', '2 pm']);
    expect(matches('by (the /^[0-9]/|/^[0-9]/|friday)', 'by the 14th or by Friday')).toEqual([
      'by the 14th',
      'by friday',
    ]);
  });

  it('reads contractions in a pattern as the draft does, whichever way either is written', () => {
    for (const sentence of ["I can't agree", 'I cannot agree', 'I can not agree', 'I cant agree']) {
      expect(matches("can't agree", sentence)).toEqual(['can not agree']);
    }
    expect(matches("(i am|i'm) afraid", "I'm afraid not")).toEqual(['i am afraid']);
    expect(matches("(let's|let us) talk", "Let's talk tomorrow")).toEqual(['let us talk']);
    expect(matches('you have had a moment', "you've had a moment")).toEqual(['you have had a moment']);
  });

  it('finds every match, left to right, without overlap', () => {
    expect(matches('any update', 'Any update? Any update!')).toEqual(['any update', 'any update']);
    expect(matches('(no|no more) (problem|problems)', 'no problem no more problems')).toHaveLength(2);
  });

  it('refuses compromise syntax it does not read rather than never matching', () => {
    for (const pattern of [
      '#Noun update',
      '@hasComma',
      '[any] update',
      '!not update',
      'updat~',
      'any update*',
      'a ^b',
    ]) {
      expect(() => compilePattern(pattern), pattern).toThrow(/unsupported/);
    }
    expect(() => compilePattern('any .{0,20} update')).toThrow(/wildcard/);
    expect(() => compilePattern('(just)? .{0,2}')).toThrow(/required word/);
    expect(() => compilePattern('any ( |update)')).toThrow(/empty option/);
  });
});
