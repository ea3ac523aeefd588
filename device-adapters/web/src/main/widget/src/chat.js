// The chat, loaded by the loader when the visitor opens it: a panel in the loader's shadow root. The conversation
// (its id, the customer token, the visitor id) and the messages not yet acknowledged are kept in the site's
// localStorage from the first message on, so the chat goes on across the site's pages and a reload. Messages are
// sent with idempotency keys and sent again until the gateway acknowledges them, so a network loss neither loses
// nor doubles one; answers are pushed over a fetch-read event stream, the token in a header, never in a URL.
import { readEvents } from './sse.js';
import { showRating } from './rating.js';
import { sheet } from './sheet.js';

const STORE = 'switchboard-chat';
const TEXTS = {
  en: { title: 'Chat', close: 'Close the chat', greeting: 'Hello! How can we help you?', placeholder: 'Your message',
    send: 'Send', you: 'You', agent: 'Agent', name: 'Your name', contact: 'Email or phone', message: 'Your message',
    leave: 'Leave a message', offlineIntro: 'Nobody is available now. Leave a message and we will answer you.',
    thanks: 'Thank you. We will answer you at %s within one working day.', needContact: 'Give an email address or a phone number.',
    sending: 'sending…', log: 'Conversation', typing: '%s is typing…', read: 'Read' },
  pl: { title: 'Czat', close: 'Zamknij czat', greeting: 'Dzień dobry! W czym możemy pomóc?', placeholder: 'Twoja wiadomość',
    send: 'Wyślij', you: 'Ty', agent: 'Konsultant', name: 'Imię i nazwisko', contact: 'E-mail lub telefon', message: 'Wiadomość',
    leave: 'Zostaw wiadomość', offlineIntro: 'Nikt nie jest teraz dostępny. Zostaw wiadomość, a odpowiemy.',
    thanks: 'Dziękujemy. Odpowiemy na %s w ciągu jednego dnia roboczego.', needContact: 'Podaj adres e-mail lub numer telefonu.',
    sending: 'wysyłanie…', log: 'Rozmowa', typing: '%s pisze…', read: 'Przeczytane' },
};
// How long "Anna is typing…" stays without news (the desktop tells every few seconds while she types), and how often
// this chat tells that the visitor types.
const TYPING_SHOWN_MS = 6000;
const TYPING_EVERY_MS = 3000;

function load() {
  try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
}
function save(state) {
  try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: this page only */ }
}
function randomId(prefix) {
  return prefix + '-' + crypto.randomUUID();
}
const wait = (millis) => new Promise((resolve) => setTimeout(resolve, millis));
// A message time as microseconds since the epoch: the gateway's times have microseconds, which Date drops.
function micros(iso) {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso || '');
  return match ? Date.parse(match[1] + 'Z') * 1000 + Number(((match[2] || '') + '000000').slice(0, 6)) : NaN;
}

function openChat({ config, root, available, onAvailability, closed }) {
  const t = TEXTS[config.lang] || TEXTS.en;
  const api = config.base + 'api/';
  let state = load();
  // A site's logged-in customer (his signed id, config.customer) reads and writes his own thread, never one this
  // browser kept for someone else: another customer, or the anonymous visitor before the login.
  if ((state.customerId || null) !== (config.customer ? config.customer.id : null)) {
    state = config.customer ? { customerId: config.customer.id } : {};
  }
  state.open = true;
  state.visitorId = state.visitorId || randomId('v');
  state.outbox = state.outbox || [];
  save(state);
  const seen = new Set();
  // The token of the conversation, else the signed id of the site's customer (a device that holds no token).
  const auth = () => state.token ? { Authorization: 'Bearer ' + state.token }
    : config.customer ? { 'Switchboard-Customer': config.customer.signed } : {};

  const panel = document.createElement('section');
  panel.className = 'panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t.title);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet(`
      .panel{position:absolute;bottom:52px;${config.position}:0;width:320px;max-width:calc(100vw - 32px);height:min(460px,calc(100vh - 90px));overflow-y:auto;display:flex;flex-direction:column;background:#fff;color:#111;border:1px solid #777;border-radius:8px;box-shadow:0 4px 16px #0005}
      header{display:flex;justify-content:space-between;align-items:center;background:${config.color};color:#fff;padding:8px 10px;border-radius:8px 8px 0 0}
      header h2{margin:0;font-size:16px}
      header button{background:none;color:#fff;border:0;cursor:pointer;font-size:18px}
      .log{flex:1 1 auto;min-height:60px;overflow:auto;padding:8px;margin:0;list-style:none}
      .log li{margin:4px 0;padding:6px 8px;border-radius:6px;background:#eef;max-width:85%}
      .log li.inbound{margin-left:auto;background:#e7f3e7}
      .log li.pending{color:#555}
      .log .who{display:block;font-size:12px;color:#444}
      .log .seen{display:block;font-size:11px;color:#2a5d2a;text-align:right}
      .typing{margin:0 8px;min-height:16px;font-size:12px;font-style:italic;color:#444}
      form{flex:0 0 auto;display:flex;flex-direction:column;gap:4px;padding:8px;border-top:1px solid #ccc}
      form p{margin:0}
      input,textarea{border:1px solid #666;border-radius:4px;padding:4px}
      .row{display:flex;gap:4px}.row textarea{flex:1}
      button.send{background:${config.color};color:#fff;border:0;border-radius:4px;padding:6px 10px;cursor:pointer}
      .error{color:#a00000}.sr{position:absolute;left:-9999px}
      [hidden]{display:none!important}`)];
  panel.innerHTML = `<header><h2></h2><span class="agent"></span><button type="button" class="close">×</button></header>
    <ol class="log" aria-live="polite" tabindex="0"></ol><p class="typing" aria-live="polite"></p>
    <form class="compose" hidden><label class="sr" for="sb-text"></label><div class="row"><textarea id="sb-text" rows="2" required maxlength="4000"></textarea><button class="send" type="submit"></button></div></form>
    <form class="offline" hidden><p class="intro"></p>
      <label><span class="l-name"></span><br><input name="name" autocomplete="name" required maxlength="200"></label>
      <label><span class="l-contact"></span><br><input name="contact" autocomplete="email" required maxlength="200"></label>
      <label><span class="l-message"></span><br><textarea name="message" rows="3" required maxlength="3000"></textarea></label>
      <p class="error" role="alert"></p><button class="send" type="submit"></button></form>`;
  panel.querySelector('h2').textContent = t.title;
  const closeButton = panel.querySelector('.close');
  closeButton.setAttribute('aria-label', t.close);
  const log = panel.querySelector('.log');
  log.setAttribute('aria-label', t.log);
  const compose = panel.querySelector('.compose');
  const text = compose.querySelector('textarea');
  compose.querySelector('label').textContent = t.placeholder;
  text.placeholder = t.placeholder;
  compose.querySelector('button').textContent = t.send;
  const offline = panel.querySelector('.offline');
  offline.querySelector('.intro').textContent = t.offlineIntro;
  offline.querySelector('.l-name').textContent = t.name;
  offline.querySelector('.l-contact').textContent = t.contact;
  offline.querySelector('.l-message').textContent = t.message;
  offline.querySelector('button').textContent = t.leave;
  root.appendChild(panel);

  const typing = panel.querySelector('.typing');
  let typingTimer = null;
  function agentTyping(author) {
    typing.textContent = t.typing.replace('%s', author || t.agent);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { typing.textContent = ''; }, TYPING_SHOWN_MS);
  }

  // "Read" under the visitor's newest message that an agent has read.
  let readUpTo = NaN;
  function showRead() {
    const read = [...log.querySelectorAll('li.inbound[data-at]')].filter((li) => micros(li.dataset.at) <= readUpTo);
    log.querySelectorAll('.seen').forEach((mark) => mark.remove());
    if (read.length) {
      const mark = document.createElement('span');
      mark.className = 'seen';
      mark.textContent = t.read;
      read[read.length - 1].append(mark);
    }
  }

  // Tells the gateway that the visitor saw the agents' messages, while the chat is open in a visible page.
  let newestAnswer = null, readSent = null;
  function tellRead() {
    if (!newestAnswer || newestAnswer === readSent || panel.hidden || document.visibilityState !== 'visible') return;
    readSent = newestAnswer;
    post('read', { messageId: newestAnswer });
  }
  document.addEventListener('visibilitychange', tellRead);

  // Calls that tell something passing (typing, read): nothing is retried.
  function post(what, body) {
    if (!state.conversationId) return;
    fetch(api + 'conversations/' + encodeURIComponent(state.conversationId) + '/' + what, {
      method: 'POST', credentials: 'omit', headers: Object.assign({ 'Content-Type': 'application/json' }, auth()),
      body: JSON.stringify(body || {}) }).catch(() => {});
  }

  function add(message) {
    if (message.id && seen.has(message.id)) return;
    if (message.id) seen.add(message.id);
    const item = document.createElement('li');
    const inbound = message.direction === 'inbound';
    item.className = inbound ? 'inbound' : 'outbound';
    if (message.id) item.dataset.id = message.id;
    if (message.at) item.dataset.at = message.at;
    if (!inbound && message.id) {
      newestAnswer = message.id;
      typing.textContent = '';
    }
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = inbound ? t.you : (message.author || t.agent);
    item.append(who, document.createTextNode(message.text || ''));
    if (!inbound && message.author) panel.querySelector('.agent').textContent = message.author;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function forms() {
    const chatting = Boolean(state.conversationId) || available();
    compose.hidden = !chatting;
    offline.hidden = chatting;
  }
  onAvailability(forms);
  forms();
  if (!state.conversationId) add({ direction: 'outbound', author: null, text: config.greeting || t.greeting });

  // Push: the thread's messages as they are stored, read again from the last one seen after any break.
  let lastId = null, following = false;
  async function follow() {
    if (following || !state.conversationId) return;
    following = true;
    let delay = 1000;
    for (;;) {
      try {
        const headers = auth();
        if (lastId) headers['Last-Event-ID'] = lastId;
        await readEvents(api + 'conversations/' + encodeURIComponent(state.conversationId) + '/events', headers, undefined,
          (type, data, id) => {
            if (type === 'rating-asked') { askRating(); return; }
            if (type === 'typing') { agentTyping(data.author); return; }
            if (type === 'read') { readUpTo = micros(data.readUpTo); showRead(); return; }
            if (type !== 'message') return;
            add(data);
            showRead();
            tellRead();
            lastId = id || lastId;
            delay = 1000;
          });
      } catch (e) {
        if (e.status === 404) { following = false; return; }
      }
      await wait(delay);
      delay = Math.min(delay * 2, 5000);
    }
  }

  // The stream says a rating is asked (at once after the agent's finish, and on connecting while it is asked).
  function askRating() {
    showRating(panel, config.lang, async (rating) => {
      try {
        return (await fetch(api + 'conversations/' + encodeURIComponent(state.conversationId) + '/rating', {
          method: 'POST', credentials: 'omit',
          headers: Object.assign({ 'Content-Type': 'application/json' }, auth()),
          body: JSON.stringify(rating) })).status;
      } catch (e) { return 0; }
    });
  }

  // Sends the outbox in order; each message keeps its key until the gateway acknowledged it.
  let flushing = false;
  async function flush() {
    if (flushing) return;
    flushing = true;
    let delay = 500;
    while (state.outbox.length) {
      const next = state.outbox[0];
      try {
        const first = !state.conversationId;
        const response = await fetch(first ? api + 'help'
          : api + 'conversations/' + encodeURIComponent(state.conversationId) + '/messages', {
          method: 'POST', credentials: 'omit',
          headers: Object.assign({ 'Content-Type': 'application/json', 'Idempotency-Key': next.key }, auth()),
          body: JSON.stringify(first ? { text: next.text, visitorId: state.visitorId, idempotencyKey: next.key,
            forAgent: Boolean(next.forAgent), context: { pageUrl: location.href.slice(0, 500), locale: config.lang } }
            : { text: next.text, idempotencyKey: next.key, forAgent: Boolean(next.forAgent) }),
        });
        if (response.status >= 500) throw new Error('retry');
        if (response.ok) {
          const outcome = await response.json();
          if (first && !outcome.customerToken && !config.customer) {
            // The first answer was lost and its repeat carries no token (the API gives it only once): start again
            // as a new visitor, the message with a new key.
            state.visitorId = randomId('v');
            next.key = randomId('w');
            save(state);
            continue;
          }
          if (first) {
            state.conversationId = outcome.conversationId;
            state.token = outcome.customerToken;
          }
        }
        // A refusal (4xx) will not be taken by sending it again: it is dropped.
        state.outbox.shift();
        save(state);
        if (next.item) next.item.remove();
        delay = 500;
        forms();
        follow();
      } catch (e) {
        await wait(delay);
        delay = Math.min(delay * 2, 10000);
      }
    }
    flushing = false;
  }

  // forAgent: a message left in the offline form is for a person, never answered by the knowledge base.
  function queue(messageText, forAgent) {
    const entry = { key: randomId('w'), text: messageText, forAgent: Boolean(forAgent) };
    state.outbox.push(entry);
    save(state);
    const item = add({ direction: 'inbound', text: messageText });
    item.classList.add('pending');
    item.setAttribute('aria-busy', 'true');
    Object.defineProperty(entry, 'item', { value: item, enumerable: false });
    flush();
  }

  let typingSent = 0; // when this chat last told that the visitor types: a new message is told at its first key
  compose.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = text.value.trim();
    if (!value) return;
    text.value = '';
    typingSent = 0;
    queue(value);
  });
  text.addEventListener('input', () => {
    if (state.conversationId && text.value.trim() && Date.now() - typingSent >= TYPING_EVERY_MS) {
      typingSent = Date.now();
      post('typing');
    }
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); compose.requestSubmit(); }
  });
  offline.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(offline);
    const contact = String(data.get('contact')).trim();
    const error = offline.querySelector('.error');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact) && !/^\+?[0-9 ()-]{6,20}$/.test(contact)) {
      error.textContent = t.needContact;
      return;
    }
    error.textContent = '';
    queue(`${String(data.get('message')).trim()}\n\n— ${String(data.get('name')).trim()}, ${contact}`, true);
    offline.hidden = true;
    compose.hidden = false;
    add({ direction: 'outbound', text: t.thanks.replace('%s', contact) });
  });
  closeButton.addEventListener('click', () => hide());

  function hide() {
    panel.hidden = true;
    state.open = false;
    save(state);
    closed();
  }

  // A logged-in customer's device that does not know his conversation (a new device) finds his one thread by his
  // signed id, before he writes.
  async function findMine() {
    if (!config.customer || state.conversationId) return;
    try {
      const response = await fetch(api + 'conversations/mine?limit=1', { credentials: 'omit', headers: auth() });
      if (!response.ok || state.conversationId) return;
      state.conversationId = (await response.json()).conversationId;
      save(state);
      forms();
      follow();
    } catch (e) { /* his first message here opens it */ }
  }

  // Messages kept from an earlier page: shown pending and sent again with their keys.
  for (const entry of state.outbox) {
    const item = add({ direction: 'inbound', text: entry.text });
    item.classList.add('pending');
    Object.defineProperty(entry, 'item', { value: item, enumerable: false });
  }
  follow();
  flush();
  findMine();
  (state.outbox.length || state.conversationId ? text : panel.querySelector('input, textarea')).focus();

  return {
    show() {
      panel.hidden = false;
      state.open = true;
      save(state);
      tellRead();
    },
  };
}

document.dispatchEvent(new CustomEvent('switchboard-chat-loaded', { detail: openChat }));
