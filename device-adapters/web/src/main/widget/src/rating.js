// The satisfaction question: a 1-5 scale and a comment, shown when the conversation's push stream says a rating is
// asked (a rating-asked event: an agent finished the conversation, or it was asked before the stream opened). Posted
// once: POST /api/conversations/{id}/rating {"score": 1-5, "comment": "...", "idempotencyKey"} with the customer token;
// a retry after a failure keeps the key, so the rating is stored once.
const TEXTS = {
  en: { ask: 'How did we do?', comment: 'Comment (optional)', send: 'Send rating', thanks: 'Thank you for your rating.' },
  pl: { ask: 'Jak nam poszło?', comment: 'Komentarz (opcjonalnie)', send: 'Wyślij ocenę', thanks: 'Dziękujemy za ocenę.' },
};

// send(rating) posts it and resolves to the response's status (0 when the network failed).
export function showRating(container, lang, send) {
  if (container.querySelector('.rating')) return;
  const t = TEXTS[lang] || TEXTS.en;
  const form = document.createElement('form');
  form.className = 'rating';
  form.innerHTML = '<fieldset><legend></legend><div class="scale"></div></fieldset>'
    + '<label><span class="c"></span><textarea name="comment" maxlength="1000" rows="2"></textarea></label>'
    + '<button type="submit"></button>';
  form.querySelector('legend').textContent = t.ask;
  form.querySelector('.c').textContent = t.comment;
  form.querySelector('button').textContent = t.send;
  const scale = form.querySelector('.scale');
  for (let score = 1; score <= 5; score++) {
    const label = document.createElement('label');
    label.innerHTML = '<input type="radio" name="score" required> <span></span>';
    label.querySelector('input').value = String(score);
    label.querySelector('span').textContent = String(score);
    scale.appendChild(label);
  }
  const idempotencyKey = 'rating-' + crypto.randomUUID();
  const submit = form.querySelector('button');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const score = Number(new FormData(form).get('score'));
    const comment = String(new FormData(form).get('comment') || '');
    submit.disabled = true;
    const status = await send({ score, comment, idempotencyKey });
    submit.disabled = false;
    if (status === 200) {
      const thanks = Object.assign(document.createElement('p'), { textContent: t.thanks });
      thanks.setAttribute('role', 'status');
      form.replaceChildren(thanks);
    } else if (status === 409 || status === 404) {
      form.remove(); // rated already (another tab), or no longer asked: nothing to answer
    }
  });
  container.appendChild(form);
}
