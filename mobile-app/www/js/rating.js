/*
 * The satisfaction question. When an agent finished the conversation, the help desk asks the customer once to rate
 * the help he got: GET /api/conversations/{id} says "ratingAsked". The card then shows the scale 1 (poor) to
 * 5 (very good) and a comment box; "Send rating" posts them to POST /api/conversations/{id}/rating with the customer
 * token (never in a URL). The app asks whether a rating is asked at start and when the help desk writes.
 */
(function (global) {
  'use strict';

  var $ = function (id) { return global.document.getElementById(id); };

  function Rating(server, store) {
    this.server = server;
    this.store = store;
    this.score = null;
  }

  Rating.prototype.path = function (session, rest) {
    return this.server + '/api/conversations/' + encodeURIComponent(session.conversationId) + rest;
  };

  Rating.prototype.headers = function (session) {
    return { 'Content-Type': 'application/json', 'Accept': 'application/json',
      'Authorization': 'Bearer ' + session.customerToken };
  };

  /** Shows the card when the help desk asks for a rating, hides it when it does not. */
  Rating.prototype.check = function () {
    var self = this;
    var session = self.store.session();
    if (!session.conversationId || !session.customerToken || !global.navigator.onLine) {
      return Promise.resolve();
    }
    return global.fetch(self.path(session, '?limit=1'), { headers: self.headers(session) })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (thread) {
        if (thread) {
          self.show(thread.ratingAsked === true);
        }
      })
      .catch(function () { /* offline or unreachable: asked again at the next message */ });
  };

  Rating.prototype.show = function (asked) {
    $('rating').hidden = !asked;
    if (asked) {
      $('rating-status').textContent = '';
    }
  };

  Rating.prototype.choose = function (score) {
    this.score = score;
    Array.prototype.forEach.call($('rating-scores').querySelectorAll('button'), function (button) {
      button.setAttribute('aria-pressed', String(Number(button.dataset.score) === score));
    });
    $('rating-send').disabled = false;
  };

  Rating.prototype.send = function () {
    var self = this;
    var session = self.store.session();
    if (!self.score || !session.conversationId) {
      return Promise.resolve();
    }
    $('rating-send').disabled = true;
    var body = { score: self.score, comment: $('rating-comment').value,
      idempotencyKey: 'rating-' + session.conversationId + '-' + self.score };
    return global.fetch(self.path(session, '/rating'), { method: 'POST', headers: self.headers(session),
      body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (json) { return { status: response.status, json: json }; });
      })
      .then(function (answer) {
        if (answer.status === 200) {
          $('rating').hidden = true;
          $('rating-thanks').hidden = false;
        } else if (answer.status === 409) {
          $('rating').hidden = true;
        } else {
          $('rating-status').textContent = 'Not sent: ' + (answer.json.message || 'refused');
          $('rating-send').disabled = false;
        }
      })
      .catch(function () {
        $('rating-status').textContent = 'Not sent: you seem to be offline. Try again when you are back online.';
        $('rating-send').disabled = false;
      });
  };

  Rating.prototype.start = function () {
    var self = this;
    Array.prototype.forEach.call($('rating-scores').querySelectorAll('button'), function (button) {
      button.addEventListener('click', function () { self.choose(Number(button.dataset.score)); });
    });
    $('rating-send').addEventListener('click', function () { self.send(); });
    return self.check();
  };

  global.SwitchboardRating = Rating;
})(window);
