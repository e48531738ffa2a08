// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { gmailHost } from '../../../lib/hosts/gmail';
import { outlookHost } from '../../../lib/hosts/outlook';

function page(html: string): void {
  document.body.innerHTML = html; // test markup only
}
const el = (css: string) => document.querySelector(css);

beforeEach(() => page(''));

describe('Gmail Undo Send', () => {
  const offer = gmailHost.undoSend!;

  it('is offered while the toast shows its Undo link, in any language', () => {
    expect(offer.isOffered(document)).toBe(false);
    page('<div role="alert">Nachricht gesendet. <span id="link_undo" role="link" tabindex="0">Rückgängig</span></div>');
    expect(offer.isOffered(document)).toBe(true);
    expect(offer.isUndoControl(el('#link_undo'))).toBe(true);
    expect(offer.isUndoControl(el('[role="alert"]'))).toBe(false);
  });

  it('is not offered while the toast is hidden', () => {
    page('<div style="display:none"><span id="link_undo" role="link">Undo</span></div>');
    expect(offer.isOffered(document)).toBe(false);
  });

  it('lasts at most 30 seconds (Gmail setting)', () => {
    expect(offer.longestMs).toBe(30_000);
  });
});

describe('Outlook Undo Send', () => {
  const offer = outlookHost.undoSend!;

  it('is offered while the notification shows an Undo button (English or German)', () => {
    page('<div role="alert">Sending… <button>Undo</button></div>');
    expect(offer.isOffered(document)).toBe(true);
    expect(offer.isUndoControl(el('button'))).toBe(true);
    page('<div role="status">Wird gesendet… <button aria-label="Rückgängig">↶</button></div>');
    expect(offer.isOffered(document)).toBe(true);
  });

  it('ignores other buttons in notifications and Undo buttons elsewhere (the editor toolbar)', () => {
    page('<div role="alert">Saved <button>Dismiss</button></div><div role="toolbar"><button>Undo</button></div>');
    expect(offer.isOffered(document)).toBe(false);
    expect(offer.isUndoControl(el('[role="toolbar"] button'))).toBe(false);
    expect(offer.isUndoControl(el('[role="alert"] button'))).toBe(false);
  });

  it('never takes our own UI for the site', () => {
    page('<div role="alert" data-callfirst><button>Undo</button></div>');
    expect(offer.isUndoControl(el('button'))).toBe(false);
  });
});
