// An agent at the agent desktop in Chromium accepts a web customer, finishes the conversation, and sees the
// customer's rating arrive on her live desktop (a pushed RATED event; no reload): "Rated 5 of 5 (web-chat)" with
// the comment as text, whatever markup it holds.
// Usage: node agent-sees-a-rating.mjs <gateway base URL> <screenshot dir>   (agent ann must exist)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, shots] = process.argv.slice(2);
const TIMEOUT = 20_000;
const COMMENT = 'Quick <img src=x onerror="window.injected=1"> & kind';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + 'agent');
  await page.fill('#username', 'ann');
  await page.fill('#password', 'ann long password');
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#desk', { state: 'visible' });
  await page.selectOption('#presence', 'available');
  await page.waitForSelector('body[data-live="open"]');
  await page.waitForFunction(async () => {
    const json = await (await fetch('/api/agent/agents')).json();
    return json.agents.some((a) => a.username === 'ann' && a.presence === 'AVAILABLE');
  });
  assert.equal(await page.locator('#ratings li').count(), 0, 'no rating yet');

  const asked = await (await fetch(base + 'api/help', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'My invoice shows the wrong address' }),
  })).json();
  const id = asked.conversationId;
  await page.click(`#offers li[data-conversation="${id}"] button[data-action="accept"]`);
  await page.waitForSelector('#conversation', { state: 'visible' });
  await page.click('#finish');
  await page.waitForFunction(() => document.getElementById('conversation').hidden
    || document.getElementById('notice').textContent !== '');
  assert.equal(await page.textContent('#notice'), '', 'the finish went through');
  await page.waitForSelector('#conversation', { state: 'hidden' });

  const customer = { 'Content-Type': 'application/json', Authorization: 'Bearer ' + asked.customerToken };
  const thread = await (await fetch(base + 'api/conversations/' + id, { headers: customer })).json();
  assert.equal(thread.ratingAsked, true, 'the customer is asked to rate');
  const rated = await fetch(base + 'api/conversations/' + id + '/rating', {
    method: 'POST', headers: customer, body: JSON.stringify({ score: 5, comment: COMMENT }),
  });
  assert.equal(rated.status, 200);

  // Pushed: the desktop reads her ratings again when the RATED event arrives.
  const shown = page.locator('#ratings li', { hasText: 'Rated 5 of 5 (web-chat): ' + COMMENT });
  await shown.waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator('#ratings img').count(), 0, 'the comment is text, not markup');
  assert.equal(await page.evaluate(() => window.injected), undefined);
  if (shots) {
    await page.screenshot({ path: shots + '/agent-desktop-rating.png', fullPage: true });
  }
  assert.deepEqual(errors, []);
  console.log('PASS agent sees a rating');
} finally {
  await browser.close();
}
