/*
 * Switchboard TV help: an HbbTV (CE-HTML) overlay driven by the remote control.
 * ES5 on purpose, no framework: set-top browsers are old and slow.
 *
 * RED opens the overlay; arrows and OK walk topics and answers; digits pick a numbered reply, or type
 * (multi-tap) in the keyboard view; BACK closes one level; GREEN asks for an agent, YELLOW sends the
 * answer to the viewer's phone, BLUE asks for a call back; closing asks whether the help helped.
 */
(function () {
    'use strict';

    var API = 'api/';
    var POLL_MS = 3000;
    var POLL_LIMIT = 20; // the newest messages each read of the agent chat brings
    var OLDER_LIMIT = 20; // the messages each "Earlier messages" brings
    var MULTI_TAP_MS = 1200;
    var MULTI_TAP = [' 0', '.,?!1', 'abc2', 'def3', 'ghi4', 'jkl5', 'mno6', 'pqrs7', 'tuv8', 'wxyz9']; // by digit
    var OSK_ROWS = ['abcdefg', 'hijklmn', 'opqrstu', 'vwxyz.?'];
    var OSK_LAST_ROW = ['space', 'delete', 'send'];

    // Key codes: the box's own VK_* constants when it defines them, else the HbbTV / CE-HTML values.
    function vk(name, standard) {
        if (typeof window[name] === 'number') {
            return window[name];
        }
        if (window.KeyEvent && typeof window.KeyEvent[name] === 'number') {
            return window.KeyEvent[name];
        }
        return standard;
    }

    var KEYS = {};
    KEYS[vk('VK_RED', 403)] = 'red';
    KEYS[vk('VK_GREEN', 404)] = 'green';
    KEYS[vk('VK_YELLOW', 405)] = 'yellow';
    KEYS[vk('VK_BLUE', 406)] = 'blue';
    KEYS[vk('VK_LEFT', 37)] = 'left';
    KEYS[vk('VK_UP', 38)] = 'up';
    KEYS[vk('VK_RIGHT', 39)] = 'right';
    KEYS[vk('VK_DOWN', 40)] = 'down';
    KEYS[vk('VK_ENTER', 13)] = 'ok';
    KEYS[vk('VK_BACK', 461)] = 'back';
    // In a plain browser: R G Y B for the colour keys, Backspace or Escape for BACK.
    var BROWSER_KEYS = { 82: 'red', 71: 'green', 89: 'yellow', 66: 'blue', 8: 'back', 27: 'back' };

    function keyName(code) {
        if (code >= 48 && code <= 57) {
            return 'digit' + (code - 48);
        }
        if (code >= 96 && code <= 105) {
            return 'digit' + (code - 96);
        }
        return KEYS[code] || BROWSER_KEYS[code] || null;
    }

    // ---- small DOM helpers ----

    function byId(id) {
        return document.getElementById(id);
    }

    function element(tag, className, text) {
        var node = document.createElementNS ? document.createElementNS('http://www.w3.org/1999/xhtml', tag)
            : document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.appendChild(document.createTextNode(text));
        }
        return node;
    }

    function clear(node) {
        while (node.firstChild) {
            node.removeChild(node.firstChild);
        }
    }

    function show(node, visible) {
        var others = (' ' + node.className + ' ').replace(' hidden ', ' ');
        node.className = (visible ? others : others + ' hidden').replace(/^\s+|\s+$/g, '');
    }

    function setStatus(text) {
        var status = byId('status');
        clear(status);
        if (text) {
            status.appendChild(document.createTextNode(text));
        }
    }

    // ---- what the box remembers: its set-top id, the customer token, the conversation ----

    var store = {
        get: function (name) {
            try {
                if (window.localStorage) {
                    return window.localStorage.getItem(name);
                }
            } catch (ignored) {
                // storage switched off: fall back to a cookie
            }
            var match = new RegExp('(?:^|; )' + name + '=([^;]*)').exec(document.cookie);
            return match ? decodeURIComponent(match[1]) : null;
        },
        set: function (name, value) {
            try {
                if (window.localStorage) {
                    if (value === null) {
                        window.localStorage.removeItem(name);
                    } else {
                        window.localStorage.setItem(name, value);
                    }
                    return;
                }
            } catch (ignored) {
                // storage switched off: fall back to a cookie
            }
            document.cookie = name + '=' + (value === null ? '; max-age=0' : encodeURIComponent(value)
                + '; max-age=315360000') + '; path=/';
        }
    };

    function newSetTopId() {
        var id = 'stb-';
        for (var i = 0; i < 4; i++) {
            id += Math.floor(Math.random() * 0x100000000).toString(36);
        }
        return id.substring(0, 40);
    }

    var box = {
        setTopId: store.get('sb.settop'),
        token: store.get('sb.token'),
        conversationId: store.get('sb.conversation'),
        sent: 0
    };
    if (!box.setTopId) {
        box.setTopId = newSetTopId();
        store.set('sb.settop', box.setTopId);
    }

    function forgetConversation() {
        box.setTopId = newSetTopId();
        box.token = null;
        box.conversationId = null;
        store.set('sb.settop', box.setTopId);
        store.set('sb.token', null);
        store.set('sb.conversation', null);
    }

    // ---- what is on: the broadcast object, else URL parameters ----

    function urlParameter(name) {
        var match = new RegExp('[?&]' + name + '=([^&#]*)').exec(window.location.search);
        return match ? decodeURIComponent(match[1].replace(/\+/g, ' ')) : null;
    }

    function hex(number) {
        return Number(number).toString(16);
    }

    function broadcastContext(video) {
        var tv = {};
        try {
            var channel = video.currentChannel;
            if (channel) {
                tv.service = typeof channel.onid === 'number' ? 'dvb://' + hex(channel.onid) + '.' + hex(channel.tsid)
                    + '.' + hex(channel.sid) : channel.name;
                tv.channelName = channel.name;
            }
            if (video.programmes && video.programmes.length > 0 && video.programmes[0]) {
                tv.programme = video.programmes[0].name;
            }
        } catch (e) {
            setStatus('The box did not say what is on.');
        }
        return tv;
    }

    function tvContext(video) {
        var tv = video ? broadcastContext(video) : {};
        return {
            service: tv.service || urlParameter('service'),
            programme: tv.programme || urlParameter('programme'),
            region: urlParameter('region'),
            channelName: tv.channelName || null
        };
    }

    // ---- the hub ----

    function request(method, path, body, done) {
        var xhr = new XMLHttpRequest();
        xhr.open(method, API + path, true);
        if (body) {
            xhr.setRequestHeader('Content-Type', 'application/json');
        }
        if (box.token) {
            xhr.setRequestHeader('Authorization', 'Bearer ' + box.token);
        }
        xhr.onreadystatechange = function () {
            if (xhr.readyState !== 4) {
                return;
            }
            var json = null;
            try {
                json = JSON.parse(xhr.responseText);
            } catch (ignored) {
                json = null;
            }
            done(xhr.status, json);
        };
        xhr.send(body ? JSON.stringify(body) : null);
    }

    function send(path, body, done, retried) {
        body.setTopId = box.setTopId;
        body.tv = state.tv.service ? { service: state.tv.service, programme: state.tv.programme, region: state.tv.region }
            : null;
        body.idempotencyKey = box.setTopId + '-' + new Date().getTime().toString(36) + '-' + (++box.sent);
        setStatus('Please wait...');
        request('POST', path, body, function (status, json) {
            if (status === 403 && json && json.error === 'token-required' && !retried) {
                // This box's conversation is not ours to continue (its token is lost): start afresh.
                forgetConversation();
                send(path, body, done, true);
                return;
            }
            if (status !== 200 && status !== 201) {
                setStatus(json && json.message ? 'Sorry: ' + json.message : 'Sorry, the help desk cannot be reached.');
                return;
            }
            if (json.customerToken) {
                box.token = json.customerToken;
                store.set('sb.token', box.token);
            }
            box.conversationId = json.conversationId;
            store.set('sb.conversation', box.conversationId);
            setStatus('');
            done(json.reply);
        });
    }

    // ---- the overlay: a stack of views, BACK pops one ----

    var state = { tv: {}, open: false, stack: [], lastTopic: null, pollTimer: null };

    function top() {
        return state.stack[state.stack.length - 1];
    }

    function render() {
        var body = byId('overlay-body');
        clear(body);
        setStatus('');
        var view = top();
        byId('overlay-title').firstChild.nodeValue = view.title;
        view.render(body);
    }

    function push(view) {
        state.stack.push(view);
        render();
    }

    function replaceTop(view) {
        state.stack.pop();
        push(view);
    }

    function back() {
        var leaving = state.stack.pop();
        if (leaving && leaving.leave) {
            leaving.leave();
        }
        if (state.stack.length > 0) {
            render();
        } else if (leaving.name !== 'rating' && box.conversationId && box.token) {
            closeOrRate();
        } else {
            closeOverlay();
        }
    }

    // Leaving the first level: the satisfaction question when the help desk asks it (an agent finished the
    // conversation and the viewer has not answered yet), else the overlay closes.
    function closeOrRate() {
        request('GET', 'conversations/' + encodeURIComponent(box.conversationId) + '?limit=1', null, function (status, json) {
            if (status === 200 && json && json.ratingAsked) {
                push(ratingView());
            } else {
                closeOverlay();
            }
        });
    }

    function openOverlay() {
        state.open = true;
        state.stack = [];
        show(byId('overlay'), true);
        show(byId('hint'), false);
        push(messageView('Help', 'Opening help...'));
        // An empty question tells the hub the viewer opened help, with what he is watching.
        send('help', { text: '' }, function (reply) {
            replaceTop(replyView('Help', reply));
        });
    }

    function closeOverlay() {
        state.open = false;
        state.stack = [];
        show(byId('overlay'), false);
        show(byId('hint'), true);
    }

    // A list of items walked with UP/DOWN, chosen with OK or its number.
    function focusList(items, onChoose) {
        var list = { items: items, index: 0 };
        list.paint = function () {
            for (var i = 0; i < list.items.length; i++) {
                var item = list.items[i];
                item.className = item.className.replace(/\s*focused/g, '') + (i === list.index ? ' focused' : '');
            }
        };
        list.key = function (key) {
            if (key === 'up' || key === 'down') {
                var step = key === 'up' ? -1 : 1;
                list.index = (list.index + step + list.items.length) % list.items.length;
                list.paint();
                return true;
            }
            if (key === 'ok') {
                onChoose(list.index);
                return true;
            }
            if (key.indexOf('digit') === 0) {
                var number = parseInt(key.substring(5), 10);
                if (number >= 1 && number <= list.items.length) {
                    list.index = number - 1;
                    list.paint();
                    onChoose(list.index);
                }
                return true;
            }
            return false;
        };
        return list;
    }

    // The hub's rendered HbbTV fragment, or the reply's text and topics when the box cannot parse XML.
    function replyFragment(reply) {
        if (reply.html && window.DOMParser) {
            try {
                var parsed = new window.DOMParser().parseFromString(reply.html, 'application/xml');
                if (parsed.getElementsByTagName('parsererror').length === 0) {
                    return document.importNode(parsed.documentElement, true);
                }
            } catch (ignored) {
                // fall through to the plain rendering
            }
        }
        var fragment = element('div', 'sb-overlay');
        fragment.appendChild(element('p', 'sb-text', reply.text));
        var list = element('ul', 'sb-topics');
        for (var i = 0; i < reply.topics.length; i++) {
            var link = element('a', 'sb-topic');
            link.setAttribute('data-topic', reply.topics[i]);
            link.appendChild(element('span', 'sb-number', String(i + 1)));
            link.appendChild(document.createTextNode(' ' + reply.topics[i]));
            var li = element('li');
            li.appendChild(link);
            list.appendChild(li);
        }
        fragment.appendChild(list);
        return fragment;
    }

    function ask(topic) {
        state.lastTopic = topic;
        send('help', { text: topic }, function (reply) {
            push(replyView(topic, reply));
        });
    }

    function replyView(title, reply) {
        var list;
        return {
            name: 'reply',
            title: title,
            answerId: reply.messageId || null,
            render: function (body) {
                var fragment = replyFragment(reply);
                body.appendChild(fragment);
                var items = [];
                var links = fragment.getElementsByTagName('a');
                for (var i = 0; i < links.length; i++) {
                    items.push(links[i]);
                }
                var typeIt = element('a', 'sb-item sb-type');
                typeIt.appendChild(element('span', 'sb-number', String(items.length + 1)));
                typeIt.appendChild(document.createTextNode(' Type a question'));
                var extra = element('ul', 'sb-items');
                var li = element('li');
                li.appendChild(typeIt);
                extra.appendChild(li);
                body.appendChild(extra);
                items.push(typeIt);
                list = focusList(items, function (index) {
                    if (items[index] === typeIt) {
                        push(keyboardView());
                    } else {
                        ask(items[index].getAttribute('data-topic'));
                    }
                });
                list.paint();
            },
            key: function (key) {
                return list.key(key);
            }
        };
    }

    function messageView(title, text) {
        return {
            name: 'message',
            title: title,
            render: function (body) {
                body.appendChild(element('p', 'sb-text', text));
            },
            key: function () {
                return false;
            }
        };
    }

    // Text by multi-tap on the digit keys (as on phones) or by the on-screen keyboard.
    function keyboardView() {
        var text = '';
        var pending = null; // {digit, index, at}: the letter a repeated digit still cycles
        var row = 0;
        var column = 0;
        var rows = [];
        var entry;
        var grid;

        function current() {
            return rows[row][Math.min(column, rows[row].length - 1)];
        }

        function paint() {
            clear(entry);
            entry.appendChild(document.createTextNode(text));
            if (pending) {
                entry.appendChild(element('span', 'pending', MULTI_TAP[pending.digit].charAt(pending.index)));
            }
            var cells = grid.getElementsByTagName('span');
            var focused = current();
            for (var i = 0; i < cells.length; i++) {
                cells[i].className = cells[i].className.replace(/\s*focused/g, '')
                    + (cells[i].getAttribute('data-key') === focused ? ' focused' : '');
            }
        }

        function commit() {
            if (pending) {
                text += MULTI_TAP[pending.digit].charAt(pending.index);
                pending = null;
            }
        }

        function tap(digit) {
            var now = new Date().getTime();
            if (pending && pending.digit === digit && now - pending.at < MULTI_TAP_MS) {
                pending.index = (pending.index + 1) % MULTI_TAP[digit].length;
                pending.at = now;
            } else {
                commit();
                pending = { digit: digit, index: 0, at: now };
            }
        }

        function press(key) {
            commit();
            if (key === 'space') {
                text += ' ';
            } else if (key === 'delete') {
                text = text.substring(0, text.length - 1);
            } else if (key === 'send') {
                if (text.replace(/\s+/g, '') !== '') {
                    var question = text;
                    send('help', { text: question }, function (reply) {
                        replaceTop(replyView(question, reply));
                    });
                }
                return;
            } else {
                text += key;
            }
        }

        return {
            name: 'keyboard',
            title: 'Type a question',
            render: function (body) {
                body.appendChild(element('p', null, 'Digits: multi-tap (2 = abc). Arrows and OK: the keyboard.'));
                entry = element('div', null);
                entry.id = 'entry';
                body.appendChild(entry);
                grid = element('div', 'osk');
                rows = [];
                for (var r = 0; r <= OSK_ROWS.length; r++) {
                    var keys = r < OSK_ROWS.length ? OSK_ROWS[r].split('') : OSK_LAST_ROW;
                    rows.push(keys);
                    var line = element('div', null);
                    for (var c = 0; c < keys.length; c++) {
                        var cell = element('span', keys[c].length > 1 ? 'wide' : null, keys[c]);
                        cell.setAttribute('data-key', keys[c]);
                        line.appendChild(cell);
                    }
                    grid.appendChild(line);
                }
                body.appendChild(grid);
                paint();
            },
            key: function (key) {
                if (key.indexOf('digit') === 0) {
                    tap(parseInt(key.substring(5), 10));
                } else if (key === 'up' || key === 'down') {
                    commit();
                    row = (row + (key === 'up' ? -1 : 1) + rows.length) % rows.length;
                } else if (key === 'left' || key === 'right') {
                    commit();
                    var width = rows[row].length;
                    column = (Math.min(column, width - 1) + (key === 'left' ? -1 : 1) + width) % width;
                } else if (key === 'ok') {
                    press(current());
                } else {
                    return false;
                }
                paint();
                return true;
            }
        };
    }

    // The viewer keys in his phone number for YELLOW (send to my phone) or BLUE (call me back). YELLOW
    // names the answer on the screen (BACK may have gone back to an earlier one than the latest).
    function phoneView(kind, shownAnswerId) {
        var digits = '';
        var number;
        var about = state.lastTopic;
        return {
            name: 'phone',
            title: kind === 'send-to-phone' ? 'Send to my phone' : 'Call me back',
            render: function (body) {
                body.appendChild(element('p', null, 'Key in your phone number with the country code, then OK.'
                    + ' LEFT deletes a digit.'));
                number = element('div', null, '+');
                number.id = 'entry';
                body.appendChild(number);
            },
            key: function (key) {
                if (key.indexOf('digit') === 0) {
                    digits += key.substring(5);
                } else if (key === 'left') {
                    digits = digits.substring(0, digits.length - 1);
                } else if (key === 'ok') {
                    var body = { kind: kind, phone: '+' + digits, about: about };
                    if (shownAnswerId && box.conversationId) {
                        body.shown = { conversationId: box.conversationId, messageId: shownAnswerId };
                    }
                    // The hub's reply says what happens: texted, or who calls back when.
                    send('requests', body, function (reply) {
                        replaceTop(messageView(kind === 'send-to-phone' ? 'Send to my phone' : 'Call me back',
                            reply.text));
                    });
                    return true;
                } else {
                    return false;
                }
                number.firstChild.nodeValue = '+' + digits;
                return true;
            }
        };
    }

    // GREEN: the request for an agent, then the agent's replies as the thread shows them. The overlay reads the
    // thread's newest page (POLL_LIMIT messages) now and then; UP, OK ("Earlier messages") reads the page before
    // the oldest read so far, OLDER_LIMIT messages, by the cursor the last page gave, until the thread's start.
    function agentView(reply) {
        var lines;
        var shown = {};
        var older; // the cursor of what lies before the pages read; null at the thread's start; undefined before a read
        var loading = false;
        var items = {};
        var focused = 'write';
        var view = {
            name: 'agent',
            title: 'Talk to an agent',
            render: function (body) {
                body.appendChild(element('p', 'sb-text', reply.text));
                items.older = element('a', 'sb-item hidden', 'Earlier messages');
                items.older.id = 'agent-older';
                body.appendChild(items.older);
                lines = element('ul', 'sb-items chat');
                lines.id = 'agent-messages';
                body.appendChild(lines);
                items.write = element('a', 'sb-item', 'Write to the agent');
                items.write.id = 'agent-write';
                body.appendChild(items.write);
                body.appendChild(element('p', 'sb-hint', 'OK: choose. UP: earlier messages, DOWN: write.'));
                shown = {};
                older = undefined;
                focused = 'write';
                paint();
                poll();
            },
            key: function (key) {
                if (key === 'up' || key === 'down') {
                    focused = key === 'up' && older ? 'older' : 'write';
                    paint();
                    return true;
                }
                if (key === 'ok') {
                    if (focused === 'older') {
                        readOlder();
                    } else {
                        push(keyboardView());
                    }
                    return true;
                }
                return false;
            },
            leave: function () {
                window.clearTimeout(state.pollTimer);
            }
        };

        function paint() {
            if (!older && focused === 'older') {
                focused = 'write';
            }
            show(items.older, !!older);
            for (var name in items) {
                if (items.hasOwnProperty(name)) {
                    items[name].className = items[name].className.replace(/\s*focused/g, '')
                        + (name === focused ? ' focused' : '');
                }
            }
        }

        // The agent's messages of a page (oldest first) that are not on the screen yet, as chat lines.
        function agentLines(messages) {
            var added = [];
            for (var i = 0; i < messages.length; i++) {
                var message = messages[i];
                if (message.fromAgent && !shown[message.id]) {
                    shown[message.id] = true;
                    var line = element('li', 'chat-line');
                    line.appendChild(element('span', 'chat-author', message.author + ': '));
                    line.appendChild(document.createTextNode(message.text));
                    added.push(line);
                }
            }
            return added;
        }

        function poll() {
            window.clearTimeout(state.pollTimer);
            if (!box.conversationId || top() !== view) {
                return;
            }
            request('GET', threadPath(null, POLL_LIMIT), null, function (status, json) {
                if (status === 200 && json && top() === view) {
                    var added = agentLines(json.messages);
                    for (var i = 0; i < added.length; i++) {
                        lines.appendChild(added[i]);
                    }
                    if (added.length > 0) {
                        lines.scrollTop = lines.scrollHeight;
                    }
                    if (older === undefined) {
                        // Later pages overlap this one as new messages come; what lies before it stays put.
                        older = json.olderCursor || null;
                        paint();
                    }
                }
                if (top() === view) {
                    state.pollTimer = window.setTimeout(poll, POLL_MS);
                }
            });
        }

        function readOlder() {
            if (loading || !older) {
                return;
            }
            loading = true;
            setStatus('Please wait...');
            request('GET', threadPath(older, OLDER_LIMIT), null, function (status, json) {
                loading = false;
                if (top() !== view) {
                    return;
                }
                if (status !== 200 || !json) {
                    setStatus(json && json.message ? 'Sorry: ' + json.message : 'Sorry, the help desk cannot be reached.');
                    return;
                }
                var added = agentLines(json.messages);
                var first = lines.firstChild;
                for (var i = 0; i < added.length; i++) {
                    lines.insertBefore(added[i], first);
                }
                lines.scrollTop = 0;
                older = json.olderCursor || null;
                setStatus(added.length > 0 ? '' : older ? 'No agent wrote in the ' + json.messages.length
                    + ' messages before these.' : 'That is the start of your conversation.');
                paint();
            });
        }

        return view;
    }

    // The address of a page of the box's thread: at most `limit` messages, those before `before` when given.
    function threadPath(before, limit) {
        return 'conversations/' + encodeURIComponent(box.conversationId) + '?limit=' + limit
            + (before ? '&before=' + encodeURIComponent(before) : '');
    }

    // At the end, when the help desk asks it: did the help help? Answered with the colour keys, a rating of the
    // agent's help (green 5, yellow 3, red 1), never a message.
    function ratingView() {
        var ratings = { green: 'yes', yellow: 'partly', red: 'no' };
        return {
            name: 'rating',
            title: 'Did we help?',
            render: function (body) {
                body.appendChild(element('p', null, 'Did this help you? Press a colour key.'));
                var list = element('ul', 'sb-items rating');
                var labels = [['key-green', 'Yes'], ['key-yellow', 'Partly'], ['key-red', 'No']];
                for (var i = 0; i < labels.length; i++) {
                    var li = element('li');
                    li.appendChild(element('span', 'key ' + labels[i][0], ' '));
                    li.appendChild(document.createTextNode(' ' + labels[i][1]));
                    list.appendChild(li);
                }
                body.appendChild(list);
            },
            key: function (key) {
                if (!ratings[key]) {
                    return false;
                }
                send('requests', { kind: 'satisfaction', conversationId: box.conversationId, rating: ratings[key] }, function () {
                    closeOverlay();
                    setStatus('');
                    byId('hint').lastChild.nodeValue = ' Help (thank you for your answer)';
                });
                return true;
            }
        };
    }

    function colourKey(key) {
        if (key === 'green') {
            send('requests', { kind: 'agent', about: state.lastTopic }, function (reply) {
                push(agentView(reply));
            });
        } else if (key === 'yellow') {
            push(phoneView('send-to-phone', top().answerId));
        } else if (key === 'blue') {
            push(phoneView('call-back'));
        } else {
            return false;
        }
        return true;
    }

    function onKey(event) {
        var key = keyName(event.keyCode);
        if (!key) {
            return;
        }
        var handled;
        if (!state.open) {
            handled = key === 'red';
            if (handled) {
                openOverlay();
            }
        } else if (key === 'back') {
            back();
            handled = true;
        } else {
            handled = top().key(key) || (top().name !== 'rating' && colourKey(key));
        }
        if (handled && event.preventDefault) {
            event.preventDefault();
        }
    }

    // ---- start: keyset, picture, what is on ----

    // OIPF keyset values (DAE 7.2.5), for boxes whose keyset object lacks the constants.
    var KEYSET = { RED: 0x1, GREEN: 0x2, YELLOW: 0x4, BLUE: 0x8, NAVIGATION: 0x10, NUMERIC: 0x100 };

    function registerKeys() {
        var manager = byId('appmgr');
        if (!manager || typeof manager.getOwnerApplication !== 'function') {
            return; // a plain browser delivers every key anyway
        }
        try {
            var app = manager.getOwnerApplication(document);
            var keyset = app.privateData.keyset;
            var mask = 0;
            for (var name in KEYSET) {
                if (KEYSET.hasOwnProperty(name)) {
                    mask |= typeof keyset[name] === 'number' ? keyset[name] : KEYSET[name];
                }
            }
            keyset.setValue(mask);
            app.show();
        } catch (e) {
            setStatus('The remote control keys could not be registered.');
        }
    }

    function startPicture() {
        var video = byId('video');
        if (video && typeof video.bindToCurrentChannel === 'function') {
            try {
                video.bindToCurrentChannel();
                return video;
            } catch (e) {
                setStatus('The broadcast picture is not available.');
            }
        }
        show(byId('placeholder'), true);
        show(video, false);
        return null;
    }

    function watchingLine(tv) {
        var what = [];
        if (tv.programme) {
            what.push(tv.programme);
        }
        if (tv.channelName || tv.service) {
            what.push('on ' + (tv.channelName || tv.service));
        }
        return what.length > 0 ? 'Watching: ' + what.join(' ') : '';
    }

    function start() {
        registerKeys();
        state.tv = tvContext(startPicture());
        var line = watchingLine(state.tv);
        byId('watching').appendChild(document.createTextNode(line));
        byId('placeholder-service').appendChild(document.createTextNode(line));
        document.addEventListener('keydown', onKey, false);
    }

    window.onload = start;
}());
