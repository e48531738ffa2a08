// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isShown, MAX_READ_CHARS, preferShownFilled, readBlocksText } from '../../../lib/hosts/dom';

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

describe('parts that come twice, one copy hidden', () => {
  it('prefers the shown and filled element, then the filled, then the shown, then the first', () => {
    document.body.innerHTML =
      '<input id="hiddenEmpty" hidden><input id="shownEmpty"><input id="hiddenFilled" hidden value="a">' +
      '<input id="shownFilled" value="b"><input id="shownFilled2" value="c">';
    const all = (...ids: string[]) => ids.map((id) => document.getElementById(id) as HTMLInputElement);
    const filled = (el: HTMLInputElement) => el.value !== '';
    const pick = (...ids: string[]) => preferShownFilled(all(...ids), filled)?.id;
    expect(pick('hiddenEmpty', 'shownEmpty', 'hiddenFilled', 'shownFilled', 'shownFilled2')).toBe('shownFilled');
    expect(pick('hiddenEmpty', 'shownEmpty', 'hiddenFilled')).toBe('hiddenFilled');
    expect(pick('hiddenEmpty', 'shownEmpty')).toBe('shownEmpty');
    expect(pick('hiddenEmpty')).toBe('hiddenEmpty');
    expect(pick()).toBeUndefined();
  });

  it('counts display: none and visibility: hidden, on the element or above it, as not shown; aria-hidden as shown', () => {
    document.body.innerHTML =
      '<div style="display: none"><input id="a"></div><input id="b" style="visibility: hidden">' +
      '<input id="c" type="hidden"><div aria-hidden="true"><input id="d"></div>';
    const shown = (id: string) => isShown(document.getElementById(id)!);
    expect(['a', 'b', 'c', 'd'].map(shown)).toEqual([false, false, false, true]);
  });
});
