/*
 * Sends the messages waiting on the phone to the help desk, oldest first, one at a time. Every message got
 * its idempotency key when it was typed, so sending it again after a lost answer or a dropped connection
 * never makes a second copy: the help desk answers a repeat with its first answer.
 *
 * The first message opens the conversation (POST /api/help with the app's install id, so the help desk knows
 * it as channel mobile-app); the others continue it (POST /api/conversations/{id}/messages with the token).
 */
(function (global) {
  'use strict';
  var store = global.SwitchboardStore;
  var RETRY_MS = [1000, 2000, 5000, 10000, 30000];

  function Outbox(server, listener) {
    this.server = server;
    this.listener = listener; // {answered(item, body), refused(item, message), changed()}
    this.sending = false;
    this.failures = 0;
    this.retryTimer = null;
  }

  Outbox.prototype.add = function (text, context) {
    var item = { key: store.newKey(), text: text, context: context };
    var outbox = store.outbox();
    outbox.push(item);
    store.saveOutbox(outbox);
    return item;
  };

  /** Sends what waits, unless a send is under way or the phone is offline. */
  Outbox.prototype.flush = function () {
    var self = this;
    if (self.sending || !global.navigator.onLine) {
      return Promise.resolve();
    }
    var outbox = store.outbox();
    if (outbox.length === 0) {
      return Promise.resolve();
    }
    self.sending = true;
    clearTimeout(self.retryTimer);
    var item = outbox[0];
    return self.send(item).then(function (result) {
      self.sending = false;
      self.failures = 0;
      removeFirst(item.key);
      if (result.ok) {
        self.listener.answered(item, result.body);
      } else {
        self.listener.refused(item, result.message);
      }
      return self.flush();
    }, function () {
      // No connection or a server error: keep the message, try again later (or when back online).
      self.sending = false;
      var wait = RETRY_MS[Math.min(self.failures, RETRY_MS.length - 1)];
      self.failures++;
      self.retryTimer = setTimeout(function () { self.flush(); }, wait);
      self.listener.changed();
    });
  };

  Outbox.prototype.send = function (item) {
    var session = store.session();
    var continuing = session.conversationId && session.customerToken;
    var url = continuing
      ? this.server + '/api/conversations/' + encodeURIComponent(session.conversationId) + '/messages'
      : this.server + '/api/help';
    var body = { text: item.text, idempotencyKey: item.key, context: item.context };
    if (!continuing) {
      body.appInstallId = session.installId;
    }
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (continuing) {
      headers.Authorization = 'Bearer ' + session.customerToken;
    }
    return global.fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (response.ok) {
            remember(json);
            return { ok: true, body: json };
          }
          if (response.status >= 500 || response.status === 408 || response.status === 429) {
            throw new Error('the help desk is busy (' + response.status + ')');
          }
          if (response.status === 403 || response.status === 404) {
            // This phone's conversation is unknown to the help desk (or its token is lost): start a new one.
            store.newSession();
          }
          return { ok: false, message: json.message || ('refused with status ' + response.status) };
        });
      });
  };

  function remember(json) {
    var session = store.session();
    if (json.conversationId) {
      if (session.conversationId !== json.conversationId) {
        session.lastSeenId = null;
        session.older = null;
      }
      session.conversationId = json.conversationId;
    }
    if (json.customerToken) {
      session.customerToken = json.customerToken;
    }
    store.saveSession(session);
  }

  function removeFirst(key) {
    store.saveOutbox(store.outbox().filter(function (item) { return item.key !== key; }));
  }

  global.SwitchboardOutbox = Outbox;
})(window);
