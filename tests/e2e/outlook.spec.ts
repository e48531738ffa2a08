/**
 * The coach in Outlook on the web, end to end: the built extension in real Chromium, fixture pages
 * served at Outlook's real addresses. Tests share one browser per worker, so each opens its own page
 * and measures what reaches the background as a difference, never as an absolute count.
 */
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { analysed, expect, serveFixtureAssets, test } from './harness';
import {
  addressIn,
  bodies,
  caretAtTop,
  coached,
  fixtureHtml,
  HOSTS,
  OFFICE,
  openOutlook,
  tagOf,
} from './outlook-fixtures';
import { atDoubleZoom, boxOf, caretBox, expectCardFits, overlaps } from './layout';
import { levelOf } from './verdict';

/** The part of the extension API these tests call inside the service worker. */
declare const chrome: {
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

const CHECKIN = 'Hi Dana, just checking in to see if you had any updates on the renewal. Any update?';
const FINE = 'Hi Dana, the signed order form is attached. Counter-signature by Friday works for us.';

function nudges(page: Page): Locator {
  return page.locator('[data-callfirst="nudge"]:not([hidden])');
}

/** The nudge that belongs to a compose form of the fixture (data-fixture-form names it). */
function nudgeIn(page: Page, form: string): Locator {
  return page.locator(`[data-fixture-form="${form}"] [data-callfirst="nudge"]:not([hidden])`);
}

async function write(page: Page, body: Locator, text: string): Promise<void> {
  await caretAtTop(body);
  await page.keyboard.type(text, { delay: 2 });
}

/** Opens `fixture` (under tests/fixtures/outlook) at `url` and types `text` at the top of its first draft. */
async function openAndWrite(context: BrowserContext, url: string, fixture: string, text: string): Promise<Page> {
  const page = await openOutlook(context, url, `outlook/${fixture}.html`);
  await write(page, bodies(page).first(), text);
  return page;
}

/** Once the coach has analysed the draft, no nudge has appeared. */
async function expectNoNudge(page: Page): Promise<void> {
  await analysed(page);
  await expect(nudges(page)).toHaveCount(0);
}

/** Opens the nudge's menu and picks one of its actions (data-action). */
async function choose(nudge: Locator, action: string): Promise<void> {
  await nudge.locator('button[aria-expanded]').click();
  await nudge.locator(`[data-action="${action}"]`).click();
}

/** Outlook's Send button, in the page or in one compose form. */
function sendButton(scope: Page | Locator): Locator {
  return scope.locator('[data-testid="ComposeSendButton"]');
}

interface Seen {
  type?: string;
  event?: {
    type?: string;
    key?: string;
    host?: string;
    recipients?: { address?: string; name?: string }[];
    contact?: { address?: string; name?: string };
    notes?: Record<string, string>;
    action?: string;
    source?: string;
  };
}

/** Test instrumentation: remember every message that reaches the background. */
async function listen(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __seenInstalled?: boolean; __seen?: unknown[] };
    if (g.__seenInstalled) return;
    g.__seenInstalled = true;
    g.__seen ??= [];
    chrome.runtime.onMessage.addListener((message: unknown) => {
      g.__seen!.push(message);
    });
  });
}

async function seen(sw: Worker): Promise<Seen[]> {
  return sw.evaluate(() => ((globalThis as unknown as { __seen?: unknown[] }).__seen ?? []) as Seen[]);
}

/** Listens (once per worker) and returns how many messages were seen before now: the `from` of what follows. */
async function listenFrom(sw: Worker): Promise<number> {
  await listen(sw);
  return (await seen(sw)).length;
}

/** The events recorded after `from` messages. */
async function recordsSince(sw: Worker, from: number): Promise<Seen[]> {
  return (await seen(sw)).slice(from).filter((m) => m.type === 'record');
}

/** email_sent records from Outlook after `from` messages, one per idempotency key. */
async function sendsSince(sw: Worker, from: number): Promise<Seen[]> {
  const events = (await recordsSince(sw, from)).filter((m) => m.event?.type === 'email_sent');
  const byKey = new Map(events.map((m) => [m.event!.key, m]));
  return [...byKey.values()];
}

async function expectSends(sw: Worker, from: number, count: number): Promise<Seen[]> {
  await expect.poll(async () => (await sendsSince(sw, from)).length).toBe(count);
  // Give a double count every chance to show up before trusting the number.
  await new Promise((resolve) => setTimeout(resolve, 800));
  const sends = await sendsSince(sw, from);
  expect(sends).toHaveLength(count);
  return sends;
}

/** The compose form closed, and `count` sends were recorded after `from`. */
async function expectClosed(page: Page, sw: Worker, from: number, count: number): Promise<void> {
  await expect(page.locator('[data-fixture-form]')).toHaveCount(0);
  await expectSends(sw, from, count);
}

async function sentInPage(page: Page): Promise<{ form: string; html: string; text: string }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { __outlookFixture: { sent: { form: string; html: string; text: string }[] } })
        .__outlookFixture.sent,
  );
}

/** The text of the body above the signature: the rep's own words. */
async function ownText(body: Locator): Promise<string> {
  return body.evaluate((el) => {
    let text = '';
    for (const child of el.childNodes) {
      if (child instanceof Element && child.id === 'Signature') break;
      text += `${child.textContent ?? ''}\n`;
    }
    return text.trim();
  });
}

/** The quoted history: #divRplyFwdMsg and everything after it. */
async function historyText(page: Page): Promise<string> {
  return page.locator('#divRplyFwdMsg').evaluate((el) => {
    let text = '';
    for (let node: Element | null = el; node; node = node.nextElementSibling) text += node.textContent;
    return text;
  });
}

for (const url of HOSTS) {
  const host = new URL(url).host;

  test.describe(`on ${host}`, () => {
    for (const fixture of ['compose-new', 'reply-inline', 'popout'] as const) {
      test(`a check-in in ${fixture} shows the nudge with "checkin"`, async ({ extensionContext }) => {
        // A pop-out compose window has its own address under /mail/deeplink/.
        const at = fixture === 'popout' ? new URL('deeplink/compose?popoutv2=1', url).href : url;
        const page = await openAndWrite(extensionContext, at, fixture, CHECKIN);
        await expect(nudges(page)).toHaveCount(1);
        await expect(nudges(page)).toHaveAttribute('data-reasons', /(^|,)checkin(,|$)/);
        await expect(nudges(page)).toHaveAttribute('data-level', levelOf(CHECKIN));
        await page.close();
      });
    }

    test('a short purposeful email shows no nudge', async ({ extensionContext }) => {
      const page = await openAndWrite(extensionContext, url, 'compose-new', FINE);
      await expectNoNudge(page);
      await page.close();
    });

    test('quoted check-in phrases in the history do not trigger it', async ({ extensionContext }) => {
      const page = await openOutlook(extensionContext, url, 'outlook/reply-inline.html');
      await expect(page.locator('#divRplyFwdMsg ~ div')).toContainText('Just checking in');
      await write(page, bodies(page).first(), FINE);
      await expectNoNudge(page);
      await page.close();
    });
  });
}

test('the read-only message bodies are never coached', async ({ extensionContext }) => {
  const page = await openOutlook(extensionContext, OFFICE, 'outlook/reply-inline.html');
  // The read-only body in the reading pane is full of check-ins: with an empty draft, nothing shows.
  await expectNoNudge(page);
  await expect(page.locator('[id^="UniqueMessageBody_"] [data-callfirst]')).toHaveCount(0);
  await page.close();
});

test('"Ask for a call instead" replaces the own text and keeps signature and quoted history', async ({
  extensionContext,
}) => {
  const page = await openOutlook(extensionContext, OFFICE, 'outlook/reply-inline.html');
  const body = bodies(page).first();
  const historyBefore = await historyText(page);
  await write(page, body, CHECKIN);
  const nudge = nudges(page);
  await expect(nudge).toHaveAttribute('data-reasons', /checkin/);
  await choose(nudge, 'call_request');
  await expect(body).toContainText('10 minutes');
  await expect(body).not.toContainText('just checking in to see');
  expect(await historyText(page)).toBe(historyBefore);
  await expect(body.locator('#Signature')).toContainText('Sam Carter');
  await expect(body.locator('[data-callfirst]')).toHaveCount(0);
  // It went through the editor: Ctrl+Z brings the rep's words back.
  await body.focus();
  await page.keyboard.press('Control+z');
  await expect(body).toContainText('just checking in to see');
  await page.close();
});

test.describe('sending', () => {
  test('a click on Send counts one send, with the recipients and no markup of ours in the mail', async ({
    extensionContext,
    serviceWorker,
  }) => {
    const from = await listenFrom(serviceWorker);
    const page = await openAndWrite(extensionContext, OFFICE, 'reply-inline', CHECKIN);
    await expect(nudges(page)).toHaveCount(1);
    await sendButton(page).click();
    const [sent] = await expectSends(serviceWorker, from, 1);
    expect(sent!.event!.host).toBe('outlook');
    expect(sent!.event!.recipients).toEqual([
      { name: 'Dana Reyes', address: addressIn(page, 'dana.reyes@contoso.example') },
    ]);
    const mail = await sentInPage(page);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.html).not.toMatch(/callfirst/i);
    expect(mail[0]!.text).toContain('just checking in');
    await page.close();
  });

  test('Ctrl+Enter in the body counts one send', async ({ extensionContext, serviceWorker }) => {
    const from = await listenFrom(serviceWorker);
    const page = await openAndWrite(extensionContext, OFFICE, 'compose-new', FINE);
    await page.keyboard.press('Control+Enter');
    await expectClosed(page, serviceWorker, from, 1);
    await page.close();
  });

  test('Enter and Space on a focused Send button each count one send', async ({ extensionContext, serviceWorker }) => {
    for (const key of ['Enter', 'Space']) {
      const from = await listenFrom(serviceWorker);
      const page = await openAndWrite(extensionContext, OFFICE, 'popout', FINE);
      await sendButton(page).focus();
      await page.keyboard.press(key);
      await expectClosed(page, serviceWorker, from, 1);
      await page.close();
    }
  });

  test('a discard is not a send', async ({ extensionContext, serviceWorker }) => {
    const from = await listenFrom(serviceWorker);
    const page = await openAndWrite(extensionContext, OFFICE, 'compose-new', CHECKIN);
    await expect(nudges(page)).toHaveCount(1);
    await page.locator('[data-fixture-action="discard"]').click();
    await expectClosed(page, serviceWorker, from, 0);
    await page.close();
  });

  test('a send stopped by a validation dialog is not a send; the send after fixing it is', async ({
    extensionContext,
    serviceWorker,
  }) => {
    const from = await listenFrom(serviceWorker);
    const page = await openOutlook(extensionContext, OFFICE, 'outlook/compose-new.html');
    const to = page.locator('[data-fixture-well="to"]');
    await to.evaluate((el) => el.replaceChildren());
    await write(page, bodies(page).first(), FINE);
    await sendButton(page).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectSends(serviceWorker, from, 0);
    await page.getByRole('alertdialog').getByRole('button').click();
    await to.evaluate((el, address) => el.append(address), addressIn(page, 'kim@tailspin.example'));
    await sendButton(page).click();
    const [sent] = await expectSends(serviceWorker, from, 1);
    expect(sent!.event!.recipients).toEqual([{ address: addressIn(page, 'kim@tailspin.example') }]);
    await page.close();
  });
});

test('schedule send from the Send menu counts one send', async ({ extensionContext, serviceWorker }) => {
  const from = await listenFrom(serviceWorker);
  const page = await openAndWrite(extensionContext, OFFICE, 'compose-new', FINE);
  await page.locator('[aria-haspopup="menu"]').click();
  await page.getByRole('menuitem').click();
  await expectClosed(page, serviceWorker, from, 1);
  await page.close();
});

test('the nudge never takes focus, moves nothing, changes nothing by itself, is reached by keyboard, and dials the number in view', async ({
  extensionContext,
  serviceWorker,
}) => {
  const from = await listenFrom(serviceWorker);
  const page = await openOutlook(extensionContext, OFFICE, 'outlook/reply-inline.html');
  const body = bodies(page).first();
  const send = sendButton(page);
  const bodyBefore = await boxOf(body);
  await write(page, body, CHECKIN);
  const typed = await body.evaluate((el) => new XMLSerializer().serializeToString(el));
  await expect(nudges(page)).toHaveCount(1);
  const nudge = nudges(page);
  const chip = nudge.getByRole('button', { name: 'CallFirst suggestion: Faster as a call?' });
  await expect(chip).toBeVisible();
  await page.waitForTimeout(600);
  expect(await body.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await body.evaluate((el) => new XMLSerializer().serializeToString(el))).toBe(typed);
  // The nudge sits outside the body, beside Send; the draft did not move when it came (the reply's body is
  // below Send), and it covers neither Send nor the caret.
  await expect(body.locator('[data-callfirst]')).toHaveCount(0);
  expect(await boxOf(body)).toEqual(bodyBefore);
  const caret = await caretBox(page);
  expect(overlaps(await boxOf(chip), caret), 'the chip covers the caret').toBe(false);
  expect(overlaps(await boxOf(chip), await boxOf(send)), 'the chip covers Send').toBe(false);
  // Keyboard only. Outlook's editor keeps Tab (it inserts a tab), so the chip leaves it to the editor and
  // is said to be beside Send; it follows the Send row in the page's order. Shift+Tab goes back to the caret.
  await expect(nudge.getByRole('status')).toHaveText(/beside the Send button/);
  const tabs = () => body.evaluate((el) => el.textContent.split('\t').length - 1);
  const tabsBefore = await tabs();
  await page.keyboard.press('Tab');
  await expect(body).toBeFocused();
  expect(await tabs()).toBe(tabsBefore + 1);
  await page.keyboard.press('Backspace');
  expect(await tabs()).toBe(tabsBefore);
  await send.focus();
  await page.keyboard.press('Tab'); // Discard
  await page.keyboard.press('Tab');
  await expect(chip).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(body).toBeFocused();
  expect(await caretBox(page)).toEqual(caret);
  await send.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(chip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(chip).toHaveAttribute('aria-expanded', 'true');
  const card = nudge.getByRole('region');
  await expectCardFits(card, page.locator('[data-fixture-form="reply"]'), send);
  // A narrow reading pane at 200% zoom: the card wraps and scrolls inside, never sideways, never over Send.
  await atDoubleZoom(page, () => expectCardFits(card, page.locator('[data-fixture-form="reply"]'), send));
  // "Call" dials: the card asks how the call went with the opener as purpose; the call counts on Save only.
  const call = nudge.locator('[data-action="call_now"]');
  await expect(call).toHaveAttribute('href', 'tel:+14155550142');
  // Keep the test page from handing tel: to the OS (the card's own handler runs first): headless Chromium
  // given a tel: navigation can stop passing mouse input to the page, and the Save click below then never lands.
  await page.evaluate(() =>
    document.addEventListener('click', (e) => {
      const target = e.composedPath()[0];
      if (target instanceof Element && target.closest('a[href^="tel:"]')) e.preventDefault();
    }),
  );
  await call.click();
  await expect(nudge.getByRole('heading', { name: 'How did the call go?' })).toBeVisible();
  const purpose = nudge.locator('textarea[name="purpose"]');
  await expect(purpose).toHaveValue(/^The purpose of my call is/);
  const accepted = async () =>
    (await recordsSince(serviceWorker, from)).filter((m) => m.event?.type === 'nudge_accepted');
  await expect.poll(async () => (await accepted()).length).toBe(1);
  expect((await recordsSince(serviceWorker, from)).filter((m) => m.event?.type === 'call_logged')).toEqual([]);
  const opener = await purpose.inputValue();
  await nudge.locator('textarea[name="discussed"]').fill('Tiers');
  await nudge.locator('form button[type="submit"]').click();
  await expect
    .poll(async () => (await recordsSince(serviceWorker, from)).filter((m) => m.event?.type === 'call_logged'))
    .toMatchObject([{ event: { source: 'tel', notes: { purpose: opener, discussed: 'Tiers' } } }]);
  expect(await accepted()).toMatchObject([{ event: { action: 'call_now' } }]);
  await page.close();
});

test('a draft opened after the page loaded is coached, and its nudge leaves with it', async ({ extensionContext }) => {
  const page = await openOutlook(extensionContext, OFFICE, 'outlook/compose-new.html');
  await page.evaluate(() => {
    const form = document.querySelector('[data-fixture-form="new"]')!;
    const copy = form.cloneNode(true) as HTMLElement;
    copy.id = 'docking_InitVisiblePart_7';
    copy.setAttribute('data-fixture-form', 'later');
    copy.querySelector('[data-callfirst]')?.remove();
    document.querySelector('#app')!.append(copy);
  });
  await write(page, page.locator('[data-fixture-form="later"] [aria-multiline="true"]'), CHECKIN);
  await expect(nudgeIn(page, 'later')).toHaveAttribute('data-reasons', /checkin/);
  await expect(nudgeIn(page, 'new')).toHaveCount(0);
  await page.locator('[data-fixture-form="later"] [data-fixture-action="discard"]').click();
  await expect(page.locator('[data-callfirst="nudge"]:not([hidden])')).toHaveCount(0);
  await page.close();
});

test('a pop-out opened from the mailbox as its own window is coached and counts its send', async ({
  extensionContext,
  serviceWorker,
}) => {
  const from = await listenFrom(serviceWorker);
  const mailbox = await openOutlook(extensionContext, OFFICE, 'outlook/reply-inline.html');
  const popoutHtml = fixtureHtml('outlook/popout.html', tagOf(mailbox));
  await extensionContext.route('https://outlook.office.com/mail/deeplink/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: popoutHtml }),
  );
  const [popout] = await Promise.all([
    extensionContext.waitForEvent('page'),
    mailbox.evaluate(() => window.open('/mail/deeplink/compose?popoutv2=1', '_blank', 'popup,width=800,height=600')),
  ]);
  await coached(popout);
  await write(popout, bodies(popout).first(), CHECKIN);
  await expect(nudges(popout)).toHaveAttribute('data-reasons', /checkin/);
  await expect(nudges(mailbox)).toHaveCount(0);
  await sendButton(popout).click();
  const [sent] = await expectSends(serviceWorker, from, 1);
  expect(sent!.event!.recipients).toEqual([
    { name: 'Priya Natarajan' },
    { name: 'Lee Chen', address: addressIn(mailbox, 'lee.chen@fabrikam.example') },
  ]);
  await popout.close();
  await mailbox.close();
});

test('"Use the purpose opener" replaces the check-in sentence and nothing else', async ({ extensionContext }) => {
  const page = await openOutlook(extensionContext, OFFICE, 'outlook/reply-inline.html');
  const body = bodies(page).first();
  const historyBefore = await historyText(page);
  await write(page, body, 'Hi Dana,');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Just checking in to see if you had any updates on the renewal.', { delay: 2 });
  const nudge = nudges(page);
  await expect(nudge).toHaveAttribute('data-reasons', /checkin/);
  await choose(nudge, 'opener');
  await expect.poll(() => ownText(body)).toMatch(/^Hi Dana,\s*The purpose of my call is .+$/);
  expect(await ownText(body)).not.toContain('checking in');
  expect(await historyText(page)).toBe(historyBefore);
  await expect(body.locator('#Signature')).toContainText('Sam Carter');
  await page.close();
});

test('"I\'ll call — log it" records the call for the recipient, with the notes the rep wrote', async ({
  extensionContext,
  serviceWorker,
}) => {
  const from = await listenFrom(serviceWorker);
  const page = await openAndWrite(extensionContext, OFFICE, 'reply-inline', CHECKIN);
  const nudge = nudges(page);
  await choose(nudge, 'log_call');
  const fields = nudge.locator('form textarea');
  await fields.nth(0).fill('Agree the renewal start date');
  await fields.nth(1).fill('Tiers, legal review');
  await fields.nth(2).fill('Start on the 1st');
  await fields.nth(3).fill('Confirm the order form');
  await nudge.locator('form button[type="submit"]').click();
  await expect
    .poll(async () => (await recordsSince(serviceWorker, from)).find((m) => m.event?.type === 'call_logged'))
    .toMatchObject({
      event: {
        host: 'outlook',
        contact: { address: addressIn(page, 'dana.reyes@contoso.example') },
        notes: { purpose: 'Agree the renewal start date', discussed: 'Tiers, legal review' },
      },
    });
  await page.close();
});

test('"Not now" hides the nudge for this draft and records it, as nudge_shown was', async ({
  extensionContext,
  serviceWorker,
}) => {
  const from = await listenFrom(serviceWorker);
  const page = await openAndWrite(extensionContext, OFFICE, 'compose-new', CHECKIN);
  const nudge = nudges(page);
  await expect(nudge).toHaveCount(1);
  await choose(nudge, 'snooze');
  await expect(nudges(page)).toHaveCount(0);
  await page.keyboard.type(' Any update?', { delay: 2 });
  await analysed(page);
  await expect(nudges(page)).toHaveCount(0);
  await expect
    .poll(async () =>
      (await recordsSince(serviceWorker, from)).filter((m) => m.event?.host === 'outlook').map((m) => m.event!.type),
    )
    .toEqual(expect.arrayContaining(['nudge_shown', 'nudge_dismissed']));
  await page.close();
});

test('a German Outlook works the same: nudge, and Send found without English labels', async ({
  extensionContext,
  serviceWorker,
}) => {
  const from = await listenFrom(serviceWorker);
  const page = await openAndWrite(extensionContext, 'https://outlook.office.com/mail/', 'german', CHECKIN);
  await expect(nudges(page)).toHaveAttribute('data-reasons', /checkin/);
  await page.locator('[data-fixture-action="send"]').click();
  const [sent] = await expectSends(serviceWorker, from, 1);
  expect(sent!.event!.recipients).toEqual([
    { name: 'Jonas Weber', address: addressIn(page, 'jonas.weber@beispiel.example') },
  ]);
  await page.close();
});

test('two drafts at once each get their own nudge and count their own send', async ({
  extensionContext,
  serviceWorker,
}) => {
  await listen(serviceWorker);
  const page = await openOutlook(extensionContext, OFFICE, 'outlook/two-drafts.html');
  await write(page, bodies(page).nth(1), CHECKIN);
  await expect(nudgeIn(page, 'new')).toHaveCount(1);
  await analysed(page);
  await expect(nudgeIn(page, 'reply')).toHaveCount(0);
  await write(page, bodies(page).nth(0), CHECKIN);
  await expect(nudgeIn(page, 'reply')).toHaveCount(1);
  await expect(nudges(page)).toHaveCount(2);
  const from = await listenFrom(serviceWorker);
  await sendButton(page.locator('[data-fixture-form="reply"]')).click();
  await expectSends(serviceWorker, from, 1);
  await expect(nudgeIn(page, 'new')).toHaveCount(1);
  await page.close();
});

test('a page Outlook changed is left alone and leaves a diagnostic, worded on the options page', async ({
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  // A compose form whose Send button no longer matches anything we know.
  const html = fixtureHtml('outlook/compose-new.html', 'changed').replace(
    /\s(data-testid|aria-label|title|data-icon-name)="(ComposeSendButton|Send|Send \(Ctrl\+Enter\))"/g,
    '',
  );
  expect(html).not.toMatch(/"Send"|ComposeSendButton/);
  const url = 'https://outlook.office.com/mail/changed';
  await extensionContext.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await serveFixtureAssets(extensionContext, new URL(url).origin);
  const page = await coached(await extensionContext.newPage().then(async (p) => (await p.goto(url), p)));
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await write(page, bodies(page).first(), CHECKIN);
  await page.waitForTimeout(1200);
  await expect(page.locator('[data-callfirst]')).toHaveCount(0);
  await expect
    .poll(async () =>
      serviceWorker.evaluate(async () => {
        const { diagnostics } = (await chrome.storage.local.get('diagnostics')) as {
          diagnostics?: { outlook?: { lastProblem?: { key: string } } };
        };
        return diagnostics?.outlook?.lastProblem?.key ?? '';
      }),
    )
    .toMatch(/Send/);
  expect(errors).toEqual([]);
  await page.close();
  const options = await extensionContext.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('[data-site="outlook"]')).toContainText(/Last problem \(.+\): a .*Send button/);
  await options.close();
});
