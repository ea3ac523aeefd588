'use strict';
/*
 * Walks the TV help overlay in Debian's Chromium against a running gateway, as a viewer with a remote:
 * real key codes through CDP Input.dispatchKeyEvent.
 * Usage: node overlay-walk.js <gateway base URL> <out dir> <agent username> <password> <agent's name> <her answer>
 * Before GREEN the agent signs in through the agent API and goes on duty; GREEN offers her the viewer's
 * conversation, she claims it and answers through the agent API, and the walk waits for that on the TV. Later
 * questions push her answer out of the overlay's page; the chat opened again reads it back with "Earlier messages".
 * Writes <out dir>/results.json and <out dir>/overlay.png; exits non-zero on the first failed check.
 */
const fs = require('fs');
const path = require('path');
const assert = require('node:assert/strict');
const acorn = require('acorn');
const { chromium } = require('playwright-core');

const BASE = process.argv[2];
const OUT = process.argv[3];
const [AGENT_USERNAME, AGENT_PASSWORD, AGENT_NAME, AGENT_SAYS] = process.argv.slice(4, 8);
const TIMEOUT = 15000;
// Enough questions after the agent's answer to push it out of the overlay's newest page (20 messages).
const LATER_QUESTIONS = 20;
// What the overlay asks for when it reads the messages before a cursor.
const OLDER_READ = /\/tv\/api\/conversations\/[^?]+\?.*before=/;
const HBBTV_USER_AGENT = 'Mozilla/5.0 (Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) '
    + 'Chrome/56.0 Safari/537.36 HbbTV/1.5.1 (+DRM; Switchboard; STB; 1.0; ; ) SmartTvA/3.0.0';
const KEY = { RED: 403, GREEN: 404, YELLOW: 405, BLUE: 406, LEFT: 37, UP: 38, RIGHT: 39, DOWN: 40, OK: 13, BACK: 461 };
const NEWS = { service: 'dvb://233a.1004.1044', programme: 'Evening News', onid: 0x233a, tsid: 0x1004, sid: 0x1044 };
const FOOTBALL = { service: 'dvb://233a.1004.1045', programme: 'Sunday Football' };
// What an HbbTV terminal registers for red, green, yellow, blue, navigation (arrows, OK, BACK) and digits.
const EXPECTED_KEYSET = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x100;

const knowledge = JSON.parse(fs.readFileSync(
    path.join(__dirname, '../../../../gateway-routes/hub/src/main/resources/knowledge-base.json'), 'utf8'));

function answerOf(topic) {
    const article = knowledge.articles.find(a => a.topic === topic);
    assert.ok(article, 'no article with topic ' + topic);
    return article.answer;
}

// An HbbTV emulator's stand-ins for the two OIPF objects Chromium lacks: the application manager (keyset)
// and the broadcast video object (what is on). Everything else is the page as the gateway sent it.
function oipfEmulation(tuned) {
    window.__oipf = { keyset: null, shown: false, bound: false };
    const proto = HTMLObjectElement.prototype;
    proto.getOwnerApplication = function () {
        if (this.type !== 'application/oipfApplicationManager') {
            return undefined;
        }
        return {
            privateData: {
                keyset: {
                    RED: 0x1, GREEN: 0x2, YELLOW: 0x4, BLUE: 0x8, NAVIGATION: 0x10, VCR: 0x20, SCROLL: 0x40,
                    INFO: 0x80, NUMERIC: 0x100, ALPHA: 0x200, OTHER: 0x400,
                    setValue: function (mask) { window.__oipf.keyset = mask; }
                }
            },
            show: function () { window.__oipf.shown = true; }
        };
    };
    proto.bindToCurrentChannel = function () {
        if (this.type !== 'video/broadcast') {
            throw new Error('not a broadcast object');
        }
        window.__oipf.bound = true;
    };
    Object.defineProperty(proto, 'currentChannel', {
        get: function () {
            return this.type === 'video/broadcast'
                ? { name: 'Switchboard One', onid: tuned.onid, tsid: tuned.tsid, sid: tuned.sid } : undefined;
        }
    });
    Object.defineProperty(proto, 'programmes', {
        get: function () { return this.type === 'video/broadcast' ? [{ name: tuned.programme }] : undefined; }
    });
}

async function remote(cdp, code) {
    const key = { windowsVirtualKeyCode: code, nativeVirtualKeyCode: code };
    await cdp.send('Input.dispatchKeyEvent', Object.assign({ type: 'rawKeyDown' }, key));
    await cdp.send('Input.dispatchKeyEvent', Object.assign({ type: 'keyUp' }, key));
}

async function digits(cdp, text) {
    for (const digit of text) {
        await remote(cdp, 48 + Number(digit));
    }
}

function watchErrors(page, errors) {
    page.on('pageerror', error => errors.push('page error: ' + error.message));
    page.on('console', message => {
        // A refused request (the wrong phone number below) is logged by Chromium itself, not by the app.
        if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 400/
            .test(message.text())) {
            errors.push('console error: ' + message.text());
        }
    });
}

// The box's whole thread, oldest first, read a page at a time by the cursor each page gives.
async function thread(page) {
    const ids = await page.evaluate(() => ({
        id: localStorage.getItem('sb.conversation'), token: localStorage.getItem('sb.token')
    }));
    const messages = [];
    let before = null;
    do {
        const response = await fetch(BASE + 'tv/api/conversations/' + encodeURIComponent(ids.id) + '?limit=200'
            + (before ? '&before=' + encodeURIComponent(before) : ''), { headers: { Authorization: 'Bearer ' + ids.token } });
        assert.equal(response.status, 200);
        const json = await response.json();
        messages.unshift(...json.messages);
        before = json.olderCursor;
    } while (before);
    return messages;
}

// Questions asked through the box's API with its token, as the overlay asks them.
async function askThroughTheApi(page, count) {
    const box = await page.evaluate(() => ({ setTopId: localStorage.getItem('sb.settop'), token: localStorage.getItem('sb.token') }));
    for (let i = 1; i <= count; i++) {
        const response = await fetch(BASE + 'tv/api/help', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + box.token },
            body: JSON.stringify({ setTopId: box.setTopId, text: 'Later question ' + i, idempotencyKey: 'walk-later-' + i })
        });
        assert.ok(response.ok, 'question ' + i + ' answered ' + response.status);
    }
}

// The gateway stores a message before it answers, so once the overlay shows the answer, the thread has it.
async function assertInThread(page, predicate, what) {
    const messages = await thread(page);
    assert.ok(messages.some(predicate), what + ' is not in the thread: ' + JSON.stringify(messages.map(m => m.text)));
}

// The agent desk as the agent API serves it: the session cookie and CSRF token from sign-in, JSON in and out.
function agentDesk() {
    const session = { cookie: null, csrf: null };
    async function call(method, apiPath, body) {
        const headers = { 'Content-Type': 'application/json' };
        if (session.cookie) {
            headers.Cookie = session.cookie;
        }
        if (session.csrf) {
            headers['X-CSRF-Token'] = session.csrf;
        }
        const response = await fetch(BASE + apiPath, { method, headers, body: body && JSON.stringify(body) });
        const json = await response.json();
        assert.ok(response.ok, method + ' ' + apiPath + ' answered ' + response.status + ': ' + JSON.stringify(json));
        return { response, json };
    }
    return {
        async onDuty() {
            const signIn = await call('POST', 'api/agent/login', { username: AGENT_USERNAME, password: AGENT_PASSWORD });
            session.cookie = signIn.response.headers.getSetCookie().map(cookie => cookie.split(';')[0]).join('; ');
            session.csrf = signIn.json.csrfToken;
            await call('POST', 'api/agent/presence', { presence: 'available' });
        },
        async offDuty() {
            await call('POST', 'api/agent/logout', {});
        },
        async offers() {
            return (await call('GET', 'api/agent/offers')).json.offers;
        },
        async finish(conversationId) {
            await call('POST', 'api/agent/conversations/' + encodeURIComponent(conversationId) + '/finish', {});
        },
        async conversation(conversationId) {
            return (await call('GET', 'api/agent/conversations/' + encodeURIComponent(conversationId))).json;
        },
        async queue() {
            return (await call('GET', 'api/agent/queue')).json.waiting;
        },
        async claimAndAnswer(conversationId, text) {
            const id = encodeURIComponent(conversationId);
            await call('POST', 'api/agent/conversations/' + id + '/claim', {});
            await call('POST', 'api/agent/conversations/' + id + '/messages', { text, idempotencyKey: 'walk-agent-1' });
        }
    };
}

// What the gateway's SMSC simulator delivered to a phone from the desk, once it has at least `count` texts.
async function textsReceivedBy(number, count) {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
        const response = await fetch(BASE + 'smpp/phone/texts?number=' + encodeURIComponent(number));
        assert.equal(response.status, 200, 'the SMSC simulator answers (is adapter smpp on the class path?)');
        const texts = (await response.json()).filter(text => text.fromDesk).map(text => text.text);
        if (texts.length >= count) {
            return texts;
        }
        assert.ok(Date.now() < deadline, 'no text reached ' + number + ' within ' + TIMEOUT + ' ms');
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

const title = page => page.locator('#overlay-title');
const body = page => page.locator('#overlay-body');

async function checkShippedCode(results) {
    const response = await fetch(BASE + 'tv/app.js');
    assert.equal(response.status, 200, 'the gateway serves the app (is adapter itv on its class path?)');
    const script = await response.text();
    acorn.parse(script, { ecmaVersion: 5, sourceType: 'script' }); // throws on anything newer than ES5
    results.es5 = true;
}

async function hbbtvWalk(browser, results) {
    const context = await browser.newContext({ userAgent: HBBTV_USER_AGENT, viewport: { width: 1280, height: 720 } });
    await context.addInitScript(oipfEmulation, NEWS);
    const page = await context.newPage();
    const errors = [];
    watchErrors(page, errors);

    // As an HbbTV emulator does: Chromium downloads application/vnd.hbbtv.xhtml+xml, so the page is
    // handed over as application/xhtml+xml, parsed by the XML parser: it must be well-formed.
    await page.route(url => url.pathname === '/tv/', async route => {
        const response = await route.fetch();
        results.hbbtvContentType = response.headers()['content-type'];
        await route.fulfill({ response, headers: Object.assign({}, response.headers(),
            { 'content-type': 'application/xhtml+xml; charset=UTF-8' }) });
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let transferred = 0;
    cdp.on('Network.loadingFinished', event => { transferred += event.encodedDataLength; });

    await page.goto(BASE + 'tv/');
    assert.match(results.hbbtvContentType, /^application\/vnd\.hbbtv\.xhtml\+xml/);
    assert.equal(await page.evaluate(() => document.contentType), 'application/xhtml+xml');
    assert.equal(await page.locator('parsererror').count(), 0, 'the page is not well-formed XHTML');
    await page.waitForFunction(() => window.__oipf.shown);
    results.keyset = await page.evaluate(() => window.__oipf.keyset);
    assert.equal(results.keyset, EXPECTED_KEYSET, 'keyset registered through the application manager');
    assert.ok(await page.evaluate(() => window.__oipf.bound), 'the broadcast picture is bound');
    assert.equal(await page.locator('#placeholder').isVisible(), false);
    assert.match(await page.locator('#watching').textContent(), /Evening News on Switchboard One/);

    // RED: the overlay opens over the picture with this programme's topics first, inside the title-safe area.
    await remote(cdp, KEY.RED);
    await page.locator('#overlay').waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.locator('.sb-topic').first().waitFor({ timeout: TIMEOUT });
    assert.match(await page.locator('.sb-topic').first().textContent(), /^1 Evening News: watch again$/);
    const box = await page.locator('#overlay').boundingBox();
    assert.ok(box.x >= 64 && box.y >= 36 && box.x + box.width <= 1280 - 64 && box.y + box.height <= 720 - 36,
        'overlay inside the title-safe area: ' + JSON.stringify(box));
    const setTopId = await page.evaluate(() => localStorage.getItem('sb.settop'));
    const firstConversation = await page.evaluate(() => localStorage.getItem('sb.conversation'));

    // DOWN, OK: the second topic's answer from the knowledge base.
    const secondTopic = await page.locator('.sb-topic').nth(1).getAttribute('data-topic');
    await remote(cdp, KEY.DOWN);
    await remote(cdp, KEY.OK);
    await page.waitForFunction(t => document.getElementById('overlay-title').textContent === t, secondTopic);
    assert.ok((await body(page).textContent()).includes(answerOf(secondTopic)));

    // Digit 1: the first quick reply of that answer.
    const quickReply = await page.locator('.sb-topic').first().getAttribute('data-topic');
    await digits(cdp, '1');
    await page.waitForFunction(t => document.getElementById('overlay-title').textContent === t, quickReply);
    assert.ok((await body(page).textContent()).includes(answerOf(quickReply)));

    // BACK closes one level at a time.
    await remote(cdp, KEY.BACK);
    assert.equal(await title(page).textContent(), secondTopic);

    // YELLOW on that earlier answer: the number keyed in; the answer on the screen (not the latest one in
    // the thread) leaves by SMS through the SMSC to that number, and the words go into the thread.
    const requests = [];
    page.on('request', request => {
        if (request.url().endsWith('/tv/api/requests')) {
            requests.push(request.postDataJSON());
        }
    });
    await remote(cdp, KEY.YELLOW);
    await page.locator('#entry').waitFor({ timeout: TIMEOUT });
    await digits(cdp, '447700900123');
    await remote(cdp, KEY.OK);
    await body(page).getByText('We have texted it to +447700900123.').waitFor({ timeout: TIMEOUT });
    await assertInThread(page, m => m.text.startsWith('Please send this to my phone +447700900123.'), 'send to phone');
    const shownAnswer = (await thread(page)).find(m => m.direction === 'outbound' && m.text === answerOf(secondTopic));
    assert.ok(shownAnswer, 'the answer on the screen is in the thread');
    assert.equal(requests[0].shown.messageId, shownAnswer.id, 'yellow names the answer on the screen');
    assert.deepEqual(await textsReceivedBy('+447700900123', 1), [answerOf(secondTopic)]);
    await remote(cdp, KEY.BACK);
    assert.equal(await title(page).textContent(), secondTopic);
    await remote(cdp, KEY.BACK);
    assert.equal(await title(page).textContent(), 'Help');

    // The last item types a question: multi-tap on the digits, then the on-screen keyboard.
    const typeNumber = String(await page.locator('.sb-topic').count() + 1);
    await digits(cdp, typeNumber);
    await page.locator('#entry').waitFor({ timeout: TIMEOUT });
    await digits(cdp, '7777' + '88' + '22' + '8' + '444' + '8' + '555' + '33'); // s u b t i t l e
    await remote(cdp, KEY.DOWN); // moving on the keyboard ends the multi-tap letter
    await remote(cdp, KEY.DOWN);
    for (let i = 0; i < 4; i++) {
        await remote(cdp, KEY.RIGHT);
    }
    await remote(cdp, KEY.OK); // "s" on the on-screen keyboard
    assert.equal(await page.locator('#entry').textContent(), 'subtitles');
    await remote(cdp, KEY.DOWN);
    await remote(cdp, KEY.DOWN); // the last row: space, delete, send
    await remote(cdp, KEY.OK);
    await page.waitForFunction(() => document.getElementById('overlay-title').textContent === 'subtitles');
    assert.ok((await body(page).textContent()).includes(answerOf('TV subtitles')));
    await remote(cdp, KEY.BACK);

    // GREEN: an agent is on duty now; the request for an agent goes into the thread and is offered to her
    // (the gateway offers before it answers). She claims the conversation and answers through the agent
    // API: her greeting and her answer appear in the overlay, the hub's own answers do not.
    const agent = agentDesk();
    await agent.onDuty();
    await remote(cdp, KEY.GREEN);
    await page.locator('#agent-messages').waitFor({ state: 'attached', timeout: TIMEOUT });
    await assertInThread(page, m => m.direction === 'inbound' && m.text.startsWith('I would like to talk to an agent.'),
        'the request for an agent');
    const conversationId = await page.evaluate(() => localStorage.getItem('sb.conversation'));
    assert.deepEqual((await agent.offers()).map(offer => offer.conversationId), [conversationId]);
    await agent.claimAndAnswer(conversationId, AGENT_SAYS);
    await page.locator('#agent-messages li', { hasText: AGENT_SAYS }).waitFor({ timeout: TIMEOUT });
    const lines = await page.locator('#agent-messages li').allTextContents();
    assert.ok(lines.length >= 1 && lines.every(line => line.startsWith(AGENT_NAME + ': ')),
        "only the agent's words, not the hub's own answers: " + JSON.stringify(lines));
    assert.equal(lines[lines.length - 1], AGENT_NAME + ': ' + AGENT_SAYS);
    await remote(cdp, KEY.BACK);

    // Later the thread has grown past the overlay's page: the chat opened again reads only the newest messages,
    // and UP, OK ("Earlier messages") read the pages before them by their cursor until the thread's start. Every
    // message of the agent then shows once, in the order written.
    await askThroughTheApi(page, LATER_QUESTIONS);
    const olderReads = [];
    page.on('request', request => {
        if (OLDER_READ.test(request.url())) {
            olderReads.push(request.url());
        }
    });
    await remote(cdp, KEY.GREEN);
    await page.locator('#agent-older').waitFor({ state: 'visible', timeout: TIMEOUT });
    const beforeOlder = await page.locator('#agent-messages li').allTextContents();
    assert.ok(!beforeOlder.includes(AGENT_NAME + ': ' + AGENT_SAYS), 'her answer is older than the newest page: '
        + JSON.stringify(beforeOlder));
    await remote(cdp, KEY.UP);
    assert.match(await page.locator('#agent-older').getAttribute('class'), /focused/);
    for (let read = 1; await page.locator('#agent-older').isVisible(); read++) {
        assert.ok(read <= 10, 'the thread\'s start within 10 reads');
        const answered = page.waitForResponse(response => OLDER_READ.test(response.url()));
        await remote(cdp, KEY.OK);
        await answered;
        await page.waitForFunction(() => document.getElementById('status').textContent !== 'Please wait...');
    }
    const agentWrote = (await thread(page)).filter(m => m.fromAgent).map(m => m.author + ': ' + m.text);
    assert.deepEqual(await page.locator('#agent-messages li').allTextContents(), agentWrote);
    assert.ok(agentWrote.includes(AGENT_NAME + ': ' + AGENT_SAYS));
    assert.ok(olderReads.length >= 1, 'older messages were read by their cursor');
    assert.equal(await page.locator('#agent-write').getAttribute('class'), 'sb-item focused',
        'at the thread\'s start OK writes to the agent again');
    await remote(cdp, KEY.BACK);

    // BLUE: call me back; a number that is no phone number is refused with the reason.
    await remote(cdp, KEY.BLUE);
    await digits(cdp, '12');
    await remote(cdp, KEY.OK);
    await page.locator('#status', { hasText: 'Sorry: phone number must be in international form' })
        .waitFor({ timeout: TIMEOUT });
    await remote(cdp, KEY.LEFT);
    await remote(cdp, KEY.LEFT);
    await digits(cdp, '447700900456');
    await remote(cdp, KEY.OK);
    await body(page).getByText(AGENT_NAME + ' will call you back on +447700900456.').waitFor({ timeout: TIMEOUT });
    await assertInThread(page, m => m.text.startsWith('Please call me back on +447700900456.'), 'call back');
    await remote(cdp, KEY.BACK);

    // The agent finishes the conversation: the help desk asks the viewer to rate her help. BACK on the first level
    // shows the question, answered with GREEN: a rating of 5 the agent sees, no message in the thread, nobody queued.
    await agent.finish(conversationId);
    const before = (await thread(page)).length;
    await remote(cdp, KEY.BACK);
    await page.waitForFunction(() => document.getElementById('overlay-title').textContent === 'Did we help?');
    await remote(cdp, KEY.GREEN);
    await page.locator('#overlay').waitFor({ state: 'hidden', timeout: TIMEOUT });
    const ratings = (await agent.conversation(conversationId)).ratings;
    assert.deepEqual(ratings.map(r => [r.status, r.score, r.askedOn, r.ratedOn]), [['rated', 5, 'tv', 'tv']]);
    const after = await thread(page);
    assert.equal(after.length, before, 'the answer is a rating, not a message: ' + JSON.stringify(after.slice(before)));
    assert.deepEqual(await agent.queue(), [], 'the rating queues nobody');
    assert.deepEqual(await agent.offers(), [], 'the rating is offered to nobody');
    results.bytes = transferred;
    // The agent signs out: the plain browser's walk below gets the knowledge base's answers again.
    await agent.offDuty();

    // The box keeps its set-top id and its conversation across a restart of the app.
    await page.reload();
    await remote(cdp, KEY.RED);
    await page.locator('.sb-topic').first().waitFor({ timeout: TIMEOUT });
    assert.equal(await page.evaluate(() => localStorage.getItem('sb.settop')), setTopId);
    assert.equal(await page.evaluate(() => localStorage.getItem('sb.conversation')), firstConversation);
    // The rating was given: BACK closes the overlay without the satisfaction question.
    await remote(cdp, KEY.BACK);
    await page.locator('#overlay').waitFor({ state: 'hidden', timeout: TIMEOUT });

    assert.deepEqual(errors, []);
    await context.close();
}

async function plainBrowserWalk(browser, results) {
    // Half the pixels: the screenshot for the README stays small.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 0.5 });
    const page = await context.newPage();
    const errors = [];
    watchErrors(page, errors);
    const query = '?service=' + encodeURIComponent(FOOTBALL.service) + '&programme='
        + encodeURIComponent(FOOTBALL.programme) + '&region=London';
    const response = await page.goto(BASE + 'tv/' + query);
    results.browserContentType = response.headers()['content-type'];
    assert.match(results.browserContentType, /^text\/html/);
    assert.ok(await page.locator('#placeholder').isVisible(), 'a placeholder instead of the broadcast picture');
    assert.match(await page.locator('#watching').textContent(), /Sunday Football on dvb:\/\/233a\.1004\.1045/);

    const cdp = await context.newCDPSession(page);
    await remote(cdp, KEY.RED);
    await page.locator('.sb-topic').first().waitFor({ timeout: TIMEOUT });
    assert.match(await page.locator('.sb-topic').first().textContent(), /Sunday Football: highlights/);
    await remote(cdp, KEY.OK);
    await page.waitForFunction(() => document.getElementById('overlay-title').textContent === 'Sunday Football: highlights');
    await page.screenshot({ path: path.join(OUT, 'overlay.png') });
    assert.deepEqual(errors, []);
    await context.close();
}

async function main() {
    fs.mkdirSync(OUT, { recursive: true });
    const results = {};
    await checkShippedCode(results);
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
    });
    try {
        await hbbtvWalk(browser, results);
        await plainBrowserWalk(browser, results);
    } finally {
        await browser.close();
        fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
    }
    console.log(JSON.stringify(results));
}

main().catch(error => {
    console.error(error && error.stack ? error.stack : error);
    process.exit(1);
});
