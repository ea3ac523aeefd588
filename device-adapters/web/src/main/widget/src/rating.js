// The satisfaction question: a 1-5 scale and a comment, shown when the conversation says a rating is asked
// (the contract: POST /api/conversations/{id}/rating {"score": 1-5, "comment": "..."} with the customer token).
// Kept apart so that it can be wired to the rating endpoint once it exists.
const TEXTS = {
  en: { ask: 'How did we do?', comment: 'Comment (optional)', send: 'Send rating', thanks: 'Thank you for your rating.' },
  pl: { ask: 'Jak nam poszło?', comment: 'Komentarz (opcjonalnie)', send: 'Wyślij ocenę', thanks: 'Dziękujemy za ocenę.' },
};

// Whether a conversation read from the API asks for a rating.
export function ratingAsked(conversation) {
  const rating = conversation && conversation.rating;
  return Boolean(conversation && (conversation.ratingRequested === true || (rating && rating.requested && !rating.score)));
}

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
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const score = Number(new FormData(form).get('score'));
    const comment = String(new FormData(form).get('comment') || '');
    if (await send({ score, comment })) form.replaceChildren(Object.assign(document.createElement('p'), { textContent: t.thanks }));
  });
  container.appendChild(form);
}
