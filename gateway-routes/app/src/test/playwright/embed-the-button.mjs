// The manager's "Embed the button" in Debian's Chromium: the form loads the saved settings, the live preview shows the
// real widget with the form's unsaved values, a refusal of the server is shown next to its field, "Save" stores them;
// the snippet is the bare tag. A shop page on a site the manager added, with the bare tag, then shows the saved button
// (its colour, its text; nothing typed becomes markup); once he removed the site, the shop page's call to the API is
// refused (the test then sees the gateway's 403 itself) and a fresh page of it draws no button. axe-core finds no serious violation in the section.
// Usage: node embed-the-button.mjs <gateway base URL> <manager> <password> <shop origin>
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [base, manager, password, shop] = process.argv.slice(2);
const TIMEOUT = 20_000;
const RED = 'rgb(170, 0, 0)';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => { errors.push('a dialog opened: ' + dialog.message()); dialog.dismiss(); });
  await page.goto(base + 'manager');
  await page.fill('#username', manager);
  await page.fill('#password', password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#embed', { state: 'visible' });
  await page.locator('#embed-server-origins li', { hasText: 'https://fixed.example' }).waitFor();

  const preview = page.frameLocator('#embed-preview');
  await preview.locator('button.open', { hasText: 'Nobody is available - leave a message' }).waitFor();
  assert.equal(await page.inputValue('#embed-snippet'), `<script src="${base}widget.js" defer></script>`,
    'the snippet is the bare tag');

  // Unsaved values: the preview follows them at once.
  await page.fill('#embed-form [name="color"]', '#aa0000');
  await page.fill('#embed-form [name="english.unavailable"]', 'Write to us');
  await page.fill('#embed-form [name="english.greeting"]', '"><script>alert(1)</script>');
  await page.selectOption('#embed-form [name="position"]', 'left');
  // The preview loads again 300 ms after a change: a slow machine may show one made before the last (the position).
  await preview.locator('[data-switchboard-widget][style*="left: 16px"]').waitFor();
  const previewed = preview.locator('button.open', { hasText: 'Write to us' });
  await previewed.waitFor();
  assert.equal(await previewed.evaluate((b) => getComputedStyle(b).backgroundColor), RED);
  assert.equal(await page.inputValue('#embed-snippet'), `<script src="${base}widget.js" defer></script>`,
    'the snippet stays the bare tag: the look travels in /widget.js');

  // The allowed sites: a path is no site; the shop's origin is added.
  await page.fill('#embed-origin-new', shop + '/products');
  await page.click('#embed-origin-add');
  await page.locator('#embed-error-allowedOrigins', { hasText: 'no path' }).waitFor();
  await page.fill('#embed-origin-new', shop);
  await page.click('#embed-origin-add');
  await page.locator('#embed-origins li', { hasText: shop }).waitFor();

  // A refusal of the server, next to its field; then saved.
  await page.check('#embed-form [name="invitation.on"]');
  await page.fill('#embed-form [name="invitation.pathPattern"]', '^/(products');
  await page.click('#embed-save');
  await page.locator('#embed-error-invitation-pathPattern', { hasText: 'regular expression' }).waitFor();
  assert.equal(await page.getAttribute('#embed-form [name="invitation.pathPattern"]', 'aria-invalid'), 'true');
  await page.fill('#embed-form [name="invitation.pathPattern"]', '^/products/');
  await page.click('#embed-save');
  await page.locator('#embed-status', { hasText: 'Saved' }).waitFor();
  assert.equal(await page.textContent('#embed-error-invitation-pathPattern'), '');

  // The shop's page with the bare tag shows the saved button.
  const shopPage = await context.newPage();
  shopPage.setDefaultTimeout(TIMEOUT);
  shopPage.on('pageerror', (error) => errors.push('shop: ' + error.message));
  shopPage.on('dialog', (dialog) => { errors.push('a dialog opened on the shop: ' + dialog.message()); dialog.dismiss(); });
  await shopPage.goto(shop + '/');
  const button = shopPage.locator('[data-switchboard-widget] button.open', { hasText: 'Write to us' });
  await button.waitFor();
  assert.equal(await button.evaluate((b) => getComputedStyle(b).backgroundColor), RED);
  assert.equal(await shopPage.locator('[data-switchboard-widget]').evaluate((host) => host.style.left), '16px');
  const allowed = await shopPage.evaluate(async (gateway) => (await fetch(gateway + 'api/help', { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'hello' }) })).status, base);
  assert.equal(allowed, 201, 'an allowed site is answered');

  // The manager removes the site: the shop's next call is refused.
  await page.click(`#embed-origins button[aria-label="Remove ${shop}"]`);
  await page.click('#embed-save');
  await page.locator('#embed-status', { hasText: 'Saved' }).waitFor();
  assert.equal(await page.locator('#embed-origins li').count(), 0);
  const refused = await shopPage.evaluate(async (gateway) => {
    try {
      await fetch(gateway + 'api/help', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'hello again' }) });
      return 'read';
    } catch (e) {
      return 'refused';
    }
  }, base);
  assert.equal(refused, 'refused', 'the page reads nothing');
  await shopPage.reload({ waitUntil: 'load' });
  assert.equal(await shopPage.locator('[data-switchboard-widget]').count(), 0, 'a fresh page draws no button');

  await page.evaluate(AXE); // through the DevTools protocol: the page's policy refuses inline scripts
  const violations = await page.evaluate(async () => (await window.axe.run('#embed', { resultTypes: ['violations'] }))
    .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id));
  assert.deepEqual(violations, [], 'no serious accessibility violation in the section');
  assert.deepEqual(errors, []);
  console.log('PASS embed the button');
} finally {
  await browser.close();
}
