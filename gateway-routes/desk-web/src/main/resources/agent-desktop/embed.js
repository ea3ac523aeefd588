// The manager page's "Embed the button": the settings become data- attributes of the widget's script tag, shown as
// the snippet to copy (every value HTML-escaped) and applied to the live preview (the real widget in a frame of
// /manager/widget-preview, given the attributes in its address). Nothing is sent to the server: the snippet carries
// the settings to the company's pages.
'use strict';

(function embedTheButton() {
  const form = document.getElementById('embed-form');
  if (!form) {
    return;
  }
  const preview = document.getElementById('embed-preview');
  const snippet = document.getElementById('embed-snippet');
  const DEFAULTS = { 'data-lang': 'en', 'data-color': '#1a56b0', 'data-position': 'right' };

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // The attributes that differ from the widget's defaults, in the form's order.
  function attributes() {
    const chosen = [];
    for (const field of form.elements) {
      if (!field.name || !field.name.startsWith('data-')) continue;
      const value = field.value.trim();
      if (value !== '' && value !== DEFAULTS[field.name]) chosen.push([field.name, value]);
    }
    return chosen;
  }

  let timer = null;
  let shown = 0;
  function show() {
    const chosen = attributes();
    const gateway = location.origin;
    snippet.value = '<script src="' + escapeHtml(gateway + '/widget.js') + '" defer'
      + chosen.map(([name, value]) => ' ' + name + '="' + escapeHtml(value) + '"').join('') + '></script>';
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A new query each time: a change of the address's fragment alone would not load the page again.
      shown += 1;
      preview.src = '/manager/widget-preview?shown=' + shown + '#' + new URLSearchParams(chosen).toString();
    }, 300);
  }

  form.addEventListener('input', show);
  form.addEventListener('change', show);
  document.getElementById('embed-copy').addEventListener('click', async () => {
    snippet.select();
    try {
      await navigator.clipboard.writeText(snippet.value);
    } catch (e) {
      document.execCommand('copy');
    }
  });
  show();
}());
