// What the agent desktop and the manager pages share: element look-up, the notice line, calls to the agent
// API with the session's CSRF token (set at sign-in), and the live connection that tells the page what changed.
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

// The live connection (/api/agent/live, a WebSocket with the session cookie): every desk event for this page
// arrives as a JSON frame and goes to onEvent; a HELLO frame opens each connection, on which the page reads
// everything anew (events missed while it was down) and counts as live. Only while it is down does the page poll (every
// pollMillis), and it reconnects after 1 s, then 2, 4... up to 30 s. The page's body says which it is in:
// data-live="open" or "down"; #live shows it to the user.
function connectLive(onEvent, poll, pollMillis) {
  let retryMillis = 1000;
  let pollTimer = null;
  function show(live) {
    document.body.dataset.live = live;
    const indicator = $('live');
    if (indicator) {
      indicator.textContent = live === 'open' ? 'live' : 'reconnecting…';
      indicator.className = 'live ' + live;
    }
  }
  function open() {
    const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/agent/live');
    socket.addEventListener('open', () => {
      retryMillis = 1000;
      clearInterval(pollTimer);
      pollTimer = null;
    });
    socket.addEventListener('message', (message) => {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      onEvent(frame);
      if (frame.type === 'HELLO') {
        show('open');
      }
    });
    socket.addEventListener('close', () => {
      show('down');
      if (pollTimer === null) {
        poll();
        pollTimer = setInterval(poll, pollMillis);
      }
      setTimeout(open, retryMillis);
      retryMillis = Math.min(retryMillis * 2, 30000);
    });
  }
  show('down');
  open();
}

// Runs an async refresh now, or once more right after the one running: a burst of events costs two reads at most.
function coalesced(refresh) {
  let running = false;
  let again = false;
  return async function run() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await refresh();
      } while (again);
    } finally {
      running = false;
    }
  };
}
