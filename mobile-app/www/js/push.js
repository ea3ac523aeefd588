/*
 * The push connection: the help desk sends the thread's new messages (an agent's reply) down an open
 * connection as server-sent events (GET /api/app/conversations/{id}/events). It is read with fetch rather
 * than EventSource, so the customer token goes in the Authorization header, never in a URL. Each event's id
 * is the message's id; sent back as Last-Event-ID, the stream resumes after it. When the app has read nothing of
 * the thread yet, or its last message is far back, the stream sends the newest page only, after an "older" event
 * with the cursor of the messages before it (app.js reads those on request). A dropped connection is
 * opened again after 1, 2, 5, 10, 30 s; while it is down, the app falls back to reading the thread now and
 * then (app.js).
 */
(function (global) {
  'use strict';
  var store = global.SwitchboardStore;
  var RETRY_MS = [1000, 2000, 5000, 10000, 30000];

  function Push(server, listener) {
    this.server = server;
    this.listener = listener; // {message(m), older(cursor), stateChanged(open)}
    this.open = false;
    this.conversationId = null;
    this.abort = null;
    this.failures = 0;
    this.retryTimer = null;
  }

  /** Opens the stream of the session's conversation, unless it is open already or there is none yet. */
  Push.prototype.connect = function () {
    var self = this;
    var session = store.session();
    if (!session.conversationId || !session.customerToken || !global.navigator.onLine) {
      return;
    }
    if (self.abort && self.conversationId === session.conversationId) {
      return; // connecting or connected to this conversation
    }
    self.disconnect();
    clearTimeout(self.retryTimer);
    var controller = new global.AbortController();
    self.abort = controller;
    self.conversationId = session.conversationId;
    var headers = { 'Accept': 'text/event-stream', 'Authorization': 'Bearer ' + session.customerToken };
    if (session.lastSeenId) {
      headers['Last-Event-ID'] = session.lastSeenId;
    }
    global.fetch(self.server + '/api/app/conversations/' + encodeURIComponent(session.conversationId) + '/events',
      { headers: headers, signal: controller.signal, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok || !response.body) {
          throw new Error('push refused with status ' + response.status);
        }
        self.failures = 0;
        self.setOpen(true);
        return self.read(response.body.getReader(), controller);
      })
      .then(function () { self.dropped(controller); }, function () { self.dropped(controller); });
  };

  Push.prototype.read = function (reader, controller) {
    var self = this;
    var decoder = new global.TextDecoder();
    var buffer = '';
    function next() {
      return reader.read().then(function (chunk) {
        if (chunk.done || self.abort !== controller) {
          return undefined;
        }
        buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, '\n');
        var end = buffer.indexOf('\n\n');
        while (end >= 0) {
          self.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
        return next();
      });
    }
    return next();
  };

  /** One event block: "id: ...", "event: ...", "data: ..." lines; ": ..." lines are heartbeats. */
  Push.prototype.dispatch = function (block) {
    var type = 'message';
    var data = [];
    block.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) {
        type = line.slice(6).trim();
      } else if (line.indexOf('data:') === 0) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    });
    if ((type === 'message' || type === 'older') && data.length) {
      try {
        var json = JSON.parse(data.join('\n'));
        if (type === 'message') {
          this.listener.message(json);
        } else {
          this.listener.older(json.olderCursor || null);
        }
      } catch (e) {
        // an event the app cannot read is skipped; the thread still has it
      }
    }
  };

  Push.prototype.dropped = function (controller) {
    var self = this;
    if (self.abort !== controller) {
      return; // replaced by a newer connection, or closed on purpose
    }
    self.abort = null;
    self.setOpen(false);
    var wait = RETRY_MS[Math.min(self.failures, RETRY_MS.length - 1)];
    self.failures++;
    self.retryTimer = setTimeout(function () { self.connect(); }, wait);
  };

  Push.prototype.disconnect = function () {
    if (this.abort) {
      var controller = this.abort;
      this.abort = null;
      controller.abort();
    }
    this.setOpen(false);
  };

  Push.prototype.setOpen = function (open) {
    if (this.open !== open) {
      this.open = open;
      this.listener.stateChanged(open);
    }
  };

  global.SwitchboardPush = Push;
})(window);
