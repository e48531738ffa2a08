// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findPhoneNumbers, parseAddress, sentenceRangeContaining } from '../../../lib/hosts/dom';
import { gmailHost } from '../../../lib/hosts/gmail';

const FIXTURES = join(import.meta.dirname, '../../fixtures/gmail');

/** The fixture's body, without its behaviour script and shared stylesheet (only the browser tests load those). */
function load(file: string) {
  const html = readFileSync(join(FIXTURES, file), 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="stylesheet"[^>]*>/g, '');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

describe('gmailHost on the fixtures', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('finds a new-message pop-up with its chips, subject and no thread', () => {
    load('compose-new.html');
    const { windows, problems } = gmailHost.findComposeWindows(document);
    expect(problems).toEqual([]);
    expect(windows).toHaveLength(1);
    const win = windows[0]!;
    expect(win.readRecipients()).toEqual([{ address: 'dana@acme.example', name: 'Dana Whitfield' }]);
    expect(win.readSubject()).toBe('Renewal for Q3');
    expect(win.readThreadSize()).toBe(0);
    expect(win.readOwnText()).toBe('');
    expect(win.draftId).toMatch(/-1$/);
  });

  it('reads an inline reply: older recipient UI, hidden subject, collapsed bubble, own text without quote or signature', () => {
    load('reply-inline.html');
    const [win] = gmailHost.findComposeWindows(document).windows;
    expect(win).toBeDefined();
    expect(win!.readRecipients()).toEqual([{ address: 'dana@acme.example', name: 'Dana Whitfield' }]);
    expect(win!.readSubject()).toBe('Re: Renewal for Q3');
    expect(win!.readThreadSize()).toBe(3 + 4);
    const first = win!.body.firstElementChild!;
    first.textContent = 'Thanks Dana, quote attached.';
    expect(win!.readOwnText()).toBe('Thanks Dana, quote attached.');
    // The customer's number from the quoted signature and the thread; never the rep's own signature number.
    expect(win!.readVisiblePhoneNumbers()).toEqual(['+1 415 555 0134']);
    const range = win!.ownTextRange()!;
    expect(range.toString()).toBe('Thanks Dana, quote attached.');
  });

  it('finds a pop-out window and the German window behind translated labels', () => {
    load('popout.html');
    expect(gmailHost.findComposeWindows(document).windows).toHaveLength(1);
    load('compose-de.html');
    const [win] = gmailHost.findComposeWindows(document).windows;
    expect(win!.readRecipients()).toEqual([{ address: 'jonas@beispiel.example', name: 'Jonas Becker' }]);
    const send = win!.root.querySelector('[data-tooltip^="Senden"]:not([aria-haspopup])');
    expect(win!.isSendControl(send)).toBe(true);
  });

  it('tells send controls from the arrow, discard and close in three windows', () => {
    load('three-windows.html');
    const { windows } = gmailHost.findComposeWindows(document);
    expect(windows).toHaveLength(3);
    const [a, b] = windows;
    const sendA = a!.root.querySelector('.Up [role="button"]:not([aria-haspopup])');
    const arrowA = a!.root.querySelector('.Up [aria-haspopup="true"]');
    expect(a!.isSendControl(sendA)).toBe(true);
    expect(b!.isSendControl(sendA)).toBe(false);
    expect(a!.isSendControl(arrowA)).toBe(false);
    expect(a!.isDiscardControl(a!.root.querySelector('.oh'))).toBe(true);
    expect(a!.isDiscardControl(a!.root.closest('[role="dialog"]')!.querySelector('.Ha'))).toBe(true);
    expect(a!.isSendControl(a!.body)).toBe(false);
    // Schedule send lives in a menu outside the window: it belongs to the window whose arrow opened it.
    const item = document.createElement('div');
    item.setAttribute('selector', 'scheduledSend');
    document.body.append(item);
    expect(b!.isSendControl(item)).toBe(false);
    expect(a!.isSendControl(item)).toBe(true);
    expect(b!.readRecipients()).toEqual([{ address: 'lee@globex.example', name: 'Lee Park' }]);
    expect(windows[2]!.readRecipients()).toEqual([]);
  });

  it('places the nudge before the toolbar, never inside the body', () => {
    load('compose-new.html');
    const [win] = gmailHost.findComposeWindows(document).windows;
    const placement = win!.nudgeAnchor();
    expect(placement && !(placement instanceof Element) && placement.position).toBe('before');
    const el = placement instanceof Element ? placement : placement!.element;
    expect(win!.body.contains(el)).toBe(false);
    expect(el.tagName).toBe('TABLE');
  });

  it('leaves a window without a Send button alone and reports it', () => {
    load('compose-new.html');
    document.querySelectorAll('.Up').forEach((e) => e.remove());
    const { windows, problems } = gmailHost.findComposeWindows(document);
    expect(windows).toEqual([]);
    expect(problems).toEqual([{ key: 'problemNoSendButton' }]);
  });

  it('sees a blocking validation dialog', () => {
    load('compose-new.html');
    expect(gmailHost.hasBlockingDialog(document)).toBe(false);
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'alertdialog');
    dialog.textContent = 'Please specify at least one recipient.';
    document.body.append(dialog);
    expect(gmailHost.hasBlockingDialog(document)).toBe(true);
    dialog.style.display = 'none';
    expect(gmailHost.hasBlockingDialog(document)).toBe(false);
  });
});

describe('gmailHost and the Tab key', () => {
  it('lets Tab leave the body outside a list, and leaves it to Gmail in a list, where it indents', () => {
    load('compose-new.html');
    const [win] = gmailHost.findComposeWindows(document).windows;
    win!.body.innerHTML = '<div>Hi Dana,</div><ul><li>the price</li></ul>';
    const caretIn = (node: Node) => document.getSelection()!.collapse(node, 0);
    caretIn(win!.body.querySelector('div')!.firstChild!);
    expect(win!.tabLeavesBody()).toBe(true);
    caretIn(win!.body.querySelector('li')!.firstChild!);
    expect(win!.tabLeavesBody()).toBe(false);
    // A caret outside the body (in the subject, say) is not the body's Tab.
    caretIn(win!.root.querySelector('input[name="subjectbox"]')!);
    expect(win!.tabLeavesBody()).toBe(false);
  });
});

describe('gmailHost where parts of a window come twice, one copy hidden', () => {
  it('reads the shown, filled subject and the editor, never the hidden empty subject or plain-text "Message Body"', () => {
    load('hidden-copies.html');
    const [win] = gmailHost.findComposeWindows(document).windows;
    expect(win!.body.getAttribute('g_editable')).toBe('true');
    expect(win!.readSubject()).toBe('Renewal for Q3');
    expect(win!.readOwnText()).toBe('');
  });

  it('reads a hidden subject when it is the only one filled (inline replies)', () => {
    load('hidden-copies.html');
    const [win] = gmailHost.findComposeWindows(document).windows;
    win!.root.querySelector<HTMLInputElement>('input[value="Renewal for Q3"]')!.value = '';
    win!.root.querySelector<HTMLInputElement>('input[name="subject"]')!.value = 'Re: Renewal';
    expect(win!.readSubject()).toBe('Re: Renewal');
  });

  it('coaches the editor the rep sees when a hidden copy comes first', () => {
    load('compose-new.html');
    const editor = document.querySelector<HTMLElement>('[g_editable]')!;
    const copy = editor.cloneNode() as HTMLElement;
    copy.hidden = true;
    editor.before(copy);
    const { windows } = gmailHost.findComposeWindows(document);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.body).toBe(editor);
  });
});

describe('dom helpers', () => {
  it('parses addresses', () => {
    expect(parseAddress('Dana Whitfield <Dana@Acme.example>')).toEqual({
      address: 'dana@acme.example',
      name: 'Dana Whitfield',
    });
    expect(parseAddress('lee@globex.example')).toEqual({ address: 'lee@globex.example' });
    expect(parseAddress('Lee')).toEqual({ name: 'Lee' });
  });

  it('finds phone numbers but not dates', () => {
    expect(findPhoneNumbers('Mobile: +1 415 555 0134, due 12/03/2026')).toEqual(['+1 415 555 0134']);
    expect(findPhoneNumbers('Tel. 030 1234567')).toEqual(['030 1234567']);
  });

  it('finds the sentence holding a phrase', () => {
    const div = document.createElement('div');
    div.textContent = 'Hi Dana. Just checking in on the renewal? Thanks.';
    document.body.append(div);
    const range = document.createRange();
    range.selectNodeContents(div);
    expect(sentenceRangeContaining(range, 'just checking in')!.toString()).toBe('Just checking in on the renewal?');
    expect(sentenceRangeContaining(range, 'circling back')).toBeNull();
  });
});
