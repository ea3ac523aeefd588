/*
 * What the app keeps on the phone (localStorage), so the conversation survives a restart:
 *   session  {installId, conversationId, customerToken, lastSeenId, older}: who we are to the help desk; lastSeenId
 *            is the last message of the thread the push stream (or the fallback poll) brought, where it resumes;
 *            older {cursor, anchor}, while the thread has messages before those read that the app may not show:
 *            the cursor that reads them, and the id of the message they go before in the history
 *   history  [{key, id, mine, author, text, at, state, nearby, region}], oldest first; id is the message's id
 *            in the help desk's thread, when known, so that no message is shown twice
 *   outbox   [{key, text, context}]: messages typed but not yet taken by the help desk, in order
 *   location {choice: 'shared' | 'declined' | null, town}
 */
(function (global) {
  'use strict';
  var PREFIX = 'switchboard.';

  function read(name, fallback) {
    try {
      var value = global.localStorage.getItem(PREFIX + name);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) {
      return fallback;
    }
  }

  function write(name, value) {
    global.localStorage.setItem(PREFIX + name, JSON.stringify(value));
  }

  function randomId(prefix) {
    if (global.crypto && typeof global.crypto.randomUUID === 'function') {
      return prefix + global.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    global.crypto.getRandomValues(bytes);
    return prefix + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  var store = {
    session: function () {
      var session = read('session', null);
      if (!session) {
        session = store.newSession();
      }
      return session;
    },
    saveSession: function (session) { write('session', session); },
    /** A new install id and no conversation: the help desk will open a new one. */
    newSession: function () {
      var session = { installId: randomId('app-'), conversationId: null, customerToken: null, lastSeenId: null };
      write('session', session);
      return session;
    },
    history: function () { return read('history', []); },
    saveHistory: function (history) { write('history', history); },
    outbox: function () { return read('outbox', []); },
    saveOutbox: function (outbox) { write('outbox', outbox); },
    location: function () { return read('location', { choice: null, town: '' }); },
    saveLocation: function (location) { write('location', location); },
    newKey: function () { return randomId('m-'); }
  };

  global.SwitchboardStore = store;
})(window);
