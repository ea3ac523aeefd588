// The loader a company's page embeds: <script src="https://gateway/widget.js" defer></script>. It draws the chat
// button in a shadow root as soon as it runs, with the availability the gateway wrote into it when serving it, then
// follows the availability stream (pushed, never polled); it loads the chat (widget/chat.js) only when the visitor
// opens it. A copy served for a page of a site not allowed draws nothing; one that says nothing (no Referer) draws
// once the stream's first event came. If the gateway is down or slow, nothing is drawn and nothing
// is logged: the page works as if there were no widget. Nothing is stored in the browser until the chat is opened,
// except, on a site that turned invitations on, the count of pages in the visit. The gateway also writes into it the
// look its managers saved (colour, corner, texts, invitation): the snippet is the bare tag. A data- attribute on the
// tag wins over the saved look on that page; data-look="none" ignores the saved look (the manager page's preview of
// unsaved values).
import { readEvents } from './sse.js';
import { sheet } from './sheet.js';

const TEXTS = {
  en: { online: 'Chat with us', offline: 'Nobody is available - leave a message', invite: 'Can we help you? Chat with us.',
    accept: 'Chat now', dismiss: 'No, thanks' },
  pl: { online: 'Porozmawiaj z nami', offline: 'Konsultant niedostępny. Zostaw wiadomość',
    invite: 'Czy możemy pomóc? Porozmawiaj z nami.', accept: 'Rozmawiaj', dismiss: 'Nie, dziękuję' },
};
const FIRST_EVENT_WITHIN = 5000;
// Replaced by the gateway as it serves this file (WidgetFilesServlet): 'available', 'unavailable' or 'refused'.
// Read through an array so that the minifier cannot fold the comparisons below.
const SERVED = ['__SWITCHBOARD_SERVED_STATE__'][0];
// Replaced by the gateway with the saved look as JSON (ServedLook); left as it is by a copy served elsewhere.
const SERVED_LOOK = ['__SWITCHBOARD_SERVED_LOOK__'][0];
export const STORE = 'switchboard-chat';
const VISIT = 'switchboard-visit';

function start(script) {
  if (!script || !script.src || window.__switchboardWidget || SERVED === 'refused') return;
  window.__switchboardWidget = true;
  const base = new URL('./', script.src).href;
  const d = script.dataset;
  let look = {};
  try { if (d.look !== 'none' && SERVED_LOOK[0] === '{') look = JSON.parse(SERVED_LOOK); } catch (e) { /* the defaults */ }
  const lang = (d.lang || document.documentElement.lang || look.lang || 'en').slice(0, 2).toLowerCase() === 'pl' ? 'pl' : 'en';
  // A text for the page's language (data-text-online-pl) before one for every language (data-text-online), before
  // the saved one for the page's language.
  const suffix = lang === 'pl' ? 'Pl' : 'En';
  const saved = (look.texts && look.texts[lang]) || {};
  const text = (name, key) => d[name + suffix] || d[name] || saved[key];
  const texts = { ...TEXTS[lang] };
  if (text('textOnline', 'online')) texts.online = text('textOnline', 'online');
  if (text('textOffline', 'offline')) texts.offline = text('textOffline', 'offline');
  if (text('inviteText', 'invite')) texts.invite = text('inviteText', 'invite');
  const hex = /^#[0-9a-fA-F]{3,8}$/;
  const color = hex.test(d.color || '') ? d.color : hex.test(look.color || '') ? look.color : '#1a56b0';
  const position = (d.position || look.position) === 'left' ? 'left' : 'right';
  const config = { base, lang, texts, color, position, greeting: text('greeting', 'greeting') || '' };
  // A logged-in customer as the company's server signed him (docs/channels/web.md): sent in a header, never a URL.
  if (d.customerId && d.customerIssuedAt && d.customerSignature) {
    config.customer = { id: d.customerId, signed: d.customerId + '.' + d.customerIssuedAt + '.' + d.customerSignature };
  }

  let available = null;
  let host = null, root = null, button = null, chat = null, loading = false;
  const listeners = [];
  let reopen = false;

  function draw() {
    host = document.createElement('div');
    host.setAttribute('data-switchboard-widget', '');
    host.style.cssText = `position:fixed;bottom:16px;${config.position}:16px;z-index:2147483000;`;
    root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(`
      :host{all:initial}
      *{box-sizing:border-box;font:15px/1.4 system-ui,sans-serif}
      .open{background:${color};color:#fff;border:0;border-radius:22px;padding:10px 18px;cursor:pointer;box-shadow:0 2px 8px #0004}
      .open:focus-visible{outline:3px solid #000;outline-offset:2px}
      .invite{position:absolute;bottom:52px;${config.position}:0;width:260px;background:#fff;color:#111;border:1px solid #888;border-radius:8px;padding:10px;box-shadow:0 2px 8px #0004}
      .invite button{margin:6px 6px 0 0}`)];
    root.innerHTML = '<button class="open" type="button" aria-haspopup="dialog"></button>';
    button = root.querySelector('.open');
    button.addEventListener('click', () => open());
    document.body.appendChild(host);
  }

  function show(nowAvailable) {
    available = nowAvailable;
    if (!host) draw();
    button.textContent = available ? texts.online : texts.offline;
    button.dataset.available = String(available);
    listeners.forEach((listener) => listener(available));
    if (reopen) { reopen = false; open(); }
  }

  function open() {
    button.setAttribute('aria-expanded', 'true');
    if (chat) { chat.show(); return; }
    if (loading) return;
    loading = true;
    document.addEventListener('switchboard-chat-loaded', (event) => {
      chat = event.detail({ config, root, available: () => available, onAvailability: (l) => listeners.push(l),
        closed: () => button.setAttribute('aria-expanded', 'false') });
    }, { once: true });
    const tag = document.createElement('script');
    tag.src = base + 'widget/chat.js';
    tag.async = true;
    tag.onerror = () => { loading = false; };
    document.head.appendChild(tag);
  }

  function invite(rules) {
    if (!rules.after) return;
    let visit = { pages: 0, invited: false };
    try { visit = JSON.parse(sessionStorage.getItem(VISIT)) || visit; } catch (e) { /* a fresh visit */ }
    visit.pages += 1;
    try { sessionStorage.setItem(VISIT, JSON.stringify(visit)); } catch (e) { /* storage refused: no count */ }
    if (visit.invited || visit.pages < rules.minPages || !rules.pages.test(location.pathname)) return;
    setTimeout(() => {
      if (!available || chat || visit.invited) return;
      visit.invited = true;
      try { sessionStorage.setItem(VISIT, JSON.stringify(visit)); } catch (e) { /* ignored */ }
      const bubble = document.createElement('div');
      bubble.className = 'invite';
      bubble.setAttribute('role', 'dialog');
      bubble.setAttribute('aria-label', texts.invite);
      bubble.innerHTML = '<p></p><button type="button" class="accept"></button><button type="button" class="dismiss"></button>';
      bubble.querySelector('p').textContent = texts.invite;
      bubble.querySelector('.accept').textContent = texts.accept;
      bubble.querySelector('.dismiss').textContent = texts.dismiss;
      bubble.querySelector('.accept').onclick = () => { bubble.remove(); open(); };
      bubble.querySelector('.dismiss').onclick = () => bubble.remove();
      root.appendChild(bubble);
    }, rules.after * 1000);
  }

  function pattern(text) {
    try { return new RegExp(text || '.*'); } catch (e) { return /.*/; }
  }

  async function follow() {
    let delay = 1000;
    for (;;) {
      const abort = new AbortController();
      const slow = host ? null : setTimeout(() => abort.abort(), FIRST_EVENT_WITHIN);
      try {
        await readEvents(base + 'api/widget/availability', {}, abort.signal, (type, data) => {
          if (type !== 'availability') return;
          clearTimeout(slow);
          delay = 1000;
          show(data.available === true);
          host.dataset.connected = 'true';
        });
      } catch (e) {
        if (!host) return; // never shown: the page goes on as if there were no widget
      }
      clearTimeout(slow);
      if (!host) return;
      host.dataset.connected = 'false';
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10000);
    }
  }

  // A chat the visitor left open on another page of the site opens again once the button is there.
  let stored = null;
  try { stored = JSON.parse(localStorage.getItem(STORE)); } catch (e) { /* nothing kept */ }
  reopen = Boolean(stored && stored.open);
  if (SERVED === 'available' || SERVED === 'unavailable') {
    // A tag without defer in the head runs before the body exists: the button waits for it.
    const first = () => { if (!host) show(SERVED === 'available'); };
    if (document.body) first(); else document.addEventListener('DOMContentLoaded', first, { once: true });
  }
  follow().then(() => {}, () => {});
  // The tag's invitation, else the saved one.
  const rules = d.inviteAfter ? { after: d.inviteAfter, minPages: d.inviteMinPages, pages: d.invitePages } : look.invite || {};
  const after = Number(rules.after);
  if (after > 0) {
    invite({ after, minPages: Number(rules.minPages) || 1, pages: pattern(rules.pages) });
  }
}

start(document.currentScript);
