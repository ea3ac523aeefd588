// Drives the app's browser build, served by a running gateway, in Debian's Chromium with Playwright.
//   node src/test/js/app-in-chromium.mjs <gateway base URL>
// Prints one JSON line with what the app showed; exits non-zero, with the reason, when a step fails.
// Every wait is bounded; nothing sleeps.
import { chromium } from 'playwright-core';

const base = process.argv[2].replace(/\/$/, '');
const app = `${base}/app/`;
const WAIT = { timeout: 30_000 };
const KRAKOW_MAIN_SQUARE = { latitude: 50.0614, longitude: 19.9366, accuracy: 20 };
const LONDON_OXFORD_STREET = { latitude: 51.5152, longitude: -0.1419, accuracy: 30 };

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
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
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
  const shown = await points(page, 0);
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('switchboard.session')));
  const history = await page.evaluate(() => JSON.parse(localStorage.getItem('switchboard.history')).length);
  await context.close();
  return { whileOffline, afterOnline, lostAnswerAttempts: attempts, session, history, ...shown, errors };
}
