// The manager pages: sign in; the waiting customers by queue, every agent's presence and load, and the offline
// messages, each read again from the agent API when the live connection tells of a change (polled every 2 s
// only while it is down); offline messages are resolved with a note (desk-api.js calls the API).
// Every text from the server is set with textContent, never as HTML.
'use strict';

const state = { waiting: [] };

function signedIn(answer) {
  deskSession.csrf = answer.csrfToken;
  $('login').hidden = true;
  $('who').hidden = false;
  $('me').textContent = answer.account.displayName + ' (' + answer.account.role.toLowerCase() + ')';
  if (answer.account.role !== 'MANAGER') {
    notice('The manager pages are for managers; use the agent desktop at /agent.');
    return;
  }
  if (answer.passwordChangeRequired) {
    notice('Choose your own password on the agent desktop at /agent first.');
    return;
  }
  for (const section of ['waiting', 'agents', 'offline', 'rules', 'embed']) {
    $(section).hidden = false;
  }
  loadRoutingRules();
  refreshAll();
  document.dispatchEvent(new Event('manager-signed-in'));
  connectLive(heard, refreshAll, 2000);
  // The waiting times count up on the page itself: no request.
  setInterval(showWaitingTimes, 1000);
}

const refreshQueue = coalesced(readQueue);
const refreshAgents = coalesced(readAgents);
const refreshOffline = coalesced(readOffline);

function refreshAll() {
  refreshQueue();
  refreshAgents();
  refreshOffline();
}

// A pushed desk event: what it changed is read again. A message in a conversation changes neither the queue nor
// anybody's load.
function heard(event) {
  switch (event.type) {
    case 'HELLO':
      refreshAll();
      break;
    case 'OFFLINE_MESSAGE':
      refreshOffline();
      break;
    case 'PRESENCE':
      refreshAgents();
      break;
    case 'MESSAGE':
      break;
    default:
      refreshQueue();
      refreshAgents();
  }
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? s + ' s' : Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
}

function queueOf(waiting) {
  return waiting.team ? 'team ' + waiting.team : 'skill ' + waiting.skill;
}

async function readQueue() {
  const result = await api('GET', '/queue');
  if (!signedInStill(result)) {
    return;
  }
  state.waiting = result.json.waiting || [];
  const byQueue = new Map();
  for (const waiting of state.waiting) {
    const name = queueOf(waiting);
    if (!byQueue.has(name)) {
      byQueue.set(name, []);
    }
    byQueue.get(name).push(waiting);
  }
  const rows = [];
  for (const [name, conversations] of [...byQueue.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const head = document.createElement('tr');
    head.className = 'queue-name';
    head.dataset.queue = name;
    const th = document.createElement('th');
    th.colSpan = 5;
    th.textContent = name + ': ' + conversations.length + ' waiting';
    head.append(th);
    rows.push(head);
    for (const waiting of conversations) {
      const tr = document.createElement('tr');
      tr.dataset.conversation = waiting.conversationId;
      tr.dataset.queue = name;
      const waited = cell('');
      waited.className = 'waited';
      waited.dataset.since = waiting.queuedAt;
      tr.append(cell(waiting.conversationId), cell(String(waiting.position)), waited,
        cell(duration(waiting.estimatedWaitSeconds)),
        cell(waiting.offeredTo.length ? waiting.offeredTo.join(', ') : 'nobody able yet'));
      rows.push(tr);
    }
  }
  $('queue').replaceChildren(...rows);
  $('waiting-count').textContent = String(state.waiting.length);
  showWaitingTimes();
}

function showWaitingTimes() {
  for (const td of document.querySelectorAll('#queue td.waited')) {
    td.textContent = duration((Date.now() - new Date(td.dataset.since).getTime()) / 1000);
  }
}

async function readAgents() {
  const result = await api('GET', '/agents');
  if (!signedInStill(result)) {
    return;
  }
  $('agent-list').replaceChildren(...(result.json.agents || []).map((agent) => {
    const tr = document.createElement('tr');
    tr.dataset.agent = agent.username;
    tr.dataset.presence = agent.presence;
    tr.dataset.load = String(agent.load);
    tr.append(cell(agent.displayName + ' (' + agent.username + ')'), cell(agent.presence.toLowerCase()),
      cell(agent.load + ' of ' + agent.capacity), cell(agent.teams.join(', ')), cell(agent.skills.join(', ')));
    return tr;
  }));
}

function offlineRow(message) {
  const tr = document.createElement('tr');
  tr.dataset.id = message.id;
  tr.dataset.status = message.status;
  tr.append(cell(new Date(message.at).toLocaleString()), cell(message.from), cell(message.channel),
    cell(message.text));
  const status = cell(message.status);
  if (message.status === 'resolved') {
    status.textContent = 'resolved by ' + message.resolvedBy + (message.note ? ': ' + message.note : '');
  }
  tr.append(status);
  const actions = document.createElement('td');
  if (message.status === 'open') {
    const note = document.createElement('input');
    note.placeholder = 'note (optional)';
    note.className = 'note';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Resolve';
    button.dataset.action = 'resolve';
    button.addEventListener('click', () => resolve(message.id, note.value));
    actions.append(note, button);
  }
  tr.append(actions);
  return tr;
}

async function readOffline() {
  const filter = $('status-filter').value;
  const [shown, open] = await Promise.all([
    api('GET', '/offline-messages' + (filter ? '?status=' + filter : '')),
    api('GET', '/offline-messages?status=open'),
  ]);
  if (!signedInStill(shown)) {
    return;
  }
  $('offline-messages').replaceChildren(...shown.json.offlineMessages.map(offlineRow));
  $('open-count').textContent = String((open.json.offlineMessages || []).length);
}

// A refused read: signed out elsewhere (the page starts again at sign-in) or another refusal, shown.
function signedInStill(result) {
  if (result.status === 401) {
    location.reload();
    return false;
  }
  if (!result.ok) {
    notice(result.json.message);
    return false;
  }
  return true;
}

async function resolve(id, note) {
  const result = await api('POST', '/offline-messages/' + encodeURIComponent(id) + '/resolve', { note });
  notice(result.ok ? '' : result.json.message);
  await refreshOffline();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api('POST', '/login', { username: $('username').value, password: $('password').value });
    if (result.ok) {
      signedIn(result.json);
    } else {
      notice(result.json.message);
    }
  });
  $('logout').addEventListener('click', async () => {
    await api('POST', '/logout');
    location.reload();
  });
  $('status-filter').addEventListener('change', refreshOffline);
  const me = await api('GET', '/me');
  if (me.ok) {
    signedIn(me.json);
  }
});
