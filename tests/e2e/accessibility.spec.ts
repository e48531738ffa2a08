/**
 * axe-core audits, in real Chromium with the built extension, of everything CallFirst shows: the
 * popup (with a dashboard full of data, and with its Log a call form open), the options page (and
 * its delete confirmation), and the nudge on the Gmail fixture with its card open, its call log open
 * and its Undo shown (axe reads into the open shadow root), each in the light and the dark colour
 * scheme. Every WCAG 2.x A and AA rule, axe's best practices and its experimental rules (label in
 * name is one) must pass: zero violations of any impact.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './harness';
import { openGmail } from './gmail-fixtures';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];
const DAY = 86_400_000;
const NUDGE = '[data-callfirst="nudge"]';

/** The violations axe finds in `page` (within `include`, when given), as readable lines. */
async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const { violations: found } = await builder.analyze();
  return found.flatMap((v) =>
    v.nodes.map((n) => `${v.impact ?? 'unknown'} ${v.id}: ${v.help} at ${n.target.join(' ')} (${n.failureSummary})`),
  );
}

/** Records a spread of events through the background (as the coach and the popup do): a full dashboard. */
async function seedLedger(page: Page): Promise<void> {
  await page.evaluate(async (day) => {
    const send = (m: unknown) => chrome.runtime.sendMessage(m);
    await send({ type: 'clear_ledger' });
    const now = Date.now();
    const dana = { address: 'dana@acme.example', name: 'Dana Whitfield' };
    const notes = { purpose: 'Renewal', discussed: 'Pricing', proposed: 'A pilot', nextPurpose: 'Sign-off' };
    for (let d = 0; d < 10; d++) {
      const at = now - d * day;
      await send({
        type: 'record',
        event: { type: 'call_logged', key: `a11y:c${d}`, at, contact: dana, source: 'form', notes },
      });
      await send({
        type: 'record',
        event: {
          type: 'email_sent',
          key: `a11y:e${d}`,
          at: at + 1,
          host: 'gmail',
          recipients: [{ address: `lee${d % 3}@globex.example`, name: `Lee ${d % 3}` }],
          level: 'none',
          reasons: [],
        },
      });
    }
    const recipients = [{ address: 'lee0@globex.example' }];
    await send({
      type: 'record',
      event: { type: 'nudge_accepted', key: 'a11y:na', at: now, recipients, action: 'opener', reasons: ['checkin'] },
    });
    await send({
      type: 'record',
      event: { type: 'nudge_dismissed', key: 'a11y:nd', at: now, recipients, action: 'snooze', reasons: ['checkin'] },
    });
  }, DAY);
}

async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  path: string,
  scheme: 'light' | 'dark',
): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme} colour scheme`, () => {
    test('the popup, with a full dashboard and with its Log a call form open, has no axe violations', async ({
      extensionContext,
      extensionId,
    }) => {
      const page = await openExtensionPage(extensionContext, extensionId, 'popup.html', scheme);
      await seedLedger(page);
      await page.reload();
      await expect(page.getByTestId('calls-today')).toHaveText('1');
      await expect(page.getByTestId('overdue').locator('li')).not.toHaveCount(0);
      await expect(page.getByTestId('nudges')).toBeVisible();
      expect(await violations(page)).toEqual([]);

      await page.getByRole('button', { name: '30 days' }).click();
      await page.getByTestId('log-call').click();
      await expect(page.getByTestId('log-call-form')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    test('the options page, and its delete confirmation, have no axe violations', async ({
      extensionContext,
      extensionId,
    }) => {
      const page = await openExtensionPage(extensionContext, extensionId, 'options.html', scheme);
      await expect(page.locator('form').first()).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await violations(page)).toEqual([]);

      await page.getByTestId('delete-all').click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    test('the nudge on Gmail, with its card open, its call log open and its Undo shown, has no axe violations', async ({
      extensionContext,
    }) => {
      const page = await openGmail(extensionContext, 'compose-new.html', scheme === 'dark' ? '#inbox-dark' : '#inbox');
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.locator('[g_editable]').click();
      await page.keyboard.type('Hi Dana, just checking in to see if there is any update?', { delay: 3 });
      const nudge = page.locator(NUDGE);
      await expect(nudge).toHaveAttribute('data-theme', scheme);
      await nudge.getByRole('button', { name: 'Faster as a call?' }).click();
      await expect(nudge.getByRole('region')).toBeVisible();
      expect(await violations(page, NUDGE)).toEqual([]);

      await nudge.locator('[data-action="log_call"]').click();
      await expect(nudge.locator('form')).toBeVisible();
      expect(await violations(page, NUDGE)).toEqual([]);

      // After "ask for a call instead": the changed-draft line with its Undo.
      await nudge.locator('form button.quiet').click();
      await nudge.locator('[data-action="call_request"]').click();
      await expect(nudge.locator('[data-action="undo"]')).toBeVisible();
      expect(await violations(page, NUDGE)).toEqual([]);
      await page.close();
    });
  });
}
