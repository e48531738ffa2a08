import { expect, openFixture, test } from './harness';

const MAIL_PAGES = [
  { url: 'https://mail.google.com/mail/u/0/#inbox', host: 'gmail' },
  { url: 'https://outlook.office.com/mail/', host: 'outlook' },
  { url: 'https://outlook.office365.com/mail/inbox', host: 'outlook' },
  { url: 'https://outlook.live.com/mail/0/', host: 'outlook' },
];

for (const { url, host } of MAIL_PAGES) {
  test(`the ${host} content script runs on ${new URL(url).host}`, async ({ extensionContext }) => {
    const page = await openFixture(extensionContext, url, 'plain.html');
    await expect(page.locator('html')).toHaveAttribute('data-callfirst-host', host);
    await page.close();
  });
}

test('no content script runs on other sites', async ({ extensionContext }) => {
  const page = await openFixture(extensionContext, 'https://example.com/mail/', 'plain.html');
  // Give a content script every chance to run before asserting it did not.
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await expect(page.locator('html')).not.toHaveAttribute('data-callfirst-host', /.*/);
  await page.close();
});

for (const name of ['popup', 'options']) {
  test(`the ${name} page renders without console errors`, async ({ extensionContext, extensionId }) => {
    const page = await extensionContext.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`chrome-extension://${extensionId}/${name}.html`);
    await expect(page.locator('h1').first()).toBeVisible();
    expect(errors).toEqual([]);
    await page.close();
  });
}
