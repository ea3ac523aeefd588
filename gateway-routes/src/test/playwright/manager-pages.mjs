// A manager signs in to the manager pages in Chromium; a web customer writes while nobody is on duty and the
// knowledge base has no answer; the offline message appears on the open page (its text shown as text, not
// markup), the manager resolves it with a note, and it moves to the resolved ones.
// Usage: node manager-pages.mjs <gateway base URL> <screenshot dir> <manager> <password>
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, shots, manager, password] = process.argv.slice(2);
const TIMEOUT = 20_000;
const HOSTILE = 'My zorblax <script>window.hacked = 1</script> & <b>wibbles</b>';

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
  await page.waitForSelector('#offline', { state: 'visible' });
  assert.equal(await page.textContent('#open-count'), '0');

  const asked = await (await fetch(base + 'api/help', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: HOSTILE }),
  })).json();
  assert.match(asked.reply.text, /No agent is on duty/, 'the customer is told nobody is on duty');

  const row = '#offline-messages tr[data-status="open"]';
  await page.waitForSelector(row);
  assert.equal(await page.textContent('#open-count'), '1');
  const cells = await page.$$eval(row + ' td', (tds) => tds.map((td) => td.textContent));
  assert.ok(cells.includes(HOSTILE), 'the message is shown as the customer wrote it: ' + JSON.stringify(cells));
  assert.ok(cells.includes('web-chat'));
  assert.equal(await page.$$eval('#offline-messages script, #offline-messages b', (found) => found.length), 0,
    'nothing the customer wrote became markup');
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  if (shots) {
    await page.screenshot({ path: shots + '/manager-offline-open.png', fullPage: true });
  }

  await page.fill(row + ' input.note', 'Called him back');
  await page.click(row + ' button[data-action="resolve"]');
  await page.waitForSelector(row, { state: 'detached' });
  assert.equal(await page.textContent('#open-count'), '0');

  await page.selectOption('#status-filter', 'resolved');
  const resolved = '#offline-messages tr[data-status="resolved"]';
  await page.waitForSelector(resolved);
  assert.match(await page.textContent(resolved), new RegExp('resolved by ' + manager + ': Called him back'));
  if (shots) {
    await page.screenshot({ path: shots + '/manager-offline-resolved.png', fullPage: true });
  }
  assert.deepEqual(errors, [], 'no script error on the page');
  console.log('PASS manager pages: an offline message appeared and was resolved');
} finally {
  await browser.close();
}
