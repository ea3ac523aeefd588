// What the agent desktop and the manager pages share: element look-up, the notice line, and calls to the agent
// API with the session's CSRF token (set at sign-in).
'use strict';

const deskSession = { csrf: null };
const $ = (id) => document.getElementById(id);

function notice(text) {
  $('notice').textContent = text || '';
}

async function api(method, path, body) {
  const init = { method, headers: {}, credentials: 'same-origin' };
  if (method !== 'GET') {
    init.headers['Content-Type'] = 'application/json';
    init.headers['X-CSRF-Token'] = deskSession.csrf || '';
    init.body = JSON.stringify(body || {});
  }
  const response = await fetch('/api/agent' + path, init);
  const json = await response.json().catch(() => ({}));
  return { status: response.status, ok: response.ok, json };
}
