// The chat widget on a demo shop's pages, served from another origin than the gateway's, in Debian's Chromium:
// the button says "leave a message" until an agent turns available, then "Chat with us" (within 2 s, pushed), and the
// Polish texts on a Polish page; nothing is stored in the browser before the chat is opened; the invitation comes once
// per visit; a whole chat with the agent desktop in another browser context (typing shown both ways, each side seeing
// what the other read), kept across a reload; a message sent
// while the network is down and one while the gateway is stopped both arrive once; the agent's last leaving turns the
// button back, and a new visitor's offline message reaches the manager page; a site not allowed gets no widget, and a
// page whose gateway is down or hangs works as if there were none. The agent's finish shows the 1-5 scale in the
// widget; the visitor's rating reaches the agent desktop, and the scale does not come back. axe-core finds no serious violation on the page, with the
// chat open or closed. Prints the figures it measured as one line: FIGURES {...}.
// Usage: node widget.mjs <gateway base URL> <shop origin> <stranger origin> <work dir> <screenshot dir> <boss password>
// (agent ann must exist; the test restarts the gateway when the script writes <work dir>/stop.request and start.request)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [base, shop, stranger, work, shots, bossPassword] = process.argv.slice(2);
const TIMEOUT = 30_000;
const SWITCH_WITHIN = 2_000;
// How long an invitation that must not come again is waited for: three times its delay on the page.
const INVITE_QUIET = 3_000;
// The button is painted within this long after the page's load event (0 when before it).
const PAINT_BUDGET = 100;
// How much later than the floor (a bare button drawn by the shop's own deferred script) the button may be painted,
// when the floor itself is over the budget.
const FLOOR_MARGIN = 30;
const EN = { online: 'Chat with us', offline: 'Nobody is available - leave a message' };
const PL = { online: 'Porozmawiaj z nami', offline: 'Konsultant niedostępny. Zostaw wiadomość' };
const figures = {};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function newPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(error.message));
  return page;
}

const button = (page) => page.locator('button.open');

async function buttonSays(page, text, within = TIMEOUT) {
  await page.waitForFunction((expected) => {
    const host = document.querySelector('[data-switchboard-widget]');
    return host && host.shadowRoot.querySelector('button.open').textContent === expected;
  }, text, { timeout: within });
}

async function noSeriousViolation(page, what) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')));
  assert.deepEqual(violations, [], what + ' has no serious accessibility violation');
}

// How long after the page's load event the button was painted (0 when before it), from the shop page's own timing.
async function paintedAfterLoad(page) {
  await page.waitForFunction(() => window.paintAt !== undefined && window.loadAt !== undefined);
  return page.evaluate(() => Math.max(0, Math.round(window.paintAt - window.loadAt)));
}

// The paint of the page at path opened three times, each in a page of newContext() (a fresh browser context for a
// new visitor, the same one for a warm page): the median, and the last page, kept open. The median, because on the
// shared 2-core machine one load in a few waits for the CPU longer than the whole budget, widget or not.
async function medianPaint(newContext, path, text) {
  const paints = [];
  let page = null;
  for (let i = 0; i < 3; i++) {
    if (page) await page.close();
    page = await newPage(await newContext());
    await page.goto(shop + path);
    await buttonSays(page, text);
    paints.push(await paintedAfterLoad(page));
  }
  return { page, median: [...paints].sort((a, b) => a - b)[1], paints };
}

async function signIn(page, path, username, password) {
  await page.goto(base + path);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#login button[type=submit]');
}

async function agentDesk(context) {
  const page = await newPage(context);
  await signIn(page, 'agent', 'ann', 'ann long password');
  await page.waitForSelector('#desk', { state: 'visible' });
  await page.waitForSelector('body[data-live="open"]');
  return page;
}

async function untilFile(name) {
  while (!existsSync(work + '/' + name)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function send(page, text) {
  await page.fill('.compose textarea', text);
  await page.press('.compose textarea', 'Enter');
}

async function shown(page, text) {
  await page.locator('.log li', { hasText: text }).first().waitFor();
}

async function timesShown(page, text) {
  return page.locator('.log li:not(.pending)', { hasText: text }).count();
}

async function agentSees(agent, text) {
  await agent.waitForFunction((t) => document.getElementById('thread').textContent.includes(t), text);
}

async function answer(agent, text) {
  await agent.fill('#reply-text', text);
  await agent.click('#reply button[type=submit]');
}

try {
  // The floor, measured alike: the same page whose deferred script, from the shop itself, draws the same button
  // without the gateway. A new browser context's first frames wait for the CPU on a loaded machine, widget or not:
  // when the floor is over the budget, the widget is held to the floor (its median) and a margin instead.
  const floor = await medianPaint(() => browser.newContext(), '/bare', EN.offline);
  await floor.page.close();
  figures.bareButtonPaintedAfterLoadNewVisitorMs = floor.median;
  figures.bareButtonPaintedAfterLoadNewVisitorRunsMs = floor.paints;
  const paintBudget = Math.max(PAINT_BUDGET, floor.median + FLOOR_MARGIN);

  // Before any agent: "leave a message", painted soon after the load event, nothing stored, the page's own button works.
  const shopContext = await browser.newContext();
  const shopPage = await newPage(shopContext);
  const requested = [];
  shopPage.on('request', (request) => requested.push(request.url()));
  await shopPage.goto(shop + '/');
  await buttonSays(shopPage, EN.offline);
  await shopPage.waitForFunction(() => window.paintAt !== undefined && window.loadAt !== undefined);
  const paint = await shopPage.evaluate(() => ({ loadAt: window.loadAt, paintAt: window.paintAt }));
  figures.buttonPaintedAfterLoadMs = Math.max(0, Math.round(paint.paintAt - paint.loadAt));
  figures.loadEventMs = Math.round(paint.loadAt);
  figures.buttonPaintedMs = Math.round(paint.paintAt);
  assert.ok(figures.buttonPaintedAfterLoadMs <= paintBudget, 'the button is painted within 100 ms of the load event (or of the floor)');
  assert.deepEqual(await shopPage.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, ''],
    'nothing is stored in the browser before the chat is opened');
  assert.deepEqual(await shopContext.cookies(), []);
  await shopPage.click('#basket');
  assert.equal(await shopPage.textContent('#count'), '1');
  await noSeriousViolation(shopPage, 'the shop page with the chat button');
  const warm = await medianPaint(async () => shopContext, '/pl', PL.offline);
  const polish = warm.page;
  figures.buttonPaintedAfterLoadWarmMs = warm.median;
  figures.buttonPaintedAfterLoadWarmRunsMs = warm.paints;
  assert.ok(figures.buttonPaintedAfterLoadWarmMs <= paintBudget, 'warm: the button is painted within 100 ms of the load event (or of the floor)');

  // An agent turns available: the button says so within 2 s, on both pages, pushed.
  const ann = await agentDesk(await browser.newContext());
  let started = Date.now();
  await ann.selectOption('#presence', 'available');
  await buttonSays(shopPage, EN.online, SWITCH_WITHIN);
  figures.firstAgentArrivedSwitchMs = Date.now() - started;
  await buttonSays(polish, PL.online, SWITCH_WITHIN);
  await polish.close();

  // The invitation: after its delay on a page matching its pattern, once per visit; accepting opens the chat.
  const inviteContext = await browser.newContext();
  const invited = await newPage(inviteContext);
  await invited.goto(shop + '/invite');
  await invited.locator('.invite', { hasText: 'Need a hand with your order?' }).waitFor();
  await invited.click('.invite .dismiss');
  await invited.goto(shop + '/invite');
  await buttonSays(invited, EN.online);
  const again = await invited.locator('.invite').waitFor({ timeout: INVITE_QUIET }).then(() => true, () => false);
  assert.equal(again, false, 'the invitation comes once per visit');
  const accepting = await newPage(inviteContext);
  await accepting.goto(shop + '/invite');
  await accepting.click('.invite .accept');
  await accepting.locator('.compose textarea').waitFor();
  await inviteContext.close();

  // The chat: greeting, the question reaches the agent desktop, the answer is pushed with the agent's name.
  await shopPage.click('button.open');
  await shopPage.locator('.compose textarea').waitFor();
  await shown(shopPage, 'How can we help you?');
  assert.ok(await shopPage.locator('form.offline').isHidden(), 'an agent is available: the chat, not the offline form');
  await shopPage.click('.panel button.close');
  await shopPage.locator('.panel').waitFor({ state: 'hidden' });
  await shopPage.click('button.open');
  await shopPage.locator('.panel .compose textarea').waitFor();
  await noSeriousViolation(shopPage, 'the shop page with the chat open');
  await send(shopPage, 'Where is my order 77?');
  const offer = '#offers li[data-conversation] button';
  await ann.waitForSelector(offer);
  const conversationId = await ann.getAttribute('#offers li[data-conversation]', 'data-conversation');
  await ann.click(offer);
  await ann.waitForSelector('#conversation', { state: 'visible' });
  await agentSees(ann, 'Where is my order 77?');
  await answer(ann, 'It leaves the warehouse today.');
  await shown(shopPage, 'It leaves the warehouse today.');
  assert.equal(await shopPage.locator('.panel .agent').textContent(), 'Ann', "the agent's name is shown");

  // Read state: the agent opened the question, so the visitor sees it read; the visitor's chat is open, so the agent
  // sees his answer read by the customer.
  await shopPage.locator('.log li.inbound', { hasText: 'Where is my order 77?' }).locator('.seen', { hasText: 'Read' })
    .waitFor();
  await ann.locator('#thread li.outbound', { hasText: 'It leaves the warehouse today.' })
    .locator('.read-mark', { hasText: 'Read by the customer' }).waitFor();

  // Typing, both ways, while each side types and before anything is sent.
  await shopPage.locator('.compose textarea').pressSequentially('Which carr');
  await ann.locator('#customer-typing').waitFor({ state: 'visible' });
  await ann.locator('#reply-text').pressSequentially('Let me ch');
  await shopPage.locator('.typing', { hasText: 'Ann is typing…' }).waitFor();
  await ann.fill('#reply-text', '');
  await send(shopPage, 'Which carrier?');
  await agentSees(ann, 'Which carrier?');
  await ann.locator('#customer-typing').waitFor({ state: 'hidden' });
  await answer(ann, 'DHL, tracking by mail.');
  await shown(shopPage, 'DHL, tracking by mail.');
  assert.equal(await shopPage.locator('.typing').textContent(), '', "the agent's message ends his typing");
  if (shots) await shopPage.screenshot({ path: shots + '/widget-chat.png' });

  // A reload keeps the conversation, each message once.
  await shopPage.reload();
  await shown(shopPage, 'It leaves the warehouse today.');
  assert.equal(await timesShown(shopPage, 'Where is my order 77?'), 1);

  // The network goes away: the message waits, then arrives once.
  await shopContext.setOffline(true);
  await send(shopPage, 'Sent while the network was down');
  await shopPage.locator('.log li.pending').waitFor();
  await shopContext.setOffline(false);
  await agentSees(ann, 'Sent while the network was down');
  await shopPage.locator('.log li.pending').waitFor({ state: 'detached' });
  await answer(ann, 'Got it after the network came back.');
  await shown(shopPage, 'Got it after the network came back.');

  // The gateway stops during the chat: the page stays usable, the message waits, and after the start it arrives once.
  writeFileSync(work + '/stop.request', '');
  await untilFile('stopped');
  const before = Number(await shopPage.textContent('#count'));
  await shopPage.click('#basket');
  assert.equal(Number(await shopPage.textContent('#count')), before + 1, 'the shop page works while the gateway is down');
  await send(shopPage, 'Sent while the gateway was down');
  await shopPage.locator('.log li.pending').waitFor();
  writeFileSync(work + '/start.request', '');
  await untilFile('started');
  const annAgain = await agentDesk(await browser.newContext());
  await annAgain.selectOption('#presence', 'available');
  await annAgain.click(`#mine li[data-conversation="${conversationId}"] button`);
  await agentSees(annAgain, 'Sent while the gateway was down');
  await answer(annAgain, 'We are back.');
  await shown(shopPage, 'We are back.');
  await shopPage.locator('.log li.pending').waitFor({ state: 'detached' });
  for (const text of ['Where is my order 77?', 'Sent while the network was down', 'Sent while the gateway was down',
    'It leaves the warehouse today.', 'We are back.']) {
    assert.equal(await timesShown(shopPage, text), 1, 'shown once: ' + text);
  }
  const stored = await shopPage.evaluate(() => JSON.parse(localStorage.getItem('switchboard-chat')));
  const thread = await (await fetch(base + 'api/conversations/' + conversationId + '?limit=200',
    { headers: { Authorization: 'Bearer ' + stored.token } })).json();
  for (const text of ['Where is my order 77?', 'Sent while the network was down', 'Sent while the gateway was down']) {
    assert.equal(thread.messages.filter((m) => m.text === text).length, 1, 'stored once: ' + text);
  }
  assert.ok(stored.token && !requested.some((url) => url.includes(stored.token)), 'the customer token is in no URL');

  // The agent finishes: the widget shows the 1-5 scale at once (pushed); the visitor rates 4 with a comment, once.
  await annAgain.click('#finish');
  await annAgain.waitForSelector('#conversation', { state: 'hidden' });
  const scale = shopPage.locator('form.rating input[name=score]');
  await scale.first().waitFor();
  assert.equal(await scale.count(), 5, 'a 1-5 scale');
  await noSeriousViolation(shopPage, 'the chat with the rating scale');
  if (shots) await shopPage.screenshot({ path: shots + '/widget-rating.png' });
  const ratingPosts = [];
  shopPage.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/rating')) ratingPosts.push(r.postDataJSON()); });
  await shopPage.locator('form.rating label', { hasText: '4' }).click();
  await shopPage.fill('form.rating textarea[name=comment]', 'Quick <b>and</b> kind');
  await shopPage.click('form.rating button[type=submit]');
  await shopPage.locator('form.rating [role=status]', { hasText: 'Thank you for your rating.' }).waitFor();
  assert.equal(await scale.count(), 0, 'the scale goes away');
  assert.equal(ratingPosts.length, 1, 'posted once');
  assert.equal(ratingPosts[0].score, 4);
  assert.ok(ratingPosts[0].idempotencyKey, 'with an idempotency key');
  await annAgain.locator('#ratings li', { hasText: 'Rated 4 of 5 (web-chat): Quick <b>and</b> kind' }).waitFor();
  const rated = await (await fetch(base + 'api/conversations/' + conversationId + '?limit=1',
    { headers: { Authorization: 'Bearer ' + stored.token } })).json();
  assert.equal(rated.ratingAsked, false, 'no rating asked once rated');
  // A reload reads the thread again, the question last: the scale does not come back.
  await shopPage.reload();
  await shown(shopPage, 'How did Ann help you?');
  await shopPage.waitForSelector('[data-switchboard-widget][data-connected="true"]');
  assert.equal(await shopPage.locator('form.rating').count(), 0, 'the scale does not come back');

  // The last agent leaves: the button turns back within 2 s; a new visitor leaves an offline message.
  await shopPage.waitForSelector('[data-switchboard-widget][data-connected="true"]');
  started = Date.now();
  await annAgain.selectOption('#presence', 'away');
  await buttonSays(shopPage, EN.offline, SWITCH_WITHIN);
  figures.lastAgentLeftSwitchMs = Date.now() - started;
  const fresh = await medianPaint(() => browser.newContext(), '/', EN.offline);
  const visitor = fresh.page;
  figures.buttonPaintedAfterLoadNewVisitorMs = fresh.median;
  figures.buttonPaintedAfterLoadNewVisitorRunsMs = fresh.paints;
  assert.ok(figures.buttonPaintedAfterLoadNewVisitorMs <= paintBudget,
    'a new visitor: the button is painted within 100 ms of the load event (or of the floor)');
  await visitor.click('button.open');
  await visitor.locator('form.offline').waitFor();
  assert.ok(await visitor.locator('form.compose').isHidden(), 'nobody is available: the offline form only');
  await visitor.fill('.offline input[name=name]', 'Anna Nowak');
  await visitor.fill('.offline input[name=contact]', 'nope');
  await visitor.fill('.offline textarea[name=message]', 'What are your opening hours for zorblax repairs?');
  await visitor.click('.offline button[type=submit]');
  await visitor.locator('.offline .error', { hasText: 'email address or a phone number' }).waitFor();
  await visitor.fill('.offline input[name=contact]', 'anna@customer.example');
  await noSeriousViolation(visitor, 'the offline form');
  await visitor.click('.offline button[type=submit]');
  await shown(visitor, 'We will answer you at anna@customer.example');
  await visitor.locator('.log li.pending').waitFor({ state: 'detached' });
  const manager = await newPage(await browser.newContext());
  await signIn(manager, 'manager', 'boss', bossPassword);
  await manager.locator('#offline-messages tr[data-status="open"]', { hasText: 'What are your opening hours for zorblax repairs?' }).waitFor();

  // A site not allowed: refused, and no widget drawn; its page works.
  // The loader it is served says so (its Referer names the page), so it calls nothing; the API refuses the site anyway.
  const outsider = await newPage(await browser.newContext());
  const outsiderCalls = [];
  outsider.on('request', (r) => { if (r.url().startsWith(base + 'api/')) outsiderCalls.push(r.url()); });
  const loaderServed = outsider.waitForResponse((r) => r.url() === base + 'widget.js');
  await outsider.goto(stranger + '/', { waitUntil: 'load' });
  assert.ok((await (await loaderServed).text()).includes('["refused"][0]'), 'the loader served to a site not allowed draws nothing');
  assert.deepEqual(outsiderCalls, [], 'a site not allowed calls nothing');
  const direct = await fetch(base + 'api/help', { method: 'POST', headers: { Origin: stranger, 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'hello' }) });
  assert.equal(direct.status, 403);
  assert.equal(direct.headers.get('access-control-allow-origin'), null);
  assert.equal(await outsider.locator('[data-switchboard-widget]').count(), 0, 'no widget on a site not allowed');
  await outsider.click('#basket');

  // A gateway that is down: the page works as if there were no widget.
  const lonely = await newPage(await browser.newContext());
  await lonely.goto(shop + '/dead', { waitUntil: 'load' });
  await lonely.click('#basket');
  assert.equal(await lonely.textContent('#count'), '1');
  assert.equal(await lonely.locator('[data-switchboard-widget]').count(), 0);

  // A gateway that takes the requests and never answers: the page works, and after 5 s the loader gives up quietly.
  const hanging = await newPage(await browser.newContext());
  const givenUp = hanging.waitForEvent('requestfailed',
    { predicate: (r) => r.url().endsWith('/api/widget/availability'), timeout: TIMEOUT });
  await hanging.goto(shop + '/slow', { waitUntil: 'load' });
  await hanging.click('#basket');
  assert.equal(await hanging.textContent('#count'), '1', 'the page works while its gateway hangs');
  await givenUp;
  assert.equal(await hanging.locator('[data-switchboard-widget]').count(), 0, 'no widget from a gateway that hangs');

  for (const page of [shopPage, visitor, outsider, lonely, hanging]) {
    assert.deepEqual(page.pageErrors, [], 'no script error on ' + page.url());
  }
  console.log('CONVERSATION ' + conversationId);
  console.log('FIGURES ' + JSON.stringify(figures));
  console.log('PASS widget');
} finally {
  await browser.close();
}
