// Two agents sign in to the agent desktop in Chromium, a web customer asks, both are offered, the first
// accept wins, the winner transfers to the other, who answers; the customer reads the answer in his thread.
// The answer is typed with the shared quick text /parcel. The desktops are live: while their WebSocket is open
// they make no request to the agent API by themselves, and the offer reaches them as a pushed frame. A third
// desktop whose live connection cannot stay up polls instead, tries again, and still gets the next offer.
// Beside the reply box the winner sees the suggested answers for the customer's message and inserts one into the
// answer box (not sent; the choice is told to the desk); axe-core finds no serious violation in that list.
// Usage: node agent-desktop.mjs <gateway base URL> <screenshot dir>
// (agents ann and bob and the shared quick text /parcel must exist)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [base, shots] = process.argv.slice(2);
const TIMEOUT = 20_000;
// Three times the polling interval the desktop had before it went live (and still has while its socket is down).
const QUIET_WINDOW = 3_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  async function desktop(username) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const frames = [];
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(JSON.parse(frame.payload))));
    await page.goto(base + 'agent');
    await page.fill('#username', username);
    await page.fill('#password', username + ' long password');
    await page.click('#login button[type=submit]');
    await page.waitForSelector('#desk', { state: 'visible' });
    await page.selectOption('#presence', 'available');
    await page.waitForFunction(async () => {
      const r = await fetch('/api/agent/me');
      return r.ok;
    });
    await page.waitForSelector('body[data-live="open"]');
    return { username, page, frames };
  }

  // Resolves true if the page asks the agent API anything by itself within the window, false if it stays quiet.
  // A presence read (GET /api/agent/agents) is what a pushed PRESENCE event asks for, and that event may still
  // be on its way from the presence change just made: it is not polling. Polling reads offers and conversations.
  async function asksWithin(agent, millis) {
    return agent.page.waitForRequest((request) => request.url().includes('/api/agent/')
        && !request.url().endsWith('/api/agent/agents'), { timeout: millis })
      .then(() => true, () => false);
  }

  const ann = await desktop('ann');
  const bob = await desktop('bob');
  // presence is set through the select's change handler: wait until both are available
  for (const agent of [ann, bob]) {
    await agent.page.waitForFunction(async (name) => {
      const r = await fetch('/api/agent/agents');
      const json = await r.json();
      return json.agents.some((a) => a.username === name && a.presence === 'AVAILABLE');
    }, agent.username);
  }

  // Live, not polling: with the socket open neither desktop calls the agent API while nothing happens.
  const quiet = await Promise.all([ann, bob].map((agent) => asksWithin(agent, QUIET_WINDOW)));
  assert.deepEqual(quiet, [false, false], 'no desktop polls the agent API while its live connection is open');
  assert.equal(await ann.page.getAttribute('body', 'data-live'), 'open');

  const asked = await (await fetch(base + 'api/help', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'My order 1234 has not arrived', context: { pageUrl: 'https://shop.example/orders', location: { lat: 50.0617, lon: 19.9373, accuracyMeters: 25 } } }),
  })).json();
  const id = asked.conversationId;
  const offer = `#offers li[data-conversation="${id}"] button[data-action="accept"]`;
  await ann.page.waitForSelector(offer);
  await bob.page.waitForSelector(offer);
  for (const agent of [ann, bob]) {
    assert.ok(agent.frames.some((f) => f.type === 'OFFERED' && f.conversationId === id),
      agent.username + "'s desktop was told of the offer over its live connection");
  }

  // Both accepts at once: each click lands in its page in one step. A Playwright click takes several round trips
  // (visibility, scrolling, the mouse), long enough for the winner's CLAIMED event to take the other's button away.
  await Promise.all([ann.page, bob.page].map((page) => page.evaluate((sel) => document.querySelector(sel).click(), offer)));
  const mine = `#mine li[data-conversation="${id}"]`;
  await Promise.all([ann.page, bob.page].map((page) => page.waitForFunction(({ sel }) =>
    document.querySelector(sel) || document.getElementById('notice').textContent.includes('took this conversation first'),
    { sel: mine })));
  const annWon = (await ann.page.$(mine)) !== null;
  const bobWon = (await bob.page.$(mine)) !== null;
  assert.notEqual(annWon, bobWon, 'exactly one of the two accepts wins');
  const [winner, loser] = annWon ? [ann, bob] : [bob, ann];
  assert.match(await loser.page.textContent('#notice'), /Another agent took this conversation first/);

  await winner.page.waitForSelector('#conversation', { state: 'visible' });
  await winner.page.waitForSelector('#thread li .text');
  assert.match(await winner.page.textContent('#thread'), /My order 1234 has not arrived/);
  assert.match(await winner.page.textContent('#context'), /shop\.example/);
  assert.match(await winner.page.textContent('#context'), /near .+ \(Lesser Poland\)/, 'the agent sees where the customer is');
  // Suggested answers for "My order 1234 has not arrived": Insert puts the first in the answer box, not sent.
  const suggestion = '#suggestion-list li';
  await winner.page.waitForSelector(suggestion);
  const suggestedCount = await winner.page.locator(suggestion).count();
  assert.ok(suggestedCount >= 1 && suggestedCount <= 3, 'one to three suggestions, was ' + suggestedCount);
  assert.equal(await winner.page.isHidden('#suggestions-none'), true);
  const first = winner.page.locator(suggestion).first();
  const suggestedAnswer = await first.locator('.suggested-answer').textContent();
  const chosenArticle = await first.getAttribute('data-article');
  if (shots) {
    await winner.page.screenshot({ path: shots + '/agent-desktop-claimed.png', fullPage: true });
  }
  const [chosen] = await Promise.all([
    winner.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/suggestions/'
      + encodeURIComponent(chosenArticle) + '/chosen')),
    first.locator('button[data-action="insert"]').click(),
  ]);
  assert.equal(await winner.page.inputValue('#reply-text'), suggestedAnswer);
  assert.equal(chosen.status(), 200);
  assert.equal((await chosen.json()).counted, true, 'the choice is counted');
  assert.ok(!(await winner.page.textContent('#thread')).includes(suggestedAnswer), 'inserted, not sent');
  await winner.page.evaluate(AXE); // through the DevTools protocol: the page's policy refuses inline scripts
  const violations = await winner.page.evaluate(async () => (await window.axe.run('#suggestions',
    { resultTypes: ['violations'] })).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id));
  assert.deepEqual(violations, [], 'no serious accessibility violation in the suggested answers');
  await winner.page.fill('#reply-text', '');
  await winner.page.fill('#transfer-agent', loser.username);
  await winner.page.fill('#transfer-note', 'order 1234, courier lost it');
  await winner.page.click('#transfer button[type=submit]');
  await winner.page.waitForSelector('#conversation', { state: 'hidden' });

  await loser.page.click(offer);
  await loser.page.waitForSelector('#conversation', { state: 'visible' });
  await loser.page.waitForFunction(() => document.getElementById('notes').textContent.includes('courier lost it'));
  await loser.page.type('#reply-text', '/parcel ');
  assert.equal(await loser.page.inputValue('#reply-text'), 'A new parcel leaves today. ');
  await loser.page.click('#reply button[type=submit]');
  await loser.page.waitForFunction(() => document.getElementById('thread').textContent.includes('A new parcel leaves today.'));
  if (shots) {
    await loser.page.screenshot({ path: shots + '/agent-desktop-answered.png', fullPage: true });
  }

  const thread = await (await fetch(base + 'api/conversations/' + id, {
    headers: { Authorization: 'Bearer ' + asked.customerToken },
  })).json();
  const answer = thread.messages.find((m) => m.text === 'A new parcel leaves today.');
  assert.ok(answer, 'the customer sees the answer in his thread');
  assert.equal(answer.author, loser.username === 'ann' ? 'Ann' : 'Bob');
  assert.equal(answer.channel, 'web-chat');

  // A desktop whose live connection is cut at once (as by a proxy that drops WebSockets) polls the API, tries
  // to connect again, and still sees the next offer.
  const cut = await browser.newContext();
  let attempts = 0;
  let secondAttempt;
  const retried = new Promise((resolve) => { secondAttempt = resolve; });
  await cut.routeWebSocket(/\/api\/agent\/live$/, (socket) => {
    attempts += 1;
    if (attempts === 2) {
      secondAttempt();
    }
    socket.close({ code: 1011, reason: 'cut by the test' });
  });
  const down = await cut.newPage();
  down.setDefaultTimeout(TIMEOUT);
  await down.goto(base + 'agent');
  await down.fill('#username', winner.username);
  await down.fill('#password', winner.username + ' long password');
  await down.click('#login button[type=submit]');
  await down.waitForSelector('#desk', { state: 'visible' });
  for (let poll = 0; poll < 2; poll += 1) {
    await down.waitForRequest((request) => request.url().endsWith('/api/agent/offers'));
  }
  assert.equal(await down.getAttribute('body', 'data-live'), 'down');
  assert.equal(await down.textContent('#live'), 'reconnecting…');
  let bound;
  await Promise.race([retried, new Promise((resolve, reject) => {
    bound = setTimeout(() => reject(new Error('no second attempt to connect within ' + TIMEOUT + ' ms')), TIMEOUT);
  })]);
  clearTimeout(bound);
  const next = await (await fetch(base + 'api/help', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'Where is my refund?' }),
  })).json();
  await down.waitForSelector(`#offers li[data-conversation="${next.conversationId}"]`);
  assert.equal(await down.getAttribute('body', 'data-live'), 'down', 'the offer came by polling');

  console.log('PASS agent desktop: ' + winner.username + ' won the claim, inserted the suggested answer '
    + chosenArticle + ', transferred to ' + loser.username + ', who answered; a desktop without its live connection polled and got the next offer');
} finally {
  await browser.close();
}
