// Drives the app's browser build, served by a running gateway, in Debian's Chromium with Playwright.
//   node src/test/js/app-in-chromium.mjs <gateway base URL>
// Prints one JSON line with what the app showed; exits non-zero, with the reason, when a step fails.
// Every wait is bounded; nothing sleeps.
//
// For the live chat the test that runs this script plays the agent: the script writes a request line
// ("agent available", "agent answers <conversationId> <text>" or "agent finishes <conversationId>") and waits for
// the test's answer line on stdin.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

const base = process.argv[2].replace(/\/$/, '');
const app = `${base}/app/`;
const WAIT = { timeout: 30_000 };
const KRAKOW_MAIN_SQUARE = { latitude: 50.0614, longitude: 19.9366, accuracy: 20 };
const LONDON_OXFORD_STREET = { latitude: 51.5152, longitude: -0.1419, accuracy: 30 };

const testLines = createInterface({ input: process.stdin });
const fromTest = testLines[Symbol.asyncIterator]();

/** Asks the test (the agent's side) to do something and waits for its answer line. */
async function askTheTest(request) {
  process.stdout.write(`${request}\n`);
  const answer = await Promise.race([fromTest.next(),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer to "${request}"`)), 60_000))]);
  if (answer.done || !answer.value.startsWith('ok')) {
    throw new Error(`the test refused "${request}": ${answer.value}`);
  }
  return answer.value.slice(2).trim();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  headless: true,
});
const result = {};
try {
  result.located = await askWithLocation();
  result.town = await askWithLocationRefused();
  result.offline = await askOfflineThenOnline();
  result.liveChat = await chatWithAnAgent();
  result.earlier = await readEarlierMessages();
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  testLines.close();
  process.stdin.destroy(); // else the open stdin keeps the script running
}

async function newApp(options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app);
  await page.locator('#share-location').waitFor({ state: 'visible', ...WAIT });
  return { context, page, errors };
}

/** The answer's service points as the app lists them. */
async function points(page, answerIndex) {
  const answer = page.locator('.message.theirs').nth(answerIndex);
  await answer.locator('.nearby .point').first().waitFor(WAIT);
  return {
    title: await answer.locator('.nearby-title').textContent(),
    points: await answer.locator('.nearby .point').evaluateAll((items) => items.map((li) => ({
      name: li.querySelector('.point-name').textContent,
      address: li.querySelector('.point-address').textContent,
      distance: li.querySelector('.point-distance').textContent,
      distanceMeters: Number(li.dataset.distanceMeters),
      open: li.querySelector('.point-open') ? li.querySelector('.point-open').textContent : null,
    }))),
  };
}

async function ask(page, text) {
  await page.fill('#question', text);
  await page.click('#send');
}

async function askWithLocation() {
  const { context, page, errors } = await newApp({
    geolocation: KRAKOW_MAIN_SQUARE, permissions: ['geolocation'], locale: 'pl-PL' });
  const reason = await page.locator('#location-consent').textContent();
  const sent = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/help')) {
      sent.push(request.postDataJSON());
    }
  });
  await page.click('#share-location');
  await page.locator('#location-status', { hasText: 'Location shared' }).waitFor(WAIT);
  await ask(page, 'What are your opening hours?');
  const shown = await points(page, 0);
  const answer = await page.locator('.message.theirs .text').first().textContent();
  // Closed and opened again: the conversation is still on the device, the location question is not asked again.
  await page.reload();
  await page.locator('.message.theirs .nearby .point').first().waitFor(WAIT);
  const afterReload = {
    messages: await page.locator('.message').count(),
    points: await page.locator('.message.theirs .nearby .point').count(),
    askedAgain: await page.locator('#location-consent').isVisible(),
  };
  await context.close();
  return { reason, answer, sent, afterReload, ...shown, errors };
}

async function askWithLocationRefused() {
  // No permission granted: the browser refuses the location when the app asks for it.
  const { context, page, errors } = await newApp({ locale: 'en-GB' });
  await page.click('#share-location');
  await page.locator('#town').waitFor({ state: 'visible', ...WAIT });
  const status = await page.locator('#location-status').textContent();
  const townReason = await page.locator('#town-reason').textContent();
  await page.fill('#town-input', 'Gdańsk');
  await ask(page, 'What are your opening hours?');
  const shown = await points(page, 0);
  await context.close();
  return { status, townReason, ...shown, errors };
}

async function askOfflineThenOnline() {
  const { context, page, errors } = await newApp({
    geolocation: LONDON_OXFORD_STREET, permissions: ['geolocation'], locale: 'en-GB' });
  await page.click('#share-location');
  await page.locator('#location-status', { hasText: 'Location shared' }).waitFor(WAIT);

  await context.setOffline(true);
  await page.locator('#connection').waitFor({ state: 'visible', ...WAIT });
  await ask(page, 'Where can I return a parcel?');
  await ask(page, 'And until when are you open today?');
  await page.locator('.message.mine[data-state="waiting"]').nth(1).waitFor(WAIT);
  const whileOffline = await page.evaluate(() => ({
    waiting: document.querySelectorAll('.message.mine[data-state="waiting"]').length,
    answers: document.querySelectorAll('.message.theirs').length,
    outbox: JSON.parse(localStorage.getItem('switchboard.outbox') || '[]').length,
    conversationId: JSON.parse(localStorage.getItem('switchboard.session') || '{}').conversationId || null,
  }));

  await context.setOffline(false);
  await page.locator('.message.theirs').nth(1).waitFor(WAIT);
  const afterOnline = await page.evaluate(() => ({
    waiting: document.querySelectorAll('.message.mine[data-state="waiting"]').length,
    answers: document.querySelectorAll('.message.theirs').length,
  }));

  // The answer to the next message is lost on its way back: the help desk has it, the phone does not know.
  let attempts = 0;
  await page.route('**/api/conversations/*/messages', async (route) => {
    attempts++;
    if (attempts === 1) {
      await route.fetch();
      await route.abort('connectionfailed');
    } else {
      await route.continue();
    }
  });
  await ask(page, 'Is the Oxford Street point open on Sunday?');
  await page.locator('.message.theirs').nth(2).waitFor(WAIT);
  // The push stream may bring the answer first (the help desk tells it of every message stored); the question
  // stays in the outbox until the help desk answers it again, as a repeat.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('switchboard.outbox') || '[]').length === 0, null, WAIT);
  const shown = await points(page, 0);
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('switchboard.session')));
  const history = await page.evaluate(() => JSON.parse(localStorage.getItem('switchboard.history')).length);
  await context.close();
  return { whileOffline, afterOnline, lostAnswerAttempts: attempts, session, history, ...shown, errors };
}

async function chatWithAnAgent() {
  await askTheTest('agent available');
  const { context, page, errors } = await newApp({
    geolocation: KRAKOW_MAIN_SQUARE, permissions: ['geolocation'], locale: 'en-GB' });
  const polls = [];
  const sent = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && /\/api\/conversations\/[^/]+$/.test(new URL(request.url()).pathname)) {
      polls.push(request.url());
    }
    if (new URL(request.url()).pathname === '/api/help') {
      sent.push(request.postDataJSON());
    }
  });
  await page.click('#no-location');
  await ask(page, 'My parcel did not arrive, can a person help?');
  await page.locator('.message.theirs').first().waitFor(WAIT);
  await page.locator('body[data-push="open"]').waitFor(WAIT);
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('switchboard.session')));

  const agentText = 'Ann here: your parcel is at the depot and comes tomorrow.';
  const pollsBefore = polls.length;
  const messageId = await askTheTest(`agent answers ${session.conversationId} ${agentText}`);
  const started = Date.now(); // the reply is stored in the thread: from here it is the push's time
  await page.locator('.message.theirs .text', { hasText: agentText }).waitFor(WAIT);
  const shownAfterMillis = Date.now() - started;
  const pushStillOpen = await page.locator('body[data-push="open"]').count() === 1;
  const pollsWhileWaiting = polls.length - pollsBefore;
  const thread = await page.locator('.message').evaluateAll((items) => items.map((li) => ({
    mine: li.classList.contains('mine'),
    author: li.querySelector('.meta').textContent.split(' · ')[0],
    text: li.querySelector('.text').textContent,
  })));
  const kept = await page.evaluate((id) => JSON.parse(localStorage.getItem('switchboard.history'))
    .filter((m) => m.id === id).map((m) => m.text), messageId);

  // Opened again: the reply is still on the device, once, and the stream resumes after it.
  await page.reload();
  await page.locator('.message.theirs .text', { hasText: agentText }).waitFor(WAIT);
  await page.locator('body[data-push="open"]').waitFor(WAIT);
  const afterReload = await page.locator('.message.theirs .text', { hasText: agentText }).count();

  // The agent finishes: the help desk's question to rate her help is pushed, and the app shows its scale. The
  // customer picks 4, writes a comment (markup stays text) and sends it; the card gives way to a thank-you.
  const ratingShownBefore = await page.locator('#rating').isVisible();
  await askTheTest(`agent finishes ${session.conversationId}`);
  await page.locator('#rating').waitFor({ state: 'visible', ...WAIT });
  const question = await page.locator('.message.theirs .text', { hasText: 'How did Ann help you?' }).count();
  await page.click('#rating-scores button[data-score="4"]');
  await page.fill('#rating-comment', 'Kind <b>and</b> quick');
  const posted = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/rating'), WAIT);
  await page.click('#rating-send');
  const ratingStatus = (await posted).status();
  await page.locator('#rating-thanks').waitFor({ state: 'visible', ...WAIT });
  const rated = { shownBefore: ratingShownBefore, question, status: ratingStatus,
    hiddenAfter: await page.locator('#rating').isHidden() };
  await context.close();
  return { sent, session, messageId, shownAfterMillis, pushStillOpen, pollsWhileWaiting, thread, kept,
    afterReload, rated, errors };
}

/** The customer API as a client calls it: JSON in and out, the token as a Bearer. */
async function api(method, path, body, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(`${base}${path}`, { method, headers, body: body && JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  }
  return json;
}

/** A whole thread through the customer API, a page at a time by the cursor each page gives, oldest first. */
async function wholeThread(conversationId, token) {
  const messages = [];
  let before = null;
  do {
    const page = await api('GET', `/api/conversations/${encodeURIComponent(conversationId)}?limit=200`
      + (before ? `&before=${encodeURIComponent(before)}` : ''), null, token);
    messages.unshift(...page.messages);
    before = page.olderCursor;
  } while (before);
  return messages;
}

async function readEarlierMessages() {
  // A conversation longer than the stream's page (50), made through the customer API as a web visitor writes;
  // the app is then opened on it having read none of it.
  const opened = await api('POST', '/api/help', { text: 'Earlier question 1', visitorId: `visitor-earlier-${Date.now()}` });
  for (let i = 2; i <= 45; i++) {
    await api('POST', `/api/conversations/${encodeURIComponent(opened.conversationId)}/messages`,
      { text: `Earlier question ${i}` }, opened.customerToken);
  }
  const thread = await wholeThread(opened.conversationId, opened.customerToken);
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addInitScript((session) => {
    localStorage.setItem('switchboard.session', JSON.stringify(session));
  }, { installId: 'app-earlier-messages', conversationId: opened.conversationId,
    customerToken: opened.customerToken, lastSeenId: null });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const reads = [];
  page.on('request', (request) => {
    if (/[?&]before=/.test(request.url())) {
      reads.push(new URL(request.url()).search);
    }
  });
  await page.goto(app);
  await page.locator('#older').waitFor({ state: 'visible', ...WAIT });
  await page.waitForFunction(() => document.querySelectorAll('.message').length >= 50, null, WAIT);
  const shownBefore = await page.locator('.message').count();
  for (let i = 0; await page.locator('#older').isVisible(); i++) {
    if (i >= 10) {
      throw new Error('the thread\'s start not reached in 10 reads');
    }
    const answered = page.waitForResponse((response) => /[?&]before=/.test(response.url()), WAIT);
    await page.click('#older');
    await answered;
    await page.waitForFunction(() => !document.getElementById('older').disabled, null, WAIT);
  }
  const shown = await page.locator('.message .text').allTextContents();
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('switchboard.history')).length);
  await context.close();
  return { thread: thread.map((m) => m.text), shownBefore, shown, kept, reads, errors };
}
