// A company's logged-in customer, his id signed by the shop's server, on two devices (two browser contexts that share
// no storage) in Debian's Chromium: what he wrote on the first shows on the second as soon as he opens the chat there,
// before he writes, and what he writes on the second is pushed to the first; an anonymous visitor on the same page gets
// a conversation of his own.
// Usage: node signed-customer.mjs <shop origin>  (pages /signed, whose tag carries the signed id, and /anonymous)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [shop] = process.argv.slice(2);
const TIMEOUT = 30_000;
const OFFLINE = 'Nobody is available - leave a message';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function device(path) {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(error.message));
  await page.goto(shop + path);
  await page.waitForFunction((expected) => {
    const host = document.querySelector('[data-switchboard-widget]');
    return host && host.shadowRoot.querySelector('button.open').textContent === expected;
  }, OFFLINE);
  await page.click('button.open');
  return page;
}

// Nobody is on duty: the first message of a device goes by the offline form, the next ones by the chat's own.
async function leave(page, text) {
  await page.fill('.offline input[name=name]', 'Kim Customer');
  await page.fill('.offline input[name=contact]', 'kim@customer.example');
  await page.fill('.offline textarea[name=message]', text);
  await page.click('.offline button[type=submit]');
  await page.locator('.log li.pending').waitFor({ state: 'detached' });
}

const shown = (page, text) => page.locator('.log li', { hasText: text }).first().waitFor();

// In the chat of a conversation the device knows: the message box, not the offline form.
async function say(page, text) {
  await page.fill('.compose textarea', text);
  await page.press('.compose textarea', 'Enter');
  await page.locator('.log li.pending').waitFor({ state: 'detached' });
}

try {
  const laptop = await device('/signed');
  await leave(laptop, 'Parcel 4711 never came.');
  await shown(laptop, 'Parcel 4711 never came.');

  const phone = await device('/signed');
  await shown(phone, 'Parcel 4711 never came.');
  assert.ok(await phone.locator('.offline').isHidden(), 'his thread goes on: no offline form on the new device');
  await say(phone, 'Writing from my phone now.');
  await shown(laptop, 'Writing from my phone now.');

  const anonymous = await device('/anonymous');
  await leave(anonymous, 'Where is my parcel?');
  assert.equal(await anonymous.locator('.log li', { hasText: 'Parcel 4711' }).count(), 0,
    'an anonymous visitor sees nothing of the signed customer');
  for (const page of [laptop, phone, anonymous]) assert.deepEqual(page.pageErrors, [], 'no script error');
  console.log('PASS signed customer');
} finally {
  await browser.close();
}
