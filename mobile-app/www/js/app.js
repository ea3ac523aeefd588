/*
 * The app's screens: the location question (asked with its reason), the town field when there is no
 * location, the conversation with the nearest service points under each answer, and the question form.
 * Messages go through the outbox, so those typed offline wait on the phone.
 *
 * Live chat: an agent's reply is pushed down the app's open connection to the help desk (push.js); while that
 * connection is down, the app reads its thread every POLL_MS instead (when visible and online). Both hand the
 * thread's messages to received(), which shows each message once, by its id in the thread.
 *
 * Earlier messages: a thread is read a page at a time. When the stream (or the poll) brings a page that does not
 * follow what the app has read, it names the cursor of the messages before that page; "Earlier messages" then reads
 * them, OLDER_LIMIT at a time, and puts those the app does not show yet in their place in the history.
 */
(function (global) {
  'use strict';
  var store = global.SwitchboardStore;
  var POLL_MS = 5000;
  var OLDER_LIMIT = 20;
  var $ = function (id) { return global.document.getElementById(id); };

  var server = serverAddress();
  var outbox = new global.SwitchboardOutbox(server, {
    answered: function (item, body) { answered(item, body); },
    refused: function (item, message) { refused(item, message); },
    changed: function () { render(); }
  });
  var push = new global.SwitchboardPush(server, {
    message: function (message) { received(message); },
    older: function (cursor) { olderAvailable(cursor); },
    stateChanged: function (open) { global.document.body.dataset.push = open ? 'open' : 'down'; }
  });
  var rating = new global.SwitchboardRating(serverAddress(), store);
  var lastLocation = null;
  var readingOlder = false;
  // Messages are queued in the order they were typed, even when finding the location takes longer for one.
  var typing = Promise.resolve();

  function serverAddress() {
    var meta = global.document.querySelector('meta[name="switchboard-server"]');
    var configured = (meta && meta.content) || '';
    return configured.replace(/\/+$/, '');
  }

  function plugin() {
    return global.cordova && global.cordova.plugins && global.cordova.plugins.switchboardDeviceContext;
  }

  /** The device context sent with a message: location if shared, else the town typed; always locale etc. */
  function deviceContext() {
    var choice = store.location();
    var wantsLocation = choice.choice === 'shared';
    var ask = plugin() ? plugin().get({ location: wantsLocation, timeoutMs: 8000 })
      : Promise.resolve({ location: null, locationError: 'unavailable', network: 'unknown',
        locale: global.navigator.language, appVersion: 'unknown' });
    return ask.then(function (device) {
      var context = { locale: device.locale, network: device.network, appVersion: device.appVersion };
      if (device.location) {
        lastLocation = device.location;
        context.location = device.location;
      } else if (wantsLocation && device.locationError === 'denied') {
        choice.choice = 'declined';
        store.saveLocation(choice);
      }
      if (!context.location && lastLocation && wantsLocation) {
        context.location = lastLocation;
      }
      var town = $('town-input').value.trim();
      if (!context.location && town) {
        context.placeName = town;
      }
      return context;
    }, function () {
      return { locale: global.navigator.language };
    });
  }

  function shareLocation() {
    var choice = store.location();
    choice.choice = 'shared';
    store.saveLocation(choice);
    $('location-status').textContent = 'Finding where you are...';
    var ask = plugin() ? plugin().get({ location: true, timeoutMs: 10000 }) : Promise.reject(new Error('no plugin'));
    ask.then(function (device) {
      if (device.location) {
        lastLocation = device.location;
        $('location-status').textContent = 'Location shared (within ' + Math.round(device.location.accuracyMeters || 0)
          + ' m). Answers list the service points nearest to you.';
      } else {
        choice.choice = 'declined';
        store.saveLocation(choice);
        $('location-status').textContent = device.locationError === 'denied'
          ? 'Location was not allowed.' : 'Your location could not be found.';
      }
      renderLocation();
    }, function () {
      choice.choice = 'declined';
      store.saveLocation(choice);
      $('location-status').textContent = 'Your location could not be found.';
      renderLocation();
    });
  }

  function declineLocation() {
    var choice = store.location();
    choice.choice = 'declined';
    store.saveLocation(choice);
    $('location-status').textContent = '';
    renderLocation();
  }

  function renderLocation() {
    var choice = store.location();
    $('location-consent').hidden = choice.choice !== null;
    $('town').hidden = choice.choice !== 'declined';
    if (choice.town && !$('town-input').value) {
      $('town-input').value = choice.town;
    }
  }

  function submit(event) {
    event.preventDefault();
    var text = $('question').value.trim();
    if (!text) {
      return;
    }
    var choice = store.location();
    if (choice.choice === 'declined') {
      choice.town = $('town-input').value.trim();
      store.saveLocation(choice);
    }
    $('question').value = '';
    typing = typing.then(deviceContext).then(function (context) {
      var item = outbox.add(text, context);
      var history = store.history();
      history.push({ key: item.key, mine: true, author: 'you', text: text, at: new Date().toISOString(), state: 'waiting' });
      store.saveHistory(history);
      render();
      outbox.flush().then(render);
    });
  }

  function answered(item, body) {
    var history = store.history();
    history.forEach(function (m) { if (m.key === item.key && m.mine) { m.state = 'sent'; } });
    var reply = body.reply || {};
    var shown = reply.messageId ? findById(history, reply.messageId) : null;
    if (shown) {
      // The push stream was quicker than the answer: keep its place, add what only the answer carries.
      shown.nearby = reply.nearby || [];
      shown.region = reply.region || null;
    } else {
      history.push({ key: item.key, id: reply.messageId || null, mine: false, author: 'help desk',
        text: reply.text || '', at: new Date().toISOString(), state: 'sent', nearby: reply.nearby || [],
        region: reply.region || null });
    }
    store.saveHistory(history);
    render();
    push.connect();
  }

  function findById(history, id) {
    for (var i = 0; i < history.length; i++) {
      if (history[i].id === id) {
        return history[i];
      }
    }
    return null;
  }

  function refused(item, message) {
    var history = store.history();
    history.forEach(function (m) { if (m.key === item.key && m.mine) { m.state = 'failed'; m.error = message; } });
    store.saveHistory(history);
    render();
  }

  /**
   * A message of the thread, from the push stream or the fallback poll, in thread order. Shown unless the app
   * shows it already (its own question, a reply it got as the answer, a message both brought).
   */
  function received(message) {
    var session = store.session();
    session.lastSeenId = message.id;
    var history = store.history();
    var ownQuestion = isOwnQuestion(message);
    if (!ownQuestion && session.older && session.older.pending) {
      // The first message of the page that followed the cursor: earlier ones go before it.
      session.older.anchor = message.id;
      session.older.pending = false;
    }
    store.saveSession(session);
    if (ownQuestion || findById(history, message.id)) {
      return;
    }
    history.push(historyEntry(message));
    store.saveHistory(history);
    render();
    if (message.direction === 'outbound' && message.author === 'help desk') {
      // The help desk's own words (an agent's finish asks for a rating in them): is a rating asked now?
      rating.check();
    }
  }

  /** The app's own question: it shows it from when it was typed, and the thread's copy has no key to match it by. */
  function isOwnQuestion(message) {
    return message.direction === 'inbound' && message.channel === 'mobile-app';
  }

  function historyEntry(message) {
    return { key: message.id, id: message.id, mine: message.direction === 'inbound',
      author: message.author || 'agent', text: message.text, at: message.at || new Date().toISOString(),
      state: 'sent' };
  }

  /**
   * The thread has messages before the page the stream (or the poll) brings next, which the app may not show:
   * "Earlier messages" reads them by `cursor` (null: there are none).
   */
  function olderAvailable(cursor) {
    var session = store.session();
    session.older = cursor ? { cursor: cursor, anchor: null, pending: true } : null;
    store.saveSession(session);
    render();
  }

  /**
   * "Earlier messages": the page before the cursor, through the customer API. Each message the history lacks goes
   * just before the next newer one of the page it holds (or before the anchor, the oldest read so far); the page's
   * own cursor reads the next, until the thread's start.
   */
  function readOlder() {
    var session = store.session();
    if (readingOlder || !session.older || !session.conversationId || !session.customerToken) {
      return;
    }
    readingOlder = true;
    $('older').disabled = true;
    global.fetch(server + '/api/conversations/' + encodeURIComponent(session.conversationId) + '?before='
      + encodeURIComponent(session.older.cursor) + '&limit=' + OLDER_LIMIT, {
      headers: { 'Accept': 'application/json', 'Authorization': 'Bearer ' + session.customerToken }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('refused with status ' + response.status);
      }
      return response.json();
    }).then(function (page) {
      var current = store.session();
      if (!current.older || current.conversationId !== page.conversationId) {
        return;
      }
      var history = store.history();
      var anchor = current.older.anchor;
      var at = indexById(history, anchor);
      if (at < 0) {
        at = 0;
      }
      var messages = page.messages || [];
      for (var i = messages.length - 1; i >= 0; i--) {
        var message = messages[i];
        if (isOwnQuestion(message)) {
          continue;
        }
        var known = indexById(history, message.id);
        if (known >= 0) {
          at = known;
        } else {
          history.splice(at, 0, historyEntry(message));
        }
        anchor = message.id;
      }
      current.older = page.olderCursor ? { cursor: page.olderCursor, anchor: anchor, pending: false } : null;
      store.saveHistory(history);
      store.saveSession(current);
      $('older').textContent = 'Earlier messages';
    }).catch(function () {
      $('older').textContent = 'Earlier messages could not be read: try again';
    }).then(function () {
      readingOlder = false;
      $('older').disabled = false;
      render();
    });
  }

  function indexById(history, id) {
    for (var i = 0; id && i < history.length; i++) {
      if (history[i].id === id) {
        return i;
      }
    }
    return -1;
  }

  /** The fallback while the push connection is down: the newest page's messages after the last one seen. */
  function poll() {
    var session = store.session();
    if (push.open || !session.conversationId || !session.customerToken || !global.navigator.onLine
        || outbox.sending || store.outbox().length > 0 || global.document.hidden) {
      return;
    }
    global.fetch(server + '/api/conversations/' + encodeURIComponent(session.conversationId), {
      headers: { 'Accept': 'application/json', 'Authorization': 'Bearer ' + session.customerToken }
    }).then(function (response) { return response.ok ? response.json() : null; }).then(function (thread) {
      var current = store.session();
      if (!thread || push.open || current.conversationId !== thread.conversationId) {
        return;
      }
      var messages = thread.messages || [];
      var from = -1;
      for (var i = messages.length - 1; i >= 0 && current.lastSeenId; i--) {
        if (messages[i].id === current.lastSeenId) {
          from = i + 1;
          break;
        }
      }
      if (from < 0 && thread.olderCursor) {
        // The newest page does not reach the last message seen: what lies before it is read on request.
        olderAvailable(thread.olderCursor);
      }
      messages.slice(Math.max(from, 0)).forEach(received);
    }).catch(function () { /* offline or unreachable: the next poll tries again */ });
  }

  function render() {
    $('older').hidden = !store.session().older;
    var list = $('messages');
    list.textContent = '';
    store.history().forEach(function (m) {
      var item = global.document.createElement('li');
      item.className = 'message ' + (m.mine ? 'mine' : 'theirs');
      item.dataset.state = m.state;
      item.dataset.key = m.key;
      var meta = global.document.createElement('div');
      meta.className = 'meta';
      meta.textContent = m.author + ' · ' + new Date(m.at).toLocaleTimeString();
      var text = global.document.createElement('p');
      text.className = 'text';
      text.textContent = m.text;
      item.appendChild(meta);
      item.appendChild(text);
      if (m.state === 'failed') {
        var error = global.document.createElement('p');
        error.className = 'error';
        error.textContent = 'Not sent: ' + (m.error || 'refused');
        item.appendChild(error);
      }
      if (m.nearby && m.nearby.length) {
        item.appendChild(nearbyList(m.nearby, m.region));
      }
      list.appendChild(item);
    });
    $('connection').hidden = global.navigator.onLine;
  }

  function nearbyList(points, region) {
    var wrapper = global.document.createElement('div');
    wrapper.className = 'nearby-points';
    var title = global.document.createElement('p');
    title.className = 'nearby-title';
    title.textContent = region ? 'Service points near you (' + region + '):' : 'Service points near you:';
    wrapper.appendChild(title);
    var list = global.document.createElement('ol');
    list.className = 'nearby';
    points.forEach(function (p) {
      var li = global.document.createElement('li');
      li.className = 'point';
      li.dataset.distanceMeters = String(p.distanceMeters);
      [['point-name', p.name], ['point-address', p.address], ['point-distance', distance(p.distanceMeters)]]
        .forEach(function (part, index) {
          if (index > 0) {
            li.appendChild(global.document.createTextNode(index === 2 ? ' · ' : ', '));
          }
          var span = global.document.createElement('span');
          span.className = part[0];
          span.textContent = part[1];
          li.appendChild(span);
        });
      if (p.openNow !== null && p.openNow !== undefined) {
        li.appendChild(global.document.createTextNode(' · '));
        var open = global.document.createElement('span');
        open.className = 'point-open ' + (p.openNow ? 'open' : 'closed');
        open.textContent = p.openNow ? 'open now' : 'closed now';
        li.appendChild(open);
      }
      list.appendChild(li);
    });
    wrapper.appendChild(list);
    return wrapper;
  }

  /** The same wording as the help desk's own pages: metres under 1 km, then km. */
  function distance(meters) {
    if (meters < 1000) {
      return meters + ' m';
    }
    if (meters < 10000) {
      return (Math.round(meters / 100) / 10).toFixed(1) + ' km';
    }
    return Math.round(meters / 1000) + ' km';
  }

  function start() {
    store.session();
    $('share-location').addEventListener('click', shareLocation);
    $('no-location').addEventListener('click', declineLocation);
    $('ask').addEventListener('submit', submit);
    $('older').addEventListener('click', readOlder);
    global.addEventListener('online', function () { render(); outbox.flush().then(render); push.connect(); });
    global.addEventListener('offline', render);
    renderLocation();
    render();
    outbox.flush().then(render);
    global.document.body.dataset.push = 'down';
    push.connect();
    rating.start();
    global.setInterval(poll, POLL_MS);
  }

  global.SwitchboardApp = { received: received, flush: function () { return outbox.flush(); } };
  global.document.addEventListener('deviceready', start, false);
})(window);
