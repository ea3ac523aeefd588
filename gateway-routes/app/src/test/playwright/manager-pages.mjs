// A manager signs in to the manager pages in Chromium; the page is live (no request of its own while its
// WebSocket is open). A web customer writes while nobody is on duty and the knowledge base has no answer; the
// offline message appears on the open page (its text shown as text, not markup), the manager resolves it with
// a note, and it moves to the resolved ones. Then agent ann signs in on her desktop and turns available, a
// customer asks for a person, ann accepts and turns away: the manager page shows each of these as it happens
// (ann's presence, the waiting customer with his position and wait, ann's load).
// Usage: node manager-pages.mjs <gateway base URL> <screenshot dir> <manager> <password> <agent> <agent password>
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, shots, manager, password, agent, agentPassword] = process.argv.slice(2);
const TIMEOUT = 20_000;
// Longer than the 2 s the page polls while its live connection is down.
const QUIET_WINDOW = 3_000;
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
  await page.waitForSelector('body[data-live="open"]');
  assert.equal(await page.textContent('#open-count'), '0');
  const polled = await page.waitForRequest((request) => request.url().includes('/api/agent/'), { timeout: QUIET_WINDOW })
    .then(() => true, () => false);
  assert.equal(polled, false, 'the manager page does not poll while its live connection is open');

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

  // An agent signs in on her own desktop and turns available: her row appears on the manager page.
  const desk = await (await browser.newContext()).newPage();
  desk.setDefaultTimeout(TIMEOUT);
  await desk.goto(base + 'agent');
  await desk.fill('#username', agent);
  await desk.fill('#password', agentPassword);
  await desk.click('#login button[type=submit]');
  await desk.waitForSelector('body[data-live="open"]');
  await desk.selectOption('#presence', 'available');
  const agentRow = `#agent-list tr[data-agent="${agent}"]`;
  await page.waitForSelector(agentRow + '[data-presence="AVAILABLE"]');
  assert.equal(await page.getAttribute(agentRow, 'data-load'), '0');

  // A customer asks for a person: he waits in his queue, with his position and how long he has waited.
  const waiting = await (await fetch(base + 'api/help', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'I need a person please' }),
  })).json();
  const id = waiting.conversationId;
  const queued = `#queue tr[data-conversation="${id}"]`;
  await page.waitForSelector(queued);
  const queuedCells = await page.$$eval(queued + ' td', (tds) => tds.map((td) => td.textContent));
  assert.equal(queuedCells[1], String(waiting.reply.queue.position), 'the position the customer was told');
  assert.match(queuedCells[2], /^\d+ s$/, 'how long he has waited');
  assert.match(queuedCells[4], new RegExp(agent), 'whom he is offered to');
  assert.match(await page.textContent(`#queue tr.queue-name[data-queue="${await page.getAttribute(queued, 'data-queue')}"]`),
    /waiting/);
  if (shots) {
    await page.screenshot({ path: shots + '/manager-live-queue.png', fullPage: true });
  }

  // She accepts: he leaves the queue and her load goes up; she turns away: her presence changes.
  await desk.click(`#offers li[data-conversation="${id}"] button[data-action="accept"]`);
  await page.waitForSelector(queued, { state: 'detached' });
  await page.waitForSelector(agentRow + '[data-load="1"]');
  await desk.selectOption('#presence', 'away');
  await page.waitForSelector(agentRow + '[data-presence="AWAY"]');
  assert.equal(await page.getAttribute('body', 'data-live'), 'open');

  assert.deepEqual(errors, [], 'no script error on the page');
  console.log('PASS manager pages: an offline message appeared and was resolved; an agent\'s presence and load and a'
    + ' waiting customer showed live');
} finally {
  await browser.close();
}
