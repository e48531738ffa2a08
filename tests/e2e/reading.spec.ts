/**
 * Reading a compose window whose parts come twice, one copy hidden (docs/hosts.md): Gmail's hidden
 * plain-text textarea labelled "Message Body" beside the editor, and a hidden, empty subject field
 * before the visible one (in Outlook while its app carries aria-hidden). The coach reads the shown,
 * filled copies, so the opener names the draft's subject instead of falling back to "where things stand".
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness';
import { openGmail } from './gmail-fixtures';
import { bodies, caretAtTop, OFFICE, openOutlook } from './outlook-fixtures';

const NUDGE = '[data-callfirst="nudge"]';
const CHECKIN = 'Hi, just checking in to see if there is any update?';

async function writeCheckin(page: Page, body: Locator): Promise<Locator> {
  await caretAtTop(body);
  await page.keyboard.type(CHECKIN, { delay: 2 });
  const nudge = page.locator(NUDGE);
  await expect(nudge).toHaveAttribute('data-reasons', /(^|,)checkin(,|$)/);
  // The chip by its state, not its accessible name: Outlook's app (and the nudge in it) can be aria-hidden.
  await nudge.locator('button[aria-expanded]').click();
  return nudge;
}

test('Gmail: the opener names the subject the rep sees, past a hidden empty copy and the plain-text body', async ({
  extensionContext,
}) => {
  const page = await openGmail(extensionContext, 'hidden-copies.html');
  const nudge = await writeCheckin(page, page.locator('[g_editable]'));
  await expect(nudge.getByText(/renewal for Q3/i)).toBeVisible();
  await page.close();
});

test('Outlook: the opener names the subject the rep sees, past a hidden empty copy, with the app aria-hidden', async ({
  extensionContext,
}) => {
  const page = await openOutlook(extensionContext, OFFICE, 'outlook/hidden-copies.html');
  const nudge = await writeCheckin(page, bodies(page).first());
  await expect(nudge.getByText(/kick-off agenda/i)).toBeVisible();
  await page.close();
});
