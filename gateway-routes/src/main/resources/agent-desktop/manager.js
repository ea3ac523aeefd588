// The manager pages: sign in, list the offline messages (polled every 2 s) and resolve them with a note
// (desk-api.js calls the API).
// Every text from the server is set with textContent, never as HTML.
'use strict';

const state = { timer: null };

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
  $('offline').hidden = false;
  refresh();
  state.timer = setInterval(refresh, 2000);
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function row(message) {
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

async function refresh() {
  const filter = $('status-filter').value;
  const [shown, open] = await Promise.all([
    api('GET', '/offline-messages' + (filter ? '?status=' + filter : '')),
    api('GET', '/offline-messages?status=open'),
  ]);
  if (shown.status === 401) {
    location.reload();
    return;
  }
  if (!shown.ok) {
    notice(shown.json.message);
    return;
  }
  $('offline-messages').replaceChildren(...shown.json.offlineMessages.map(row));
  $('open-count').textContent = String((open.json.offlineMessages || []).length);
}

async function resolve(id, note) {
  const result = await api('POST', '/offline-messages/' + encodeURIComponent(id) + '/resolve', { note });
  notice(result.ok ? '' : result.json.message);
  await refresh();
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
  $('status-filter').addEventListener('change', refresh);
  const me = await api('GET', '/me');
  if (me.ok) {
    signedIn(me.json);
  }
});
