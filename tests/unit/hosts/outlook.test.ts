// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOutlookDocument, outlookHost } from '../../../lib/hosts/outlook';
import type { ComposeWindow } from '../../../lib/hosts/types';

type Fixture = 'compose-new' | 'reply-inline' | 'popout' | 'german' | 'two-drafts' | 'hidden-copies';

/**
 * The fixture as the page's own document (happy-dom's Range misbehaves in DOMParser documents).
 * Its behaviour script only imitates Outlook for the end-to-end tests, so it is left out here; its
 * shared stylesheet (served beside it in the browser) is put inline, as happy-dom loads no files.
 */
function load(name: Fixture): Document {
  const html = readFileSync(resolve('tests/fixtures/outlook', `${name}.html`), 'utf8').replace(
    /<link rel="stylesheet" href="\/__fixture\/([\w/.-]+\.css)" \/>/g,
    (_, path: string) => `<style>${readFileSync(resolve('tests/fixtures', path), 'utf8')}</style>`,
  );
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  document.documentElement.lang = parsed.documentElement.lang;
  document.head.replaceChildren(...[...parsed.head.childNodes].map((node) => document.importNode(node, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  return document;
}

function windowsIn(doc: Document): ComposeWindow[] {
  const { windows, problems } = outlookHost.findComposeWindows(doc);
  expect(problems).toEqual([]);
  return windows;
}

function only(name: Fixture): { doc: Document; win: ComposeWindow } {
  const doc = load(name);
  const windows = windowsIn(doc);
  expect(windows).toHaveLength(1);
  return { doc, win: windows[0]! };
}

/** Types `text` as the rep would: a paragraph at the top of the body, above the signature. */
function write(win: ComposeWindow, text: string): void {
  const doc = win.body.ownerDocument;
  const lines = text.split('\n').map((line) => {
    const div = doc.createElement('div');
    div.textContent = line;
    return div;
  });
  win.body.prepend(...lines);
}

describe('Outlook: finding compose windows', () => {
  it.each([
    ['compose-new', 1],
    ['reply-inline', 1],
    ['popout', 1],
    ['german', 1],
    ['two-drafts', 2],
  ] as const)('%s has %i compose window(s), none of them a read-only message body', (name, count) => {
    const doc = load(name);
    const windows = windowsIn(doc);
    expect(windows).toHaveLength(count);
    const readOnly = doc.querySelector('[id^="UniqueMessageBody_"]')!;
    expect(readOnly).not.toBeNull();
    for (const win of windows) {
      expect(win.body.getAttribute('contenteditable')).toBe('true');
      expect(win.body.contains(readOnly) || readOnly.contains(win.body) || win.body === readOnly).toBe(false);
      expect(win.root.contains(win.body)).toBe(true);
      expect(win.root.contains(readOnly)).toBe(false);
    }
  });

  it('finds windows by compose container: docked, pop-out, and the structural fallback for an inline reply', () => {
    expect(only('compose-new').win.root.id).toBe('docking_InitVisiblePart_0');
    expect(only('popout').win.root.getAttribute('data-app-section')).toBe('Form_Content');
    const reply = only('reply-inline').win;
    expect(reply.root.getAttribute('data-fixture-form')).toBe('reply');
  });

  it('gives two drafts their own windows, ids and controls', () => {
    const doc = load('two-drafts');
    const [reply, fresh] = windowsIn(doc);
    expect(reply!.root.getAttribute('data-fixture-form')).toBe('reply');
    expect(fresh!.root.id).toBe('docking_InitVisiblePart_1');
    expect(reply!.draftId).not.toBe(fresh!.draftId);
    const freshSend = fresh!.root.querySelector('[data-testid="ComposeSendButton"]');
    expect(fresh!.isSendControl(freshSend)).toBe(true);
    expect(reply!.isSendControl(freshSend)).toBe(false);
  });

  it('returns the same window object for the same draft on every scan', () => {
    const doc = load('two-drafts');
    const first = windowsIn(doc);
    const second = windowsIn(doc);
    expect(second).toEqual(first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
  });

  it('leaves non-Outlook pages alone and knows Outlook by hostname or asset markers', () => {
    const doc = load('compose-new');
    expect(isOutlookDocument(doc)).toBe(true);
    doc.querySelector('meta[content*="owamail"]')!.remove();
    expect(isOutlookDocument(doc)).toBe(false);
    expect(outlookHost.findComposeWindows(doc).windows).toEqual([]);
    expect(
      isOutlookDocument({ location: { hostname: 'example.com' }, querySelector: () => null } as unknown as Document),
    ).toBe(false);
    for (const hostname of ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']) {
      expect(isOutlookDocument({ location: { hostname }, querySelector: () => null } as unknown as Document)).toBe(
        true,
      );
    }
  });
});

describe('Outlook and the Tab key', () => {
  it('never lets Tab leave the body: its editor indents or inserts a tab', () => {
    const { win } = only('compose-new');
    win.body.innerHTML = '<div>Hi Dana,</div>';
    win.body.ownerDocument.getSelection()!.collapse(win.body.querySelector('div')!.firstChild, 0);
    expect(win.tabLeavesBody()).toBe(false);
  });
});

describe('Outlook: reading a draft', () => {
  it('reads nothing of its own from an untouched draft: signature and quoted history are left out', () => {
    for (const name of ['compose-new', 'reply-inline', 'popout', 'german'] as const) {
      expect(only(name).win.readOwnText()).toBe('');
    }
  });

  it('reads the own words as paragraphs, without the signature or the quoted check-in phrases', () => {
    const { win } = only('reply-inline');
    write(win, 'Hi Dana,\nThe signed order form is attached.\nBest,\nSam');
    const text = win.readOwnText();
    expect(text).toBe('Hi Dana,\nThe signed order form is attached.\nBest,\nSam');
    expect(text).not.toMatch(/checking in|touch base|Account Executive|From:|\+1/);
  });

  it('stops at #appendonsend and at the new-Outlook reference container too', () => {
    const { win } = only('reply-inline');
    win.body.querySelector('#divRplyFwdMsg')!.removeAttribute('id');
    expect(win.readOwnText()).toBe('');
    const doc = load('compose-new');
    const fresh = windowsIn(doc)[0]!;
    const container = doc.createElement('div');
    container.id = 'mail-editor-reference-message-container';
    container.textContent = 'Just checking in!';
    fresh.body.append(container);
    write(fresh, 'Agenda attached.');
    expect(fresh.readOwnText()).toBe('Agenda attached.');
  });

  it('reads the subject from the subject field, or the conversation heading for an inline reply', () => {
    expect(only('compose-new').win.readSubject()).toBe('Kick-off agenda');
    expect(only('popout').win.readSubject()).toBe('FW: Onboarding schedule');
    expect(only('reply-inline').win.readSubject()).toBe('Q3 renewal: pricing tiers');
    expect(only('german').win.readSubject()).toBe('Angebot Q3');
  });

  it('reads recipients: the address where the page shows one, the name otherwise', () => {
    expect(only('compose-new').win.readRecipients()).toEqual([
      { name: 'Lee Chen', address: 'lee.chen@fabrikam.example' },
    ]);
    expect(only('reply-inline').win.readRecipients()).toEqual([
      { name: 'Dana Reyes', address: 'dana.reyes@contoso.example' },
    ]);
    expect(only('popout').win.readRecipients()).toEqual([
      { name: 'Priya Natarajan' },
      { name: 'Lee Chen', address: 'lee.chen@fabrikam.example' },
    ]);
    expect(only('german').win.readRecipients()).toEqual([
      { name: 'Jonas Weber', address: 'jonas.weber@beispiel.example' },
    ]);
  });

  it('reads an address still being typed in the To well', () => {
    const { win } = only('compose-new');
    const well = win.root.querySelector('[aria-label="To"]')!;
    well.append(well.ownerDocument.createTextNode(' kim@tailspin.example'));
    expect(win.readRecipients()).toEqual([
      { name: 'Lee Chen', address: 'lee.chen@fabrikam.example' },
      { address: 'kim@tailspin.example' },
    ]);
  });

  it('counts the messages in the conversation, collapsed ones included', () => {
    expect(only('compose-new').win.readThreadSize()).toBe(0);
    expect(only('reply-inline').win.readThreadSize()).toBe(3);
    expect(only('german').win.readThreadSize()).toBe(2);
    // A pop-out has no conversation beside it: the quoted header block is one earlier message.
    expect(only('popout').win.readThreadSize()).toBe(1);
    const [reply, fresh] = windowsIn(load('two-drafts'));
    expect(reply!.readThreadSize()).toBe(3);
    expect(fresh!.readThreadSize()).toBe(0);
  });

  it("finds the other side's phone numbers in the conversation and quoted history, not the rep's own", () => {
    expect(only('reply-inline').win.readVisiblePhoneNumbers()).toEqual(['+1 (415) 555-0142']);
    expect(only('german').win.readVisiblePhoneNumbers()).toEqual(['+49 30 901820 77']);
    expect(only('popout').win.readVisiblePhoneNumbers()).toEqual(['+44 20 7946 0958']);
    expect(only('compose-new').win.readVisiblePhoneNumbers()).toEqual([]);
  });

  it('names the sender of the message a phone number was found in', () => {
    const doc = load('reply-inline');
    const body = doc.querySelector('[id^="UniqueMessageBody_"]')!;
    expect(outlookHost.contactNear!(body.lastElementChild!)).toEqual({
      name: 'Dana Reyes',
      address: 'dana.reyes@contoso.example',
    });
    expect(outlookHost.contactNear!(doc.querySelector('#MailList')!)).toBeNull();
  });
});

describe('Outlook: the own-text range', () => {
  it('covers the own words and ends before the signature, so replacing them keeps signature and history', () => {
    const { win } = only('reply-inline');
    write(win, 'Just checking in, any update?');
    const range = win.ownTextRange()!;
    expect(range.toString()).toBe('Just checking in, any update?');
    range.deleteContents();
    expect(win.readOwnText()).toBe('');
    expect(win.body.querySelector('#Signature')).not.toBeNull();
    expect(win.body.querySelector('#divRplyFwdMsg')!.textContent).toContain('From:');
    expect(win.body.textContent).toContain('Direct: +1 (415) 555-0142');
  });

  it('covers the whole body when there is no signature or history', () => {
    const { win } = only('compose-new');
    win.body.querySelector('#Signature')!.remove();
    write(win, 'Hello');
    expect(win.ownTextRange()!.toString()).toBe('Hello');
  });
});

describe('Outlook: controls', () => {
  it('knows Send by test id, by its icon and inside the button, but not the "more send options" arrow', () => {
    const { win } = only('compose-new');
    const send = win.root.querySelector('[data-testid="ComposeSendButton"]')!;
    expect(win.isSendControl(send)).toBe(true);
    expect(win.isSendControl(send.querySelector('[data-icon-name="Send"]'))).toBe(true);
    expect(win.isSendControl(win.root.querySelector('[aria-haspopup]'))).toBe(false);
    expect(win.isSendControl(win.body)).toBe(false);
    expect(win.isSendControl(null)).toBe(false);
    expect(win.isDiscardControl(send)).toBe(false);
  });

  it('credits a pick in the send menu (schedule send) to the window whose arrow opened it', () => {
    const doc = load('two-drafts');
    const [reply, fresh] = windowsIn(doc);
    const menu = doc.createElement('div');
    menu.setAttribute('role', 'menu');
    const item = doc.createElement('button');
    item.setAttribute('role', 'menuitem');
    menu.append(item);
    doc.body.append(menu);
    const arrow = fresh!.root.querySelector('[aria-haspopup="menu"]');
    expect(fresh!.isSendControl(arrow)).toBe(false);
    expect(fresh!.isSendControl(item)).toBe(true);
    expect(reply!.isSendControl(item)).toBe(false);
    expect(fresh!.isSendControl(doc.querySelector('#MailList'))).toBe(false);
  });

  it('knows Discard by its icon', () => {
    const { win } = only('compose-new');
    const discard = win.root.querySelector('[data-icon-name="Delete"]')!.closest('button');
    expect(win.isDiscardControl(discard)).toBe(true);
    expect(win.isSendControl(discard)).toBe(false);
  });

  it('finds Send in a German Outlook without a test id (icon) and without an icon (translated label)', () => {
    const { doc, win } = only('german');
    const send = win.root.querySelector('[aria-label="Senden"]')!;
    expect(win.isSendControl(send)).toBe(true);
    expect(win.isDiscardControl(win.root.querySelector('[aria-label="Verwerfen"]'))).toBe(true);
    send.querySelector('[data-icon-name]')!.remove();
    const again = outlookHost.findComposeWindows(doc).windows[0]!;
    expect(again.isSendControl(send)).toBe(true);
  });

  it('finds the body without aria-multiline through the editor host', () => {
    const doc = load('compose-new');
    doc.querySelector('[aria-multiline="true"]')!.removeAttribute('aria-multiline');
    const windows = windowsIn(doc);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.body.getAttribute('aria-label')).toMatch(/^Message body/);
  });

  it('never takes our own UI for a Send control', () => {
    const { win } = only('compose-new');
    const host = win.root.ownerDocument.createElement('div');
    host.setAttribute('data-callfirst', 'nudge');
    const button = win.root.ownerDocument.createElement('button');
    button.setAttribute('aria-label', 'Send');
    host.append(button);
    (win.nudgeAnchor() as Element).after(host);
    expect(win.isSendControl(button)).toBe(false);
    expect(win.isSendControl(host)).toBe(false);
  });

  it('anchors the nudge after the Send row, outside the body', () => {
    for (const name of ['compose-new', 'reply-inline', 'popout', 'german'] as const) {
      const { win } = only(name);
      const anchor = win.nudgeAnchor() as Element;
      expect(anchor.parentElement!.contains(win.body)).toBe(true);
      expect(anchor.contains(win.body)).toBe(false);
      expect(anchor.querySelector('[data-icon-name="Send"]')).not.toBeNull();
    }
  });

  it('anchors the nudge beside the Send row when one wrapper holds the whole form', () => {
    const doc = load('compose-new');
    const root = doc.querySelector<HTMLElement>('#docking_InitVisiblePart_0')!;
    const wrapper = doc.createElement('div');
    wrapper.append(...root.childNodes);
    root.append(wrapper);
    const win = windowsIn(doc)[0]!;
    const anchor = win.nudgeAnchor() as Element;
    expect(anchor.parentElement).toBe(wrapper);
    expect(anchor.getAttribute('role')).toBe('toolbar');
  });

  it('sees a blocking validation dialog only while it is shown', () => {
    const doc = load('compose-new');
    expect(outlookHost.hasBlockingDialog(doc)).toBe(false);
    const dialog = doc.createElement('div');
    dialog.setAttribute('role', 'alertdialog');
    doc.body.append(dialog);
    expect(outlookHost.hasBlockingDialog(doc)).toBe(true);
    dialog.hidden = true;
    expect(outlookHost.hasBlockingDialog(doc)).toBe(false);
  });
});

describe('Outlook: when the page changes', () => {
  it('leaves a body without a Send button alone and reports it', () => {
    const doc = load('compose-new');
    for (const el of doc.querySelectorAll('[data-icon-name="Send"], [data-testid="ComposeSendButton"]')) el.remove();
    const { windows, problems } = outlookHost.findComposeWindows(doc);
    expect(windows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({ key: 'problemBodyWithoutSend' });
  });

  it('reports a Send button without a body the selectors can find', () => {
    const doc = load('compose-new');
    const body = doc.querySelector('[aria-multiline="true"]')!;
    body.removeAttribute('aria-multiline');
    body.removeAttribute('aria-label');
    body.parentElement!.removeAttribute('id');
    const { windows, problems } = outlookHost.findComposeWindows(doc);
    expect(windows).toEqual([]);
    expect(problems).toEqual([{ key: 'problemSendWithoutBody' }]);
  });

  it('does not take a read-only body for a draft even when it claims to be a multi-line textbox', () => {
    const doc = load('reply-inline');
    const readOnly = doc.querySelector('[id^="UniqueMessageBody_"]')!;
    readOnly.setAttribute('aria-multiline', 'true');
    readOnly.setAttribute('role', 'textbox');
    expect(windowsIn(doc)).toHaveLength(1);
  });
});

describe('Outlook: parts of a window that come twice, one copy hidden', () => {
  it('reads the shown, filled subject, not the hidden empty one before it, while the app carries aria-hidden', () => {
    const { win } = only('hidden-copies');
    expect(win.readSubject()).toBe('Kick-off agenda');
    expect(win.readRecipients()).toEqual([{ address: 'lee.chen@fabrikam.example', name: 'Lee Chen' }]);
  });

  it('reads a hidden subject when it is the only one filled, and nothing when none is', () => {
    const { doc, win } = only('hidden-copies');
    const [hidden, shown] = doc.querySelectorAll<HTMLInputElement>('input[maxlength="255"]');
    shown!.value = '';
    hidden!.value = 'Kick-off';
    expect(win.readSubject()).toBe('Kick-off');
    hidden!.value = '';
    expect(win.readSubject()).toBe('');
  });
});
