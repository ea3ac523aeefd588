// The manager's "Embed the button" in Debian's Chromium: the settings chosen become the snippet (every value
// HTML-escaped) and the live preview shows the real widget with them: its colour, its text for the page's language.
// axe-core finds no serious violation in the section.
// Usage: node embed-the-button.mjs <gateway base URL> <manager> <password>
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [base, manager, password] = process.argv.slice(2);
const TIMEOUT = 20_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(base + 'manager');
  await page.fill('#username', manager);
  await page.fill('#password', password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#embed', { state: 'visible' });

  const preview = page.frameLocator('#embed-preview');
  await preview.locator('button.open', { hasText: 'Nobody is available - leave a message' }).waitFor();
  assert.equal(await page.inputValue('#embed-snippet'), `<script src="${base}widget.js" defer></script>`,
    'the defaults need no attribute');

  await page.fill('#embed-form [name="data-color"]', '#aa0000');
  await page.fill('#embed-form [name="data-text-offline-en"]', 'Write to us');
  await page.fill('#embed-form [name="data-greeting-en"]', '"><script>alert(1)</script>');
  await page.selectOption('#embed-form [name="data-position"]', 'left');
  await page.fill('#embed-form [name="data-invite-after"]', '20');
  const snippet = await page.inputValue('#embed-snippet');
  assert.ok(snippet.includes(' data-color="#aa0000"'), snippet);
  assert.ok(snippet.includes(' data-text-offline-en="Write to us"'), snippet);
  assert.ok(snippet.includes(' data-position="left"'), snippet);
  assert.ok(snippet.includes(' data-invite-after="20"'), snippet);
  assert.ok(snippet.includes(' data-greeting-en="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'), snippet);
  assert.equal((snippet.match(/<script/g) || []).length, 1, 'nothing typed becomes markup in the snippet');

  const button = preview.locator('button.open', { hasText: 'Write to us' });
  await button.waitFor();
  assert.equal(await button.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(170, 0, 0)');
  assert.equal(await preview.locator('[data-switchboard-widget]').evaluate((host) => host.style.left), '16px');

  await page.selectOption('#embed-form [name="data-lang"]', 'pl');
  await preview.locator('button.open', { hasText: 'Konsultant niedostępny. Zostaw wiadomość' }).waitFor();

  await page.evaluate(AXE); // through the DevTools protocol: the page's policy refuses inline scripts
  const violations = await page.evaluate(async () => (await window.axe.run('#embed', { resultTypes: ['violations'] }))
    .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id));
  assert.deepEqual(violations, [], 'no serious accessibility violation in the section');
  assert.deepEqual(errors, []);
  console.log('PASS embed the button');
} finally {
  await browser.close();
}
