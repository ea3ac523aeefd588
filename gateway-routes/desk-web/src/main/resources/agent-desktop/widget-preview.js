// The live preview of the chat widget on the manager page: the real /widget.js, given the data- attributes the
// manager page puts in this page's address (#data-look=none&data-color=...&data-lang=...): the form's unsaved values,
// the saved look turned off; only data- attributes are taken.
'use strict';

const tag = document.createElement('script');
tag.src = '/widget.js';
for (const [name, value] of new URLSearchParams(location.hash.slice(1))) {
  if (/^data-[a-z-]+$/.test(name)) {
    tag.setAttribute(name, value);
  }
}
document.documentElement.lang = tag.getAttribute('data-lang') || 'en';
document.head.appendChild(tag);
