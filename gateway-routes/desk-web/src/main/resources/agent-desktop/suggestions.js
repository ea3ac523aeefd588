// Suggested answers beside the reply box: the knowledge-base articles that best match the customer's last message,
// read again when he writes (the conversation is shown again on every live event; the list only when his newest
// message changed). "Insert" puts an answer in the answer box, not sent, and tells the desk it was chosen, so that
// articles agents choose rank higher. Every text from the server is set with textContent, never as HTML.
'use strict';

const suggested = { conversationId: null, messageId: null };

// Called with each conversation the desktop shows.
async function suggestFor(c) {
  const newestFromHim = [...c.messages].reverse().find((m) => m.direction.toLowerCase() === 'inbound');
  const messageId = newestFromHim ? newestFromHim.id : null;
  if (c.conversationId === suggested.conversationId && messageId === suggested.messageId) {
    return;
  }
  suggested.conversationId = c.conversationId;
  suggested.messageId = messageId;
  const result = await api('GET', '/conversations/' + encodeURIComponent(c.conversationId) + '/suggestions');
  if (suggested.conversationId !== c.conversationId || suggested.messageId !== messageId) {
    return; // another conversation opened, or he wrote again, meanwhile
  }
  const suggestions = result.ok ? result.json.suggestions || [] : [];
  $('suggestion-list').replaceChildren(...suggestions.map((s) => suggestionItem(c.conversationId, s)));
  $('suggestions-none').hidden = suggestions.length > 0;
}

function suggestionItem(conversationId, s) {
  const li = document.createElement('li');
  li.dataset.article = s.articleId;
  const topic = document.createElement('strong');
  topic.textContent = s.topic;
  const answer = document.createElement('p');
  answer.className = 'suggested-answer';
  answer.textContent = s.answer;
  const insert = document.createElement('button');
  insert.type = 'button';
  insert.textContent = 'Insert';
  insert.dataset.action = 'insert';
  insert.setAttribute('aria-label', 'Insert the answer about ' + s.topic);
  insert.addEventListener('click', () => insertSuggestion(conversationId, s));
  li.append(topic, answer, insert);
  return li;
}

// The answer goes into the box (after what he typed already) for him to edit and send; the choice is told once.
async function insertSuggestion(conversationId, s) {
  const box = $('reply-text');
  box.value = box.value.trim() ? box.value.replace(/\s*$/, '\n') + s.answer : s.answer;
  box.focus();
  const result = await api('POST', '/conversations/' + encodeURIComponent(conversationId) + '/suggestions/'
    + encodeURIComponent(s.articleId) + '/chosen');
  if (!result.ok) {
    notice(result.json.message);
  }
}
