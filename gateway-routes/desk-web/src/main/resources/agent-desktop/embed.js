// The manager page's "Embed the button": the chat widget's settings as the gateway keeps them (GET and PUT
// /api/agent/widget-settings). The form loads the saved settings once the manager signed in; "Save" stores them, in
// force on every node at once, and shows the server's refusal next to the field it names. The sites allowed are added
// and removed here; those of the server's configuration are shown read-only. The live preview is the real widget in a
// frame of /manager/widget-preview, given the form's unsaved values as data- attributes in its address, with the saved
// look turned off (data-look="none"). The snippet is the bare tag: the gateway writes the saved look into /widget.js.
// Every text is set with textContent or escaped, never taken as HTML.
'use strict';

(function embedTheButton() {
  const form = document.getElementById('embed-form');
  if (!form) {
    return;
  }
  const preview = document.getElementById('embed-preview');
  const snippet = document.getElementById('embed-snippet');
  const status = document.getElementById('embed-status');
  const originsList = document.getElementById('embed-origins');
  const newOrigin = document.getElementById('embed-origin-new');
  let origins = [];

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  const field = (name) => form.elements.namedItem(name);
  const value = (name) => field(name).value.trim();

  // The form as the API takes it.
  function settings() {
    const texts = (language) => ({ available: value(language + '.available'), unavailable: value(language + '.unavailable'),
      greeting: value(language + '.greeting'), invitation: value(language + '.invitation') });
    return {
      color: value('color'), position: value('position'), language: value('language'),
      english: texts('english'), polish: texts('polish'),
      invitation: { on: field('invitation.on').checked, afterSeconds: Number(value('invitation.afterSeconds')),
        pathPattern: value('invitation.pathPattern'), minPages: Number(value('invitation.minPages')) },
      allowedOrigins: origins.slice(),
    };
  }

  // The saved settings into the form.
  function fill(saved) {
    field('color').value = saved.color;
    field('position').value = saved.position;
    field('language').value = saved.language;
    for (const language of ['english', 'polish']) {
      for (const name of ['available', 'unavailable', 'greeting', 'invitation']) {
        field(language + '.' + name).value = saved[language][name] || '';
      }
    }
    field('invitation.on').checked = saved.invitation.on;
    field('invitation.afterSeconds').value = saved.invitation.afterSeconds;
    field('invitation.pathPattern').value = saved.invitation.pathPattern;
    field('invitation.minPages').value = saved.invitation.minPages;
    origins = saved.allowedOrigins.slice();
    showOrigins();
    const server = document.getElementById('embed-server-origins');
    server.replaceChildren(...(saved.serverOrigins.length ? saved.serverOrigins : ['none']).map((origin) => {
      const item = document.createElement('li');
      item.textContent = origin;
      return item;
    }));
    show();
  }

  function showOrigins() {
    originsList.replaceChildren(...origins.map((origin) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = origin + ' ';
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', 'Remove ' + origin);
      remove.addEventListener('click', () => {
        origins = origins.filter((other) => other !== origin);
        showOrigins();
        status.textContent = 'Removed ' + origin + ': save to refuse its pages.';
      });
      item.append(name, remove);
      return item;
    }));
  }

  function addOrigin() {
    clearErrors();
    let origin;
    try {
      const url = new URL(newOrigin.value.trim());
      origin = url.origin;
      if (!/^https?:$/.test(url.protocol) || newOrigin.value.trim().replace(/\/$/, '').toLowerCase() !== origin) {
        throw new Error('not an origin');
      }
    } catch (e) {
      showError('allowedOrigins', 'A site is its origin: scheme, host and an optional port, no path '
        + '(https://shop.example.com).');
      return;
    }
    if (!origins.includes(origin)) origins.push(origin);
    newOrigin.value = '';
    showOrigins();
    status.textContent = 'Added ' + origin + ': save to allow its pages.';
  }

  function clearErrors() {
    for (const error of form.querySelectorAll('[data-error-for]')) error.textContent = '';
    for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
  }

  function showError(name, message) {
    const error = form.querySelector('[data-error-for="' + CSS.escape(name) + '"]');
    const input = name === 'allowedOrigins' ? newOrigin : field(name);
    if (error) error.textContent = message;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
    status.textContent = error ? 'Not saved: see the field marked.' : 'Not saved: ' + message;
  }

  async function load() {
    const answer = await api('GET', '/widget-settings');
    if (answer.ok) {
      fill(answer.json);
    } else {
      status.textContent = 'The saved settings could not be read: ' + (answer.json.message || answer.status);
    }
  }

  async function save(event) {
    event.preventDefault();
    clearErrors();
    status.textContent = 'Saving…';
    const answer = await api('PUT', '/widget-settings', settings());
    if (answer.ok) {
      fill(answer.json);
      status.textContent = 'Saved: in force on every page of the sites allowed.';
    } else if (answer.json.field) {
      showError(answer.json.field, answer.json.message);
    } else {
      status.textContent = 'Not saved: ' + (answer.json.message || 'the gateway answered ' + answer.status);
    }
  }

  // The preview's attributes: every value of the form, the saved look turned off.
  function attributes() {
    const s = settings();
    const suffix = { english: 'en', polish: 'pl' };
    const chosen = [['data-look', 'none'], ['data-lang', s.language], ['data-color', s.color],
      ['data-position', s.position]];
    for (const language of ['english', 'polish']) {
      const texts = s[language];
      for (const [name, text] of [['text-online', texts.available], ['text-offline', texts.unavailable],
        ['greeting', texts.greeting], ['invite-text', texts.invitation]]) {
        if (text) chosen.push(['data-' + name + '-' + suffix[language], text]);
      }
    }
    if (s.invitation.on) {
      chosen.push(['data-invite-after', String(s.invitation.afterSeconds)],
        ['data-invite-min-pages', String(s.invitation.minPages)]);
      if (s.invitation.pathPattern) chosen.push(['data-invite-pages', s.invitation.pathPattern]);
    }
    return chosen;
  }

  let timer = null;
  let shown = 0;
  function show() {
    snippet.value = '<script src="' + escapeHtml(location.origin + '/widget.js') + '" defer></script>';
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A new query each time: a change of the address's fragment alone would not load the page again.
      shown += 1;
      preview.src = '/manager/widget-preview?shown=' + shown + '#' + new URLSearchParams(attributes()).toString();
    }, 300);
  }

  form.addEventListener('input', show);
  form.addEventListener('change', show);
  form.addEventListener('submit', save);
  document.getElementById('embed-origin-add').addEventListener('click', addOrigin);
  newOrigin.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addOrigin();
    }
  });
  document.getElementById('embed-copy').addEventListener('click', async () => {
    snippet.select();
    try {
      await navigator.clipboard.writeText(snippet.value);
    } catch (e) {
      document.execCommand('copy');
    }
  });
  document.addEventListener('manager-signed-in', load);
  show();
}());
