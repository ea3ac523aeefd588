// The agent desktop: signs in, reads offers, invitations and its conversations from the agent API again whenever
// the live connection tells of a change (polling only while it is down), and acts on them (desk-api.js calls
// the API and keeps the live connection). Every text from the server is set with textContent, never as HTML.
'use strict';

const state = { account: null, selected: null, quickTexts: {} };

function signedIn(answer) {
  deskSession.csrf = answer.csrfToken;
  state.account = answer.account;
  $('login').hidden = true;
  $('who').hidden = false;
  $('me').textContent = answer.account.displayName + ' (' + answer.account.role.toLowerCase() + ')';
  if (answer.passwordChangeRequired) {
    $('password-change').hidden = false;
    return;
  }
  $('desk').hidden = false;
  loadQuickTexts();
  loadRatings();
  refreshSoon();
  connectLive(heard, refreshSoon, 1000);
}

// A pushed desk event: what it changed is read again. The queue as a whole is the managers' concern: an offer
// for this agent comes as its own event.
function heard(event) {
  if (event.type === 'PRESENCE' || event.type === 'HELLO') {
    showPresence();
  }
  if (event.type === 'RATED') {
    loadRatings();
  }
  if (event.type === 'TYPING') {
    if (event.conversationId === state.selected) {
      showTyping();
    }
    return;
  }
  if (event.type === 'MESSAGE' && event.conversationId === state.selected) {
    hideTyping();
  }
  if (event.type !== 'PRESENCE' && event.type !== 'QUEUED') {
    refreshSoon();
  }
}

// "The customer is typing…" for a few seconds after each TYPING event (his chat sends one every few seconds while he
// types), until his message comes.
const TYPING_SHOWN_MS = 6000;
let typingTimer = null;
function showTyping() {
  $('customer-typing').hidden = false;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(hideTyping, TYPING_SHOWN_MS);
}
function hideTyping() {
  clearTimeout(typingTimer);
  $('customer-typing').hidden = true;
}

// A message time as microseconds since the epoch: the server's times have microseconds, which Date drops, and two
// messages may come within one millisecond.
function micros(iso) {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso || '');
  if (!match) {
    return NaN;
  }
  return Date.parse(match[1] + 'Z') * 1000 + Number(((match[2] || '') + '000000').slice(0, 6));
}

// Tells the desk that I saw the thread up to its newest message, when the customer wrote something I had not seen
// and the desktop is in front of me.
let lastReadSent = null;
function markRead(c) {
  const newest = c.messages[c.messages.length - 1];
  const newestFromHim = [...c.messages].reverse().find((m) => m.direction.toLowerCase() === 'inbound');
  if (!newestFromHim || document.visibilityState !== 'visible' || newest.id === lastReadSent
      || micros(newestFromHim.at) <= micros(c.agentsReadUpTo)) {
    return;
  }
  lastReadSent = newest.id;
  api('POST', '/conversations/' + encodeURIComponent(c.conversationId) + '/read', { messageId: newest.id });
}

// While I type an answer the customer's chat says so: one call at most every few seconds.
const TYPING_EVERY_MS = 3000;
let lastTypingSent = 0;
function tellTyping() {
  if (!state.selected || !$('reply-text').value.trim() || Date.now() - lastTypingSent < TYPING_EVERY_MS) {
    return;
  }
  lastTypingSent = Date.now();
  api('POST', '/conversations/' + encodeURIComponent(state.selected) + '/typing');
}

// His presence as the desk has it: he may have been turned away while his desktop was not connected.
async function showPresence() {
  const result = await api('GET', '/agents');
  const me = (result.json.agents || []).find((a) => a.username === state.account.username);
  if (me) {
    $('presence').value = me.presence.toLowerCase();
  }
}

function item(text, buttons) {
  const li = document.createElement('li');
  const span = document.createElement('span');
  span.textContent = text;
  li.appendChild(span);
  for (const [label, action] of buttons) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.action = label.toLowerCase();
    button.addEventListener('click', action);
    li.appendChild(button);
  }
  return li;
}

function fill(listId, entries) {
  $(listId).replaceChildren(...entries);
}

const refreshSoon = coalesced(refresh);

async function refresh() {
  const [offers, mine] = await Promise.all([api('GET', '/offers'), api('GET', '/conversations')]);
  if (offers.status === 401) {
    location.reload();
    return;
  }
  const offerItems = (offers.json.offers || []).map((o) => {
    const li = item('Customer waiting since ' + new Date(o.queuedAt).toLocaleTimeString()
        + (o.team ? ' for team ' + o.team : '') + (o.reservedFor ? ' (for you)' : '') + routedBy(o),
      [['Accept', () => claim(o.conversationId)]]);
    li.dataset.conversation = o.conversationId;
    return li;
  });
  fill('offers', offerItems);
  $('offer-count').textContent = String(offerItems.length);
  fill('invitations', (mine.json.invitations || []).map((a) => {
    const li = item('Invited by ' + (a.ownerName || a.owner), [['Join', () => act(a.conversationId, 'join')]]);
    li.dataset.conversation = a.conversationId;
    return li;
  }));
  fill('mine', (mine.json.conversations || []).map((a) => {
    const li = item(a.conversationId + ' (' + a.stage.toLowerCase() + ')', [['Open', () => open(a.conversationId)]]);
    li.dataset.conversation = a.conversationId;
    return li;
  }));
  if (state.selected) {
    await show(state.selected);
  }
}

// Which routing rule routed a conversation, and the tags it put on it; nothing when none did.
function routedBy(a) {
  return a.routingRule ? ' · routed by rule "' + a.routingRule + '"'
    + (a.tags && a.tags.length ? ' (tags: ' + a.tags.join(', ') + ')' : '') : '';
}

async function loadQuickTexts() {
  const result = await api('GET', '/quick-texts');
  state.quickTexts = {};
  fill('quick-texts', (result.json.quickTexts || []).map((q) => {
    state.quickTexts[q.shortcut] = q.text;
    return item('/' + q.shortcut + ' ' + q.text + (q.shared ? ' (shared)' : ''), []);
  }));
}

// How customers rated a satisfaction question: its score and comment, or that it waits for an answer.
function ratingText(r) {
  if (r.status === 'rated') {
    return 'Rated ' + r.score + ' of 5 (' + r.ratedOn + ')' + (r.comment ? ': ' + r.comment : '');
  }
  return r.status === 'asked' ? 'Rating asked on ' + r.askedOn + ', not answered yet' : 'Rating not answered';
}

// His latest ratings, read at sign-in and whenever a customer rates him (a RATED event).
async function loadRatings() {
  const result = await api('GET', '/ratings');
  fill('ratings', (result.json.ratings || []).map((r) => {
    const li = item(ratingText(r) + ' · ' + r.conversationId, []);
    li.dataset.score = String(r.score);
    return li;
  }));
}

// "/hours " typed at the end of the answer becomes the quick text with that shortcut.
function expandQuickText() {
  const box = $('reply-text');
  const match = /(^|\s)\/([a-z0-9._-]+) $/.exec(box.value);
  if (match && state.quickTexts[match[2]] !== undefined) {
    box.value = box.value.slice(0, match.index + match[1].length) + state.quickTexts[match[2]] + ' ';
  }
}

async function claim(conversationId) {
  const result = await api('POST', '/conversations/' + encodeURIComponent(conversationId) + '/claim');
  if (result.ok) {
    notice('');
    state.selected = conversationId;
  } else {
    notice(result.json.error === 'taken' ? 'Another agent took this conversation first.' : result.json.message);
  }
  await refresh();
}

async function act(conversationId, action, body) {
  const result = await api('POST', '/conversations/' + encodeURIComponent(conversationId) + '/' + action, body);
  notice(result.ok ? '' : result.json.message);
  if (result.ok && ['transfer', 'finish', 'leave'].includes(action)) {
    state.selected = null;
    $('conversation').hidden = true;
  }
  if (result.ok && action === 'join') {
    state.selected = conversationId;
  }
  await refresh();
  return result;
}

function open(conversationId) {
  state.selected = conversationId;
  hideTyping();
  show(conversationId);
}

async function show(conversationId) {
  const result = await api('GET', '/conversations/' + encodeURIComponent(conversationId));
  if (state.selected !== conversationId) {
    return; // closed meanwhile (finished, transferred, left) or another one opened: a late read shows nothing
  }
  if (!result.ok) {
    state.selected = null;
    $('conversation').hidden = true;
    return;
  }
  const c = result.json;
  $('conversation').hidden = false;
  $('conversation-id').textContent = c.conversationId;
  $('stage').textContent = c.stage;
  $('routed-by').textContent = routedBy(c);
  const counts = {};
  const channels = new Set();
  const readUpTo = micros(c.customerReadUpTo);
  const lastRead = [...c.messages].reverse().find((m) => m.direction.toLowerCase() === 'outbound'
    && micros(m.at) <= readUpTo);
  fill('thread', c.messages.map((m) => {
    counts[m.channel] = (counts[m.channel] || 0) + 1;
    channels.add(m.channel);
    const li = document.createElement('li');
    li.className = m.direction.toLowerCase();
    const badge = document.createElement('span');
    badge.className = 'badge channel';
    badge.textContent = m.channel.toUpperCase();
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = ' ' + m.author + ': ' + m.text;
    li.append(badge, text);
    if (m === lastRead) {
      const mark = document.createElement('span');
      mark.className = 'read-mark';
      mark.textContent = 'Read by the customer';
      li.append(mark);
    }
    return li;
  }));
  markRead(c);
  suggestFor(c); // suggestions.js
  $('counters').textContent = Object.entries(counts).map(([ch, n]) => ch.toUpperCase() + ' ' + n).join(' · ');
  const ctx = c.context || {};
  $('context').textContent = [ctx.pageUrl && 'page ' + ctx.pageUrl, ctx.tvProgramme && 'watching ' + ctx.tvProgramme,
    ctx.place && 'near ' + ctx.place + (ctx.region ? ' (' + ctx.region + ')' : ''),
    ctx.latitude != null && 'at ' + ctx.latitude + ', ' + ctx.longitude, ctx.locale && 'locale ' + ctx.locale]
    .filter(Boolean).join(' · ');
  fill('notes', (c.notes || []).map((n) => item('Note from ' + n.from + ' to ' + n.to + ': ' + n.text, [])));
  fill('conversation-ratings', (c.ratings || []).map((r) => item(ratingText(r), [])));
  const picker = $('reply-channel');
  const chosen = picker.value;
  picker.replaceChildren(picker.options[0]);
  for (const ch of channels) {
    const option = document.createElement('option');
    option.value = ch;
    option.textContent = ch;
    picker.appendChild(option);
  }
  picker.value = chosen;
}

function selected() {
  return state.selected;
}

document.addEventListener('DOMContentLoaded', async () => {
  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/api/agent/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify({ username: $('username').value, password: $('password').value })
    });
    const json = await response.json();
    if (response.ok) {
      notice('');
      signedIn(json);
    } else {
      notice(json.message);
    }
  });
  $('password-change').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api('POST', '/password', { current: $('password').value, password: $('new-password').value });
    if (result.ok) {
      $('password-change').hidden = true;
      signedIn({ csrfToken: deskSession.csrf, account: state.account, passwordChangeRequired: false });
    } else {
      notice(result.json.message);
    }
  });
  $('presence').addEventListener('change', async () => {
    const result = await api('POST', '/presence', { presence: $('presence').value });
    notice(result.ok ? '' : result.json.message);
  });
  $('logout').addEventListener('click', async () => {
    await api('POST', '/logout');
    location.reload();
  });
  $('reply').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { text: $('reply-text').value };
    if ($('reply-channel').value) {
      body.channel = $('reply-channel').value;
    }
    const result = await act(selected(), 'messages', body);
    if (result.ok) {
      $('reply-text').value = '';
      lastTypingSent = 0; // the next answer's first key tells the customer at once
    }
  });
  $('reply-text').addEventListener('input', () => {
    expandQuickText();
    tellTyping();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && state.selected) {
      show(state.selected);
    }
  });
  $('transfer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { note: $('transfer-note').value };
    if ($('transfer-agent').value) {
      body.toAgent = $('transfer-agent').value;
    } else {
      body.toTeam = $('transfer-team').value;
    }
    await act(selected(), 'transfer', body);
  });
  $('invite').addEventListener('submit', async (event) => {
    event.preventDefault();
    await act(selected(), 'invite', { agent: $('invite-agent').value });
  });
  for (const action of ['preferred', 'suspend', 'resume', 'leave']) {
    $(action).addEventListener('click', () => act(selected(), action));
  }
  $('finish').addEventListener('click', () => act(selected(), 'finish', { wrapUp: $('wrap-up').value }));
  const me = await api('GET', '/me');
  if (me.ok) {
    signedIn(me.json);
  }
});
