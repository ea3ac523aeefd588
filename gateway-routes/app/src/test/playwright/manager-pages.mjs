// A manager signs in to the manager pages in Chromium; the page is live (no request of its own while its
// WebSocket is open). A web customer writes while nobody is on duty and the knowledge base has no answer; the
// offline message appears on the open page (its text shown as text, not markup), the manager resolves it with
// a note, and it moves to the resolved ones. Then agent ann signs in on her desktop and turns available, a
// customer asks for a person, ann accepts and turns away: the manager page shows each of these as it happens
// (ann's presence, the waiting customer with his position and wait, ann's load). Last the manager adds two routing
// rules in the page, moves one up, switches the other off, is told which rule and field is wrong, saves, and the
// next customer who writes "invoice" waits in the queue of skill billing; axe-core finds no serious violation in
// the section.
// Usage: node manager-pages.mjs <gateway base URL> <screenshot dir> <manager> <password> <agent> <agent password>
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

  // Routing rules: two added in the page, the second moved up, the first switched off; names shown as text.
  await page.waitForSelector('#rules', { state: 'visible' });
  const rule = (n) => `#rule-list > li.rule:nth-child(${n})`;
  await page.click('#rule-add');
  await page.fill(rule(1) + ' [name="name"]', 'Catch-all <b>off</b>');
  await page.fill(rule(1) + ' [name="skill"]', 'general');
  await page.uncheck(rule(1) + ' [name="enabled"]');
  await page.click('#rule-add');
  await page.fill(rule(2) + ' [name="name"]', 'Invoices');
  await page.fill(rule(2) + ' [name="words"]', 'invoice, bill');
  await page.fill(rule(2) + ' [name="skill"]', 'billing');
  await page.fill(rule(2) + ' [name="tags"]', 'billing');
  await page.fill(rule(2) + ' [name="from"]', '25:00');
  await page.fill(rule(2) + ' [name="until"]', '06:00');
  await page.click(rule(2) + ' button[data-action="up"]');
  await page.click('#rules-save');
  await page.waitForFunction(() => document.getElementById('notice').textContent.startsWith("rule 1 'Invoices', from:"));
  await page.fill(rule(1) + ' [name="from"]', '');
  await page.fill(rule(1) + ' [name="until"]', '');
  await page.click('#rules-save');
  await page.waitForSelector('#rules-saved:has-text("Saved 2 rule(s)")');
  assert.deepEqual(await page.$$eval('#rule-list [name="name"]', (inputs) => inputs.map((i) => i.value)),
    ['Invoices', 'Catch-all <b>off</b>'], 'saved in the order shown');
  assert.equal(await page.isChecked(rule(2) + ' [name="enabled"]'), false);
  assert.equal(await page.textContent(rule(2) + ' legend'), 'Rule 2: Catch-all <b>off</b>');
  assert.equal(await page.$$eval('#rule-list b', (found) => found.length), 0, 'a rule\'s name is never markup');
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run('#rules', { resultTypes: ['violations'] }))
    .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id));
  assert.deepEqual(violations, [], 'no serious accessibility violation in the routing rules');
  if (shots) {
    await page.screenshot({ path: shots + '/manager-routing-rules.png', fullPage: true });
  }

  // The next customer writes about his invoice while ann is on duty (the knowledge base does not answer in her
  // place): he waits for skill billing.
  await desk.selectOption('#presence', 'available');
  await page.waitForSelector(agentRow + '[data-presence="AVAILABLE"]');
  const billed = await (await fetch(base + 'api/help', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'Where is my invoice?' }),
  })).json();
  await page.waitForSelector(`#queue tr[data-conversation="${billed.conversationId}"][data-queue="skill billing"]`);

  assert.deepEqual(errors, [], 'no script error on the page');
  console.log('PASS manager pages: an offline message appeared and was resolved; an agent\'s presence and load and a'
    + ' waiting customer showed live; routing rules were added, ordered and saved, and routed the next customer');
} finally {
  await browser.close();
}
