// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_READ_CHARS, readBlocksText } from '../../../lib/hosts/dom';

describe('reading a draft', () => {
  it('reads one line per block', () => {
    const body = document.createElement('div');
    body.innerHTML = '<div>Hi Dana,</div><div>Any update?<br>Thanks</div><blockquote>quoted</blockquote>';
    expect(readBlocksText(body, (el) => el.tagName === 'BLOCKQUOTE')).toBe('Hi Dana,\nAny update?\nThanks');
  });

  it('stops after MAX_READ_CHARS, however much was pasted', () => {
    const body = document.createElement('div');
    const paragraph = 'Just checking in on the renewal. '.repeat(30);
    for (let i = 0; i < 1_000_000 / paragraph.length; i++) {
      const div = document.createElement('div');
      div.textContent = paragraph;
      body.append(div);
    }
    body.firstElementChild!.textContent = `First line. ${'x'.repeat(MAX_READ_CHARS)}`;
    const text = readBlocksText(body, () => false);
    expect(text.startsWith('First line. xxx')).toBe(true);
    expect(text.length).toBe(MAX_READ_CHARS);
    expect(readBlocksText(body, () => false, 100)).toHaveLength(100);
  });
});
