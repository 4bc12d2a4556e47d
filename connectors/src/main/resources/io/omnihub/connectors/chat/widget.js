/*
 * Omnihub web chat widget. Embed with one tag (the hub serves this file):
 *
 *   <script src="https://hub.example.com/channels/chat/widget.js" data-inbox="website-chat" async></script>
 *
 * Optional, for a signed-in user of the site (the hash is computed on the site's server):
 *   data-user-id="42" data-user-hash="hex(HMAC-SHA256(identity secret, '42'))"
 *   data-user-name="Ada Lovelace" data-user-email="ada@example.com"
 *
 * Everything it shows is set as text, never as HTML. It lives in a shadow root, so the page's
 * styles and its own do not meet. The chat's signed token is kept in localStorage, so the chat
 * survives reloads; messages not yet acknowledged by the hub are kept too and sent again.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.dataset.inbox) {
    if (window.console) { console.error('omnihub chat: the script tag needs data-inbox'); }
    return;
  }
  var hub = new URL(script.src).origin;
  var inbox = script.dataset.inbox;
  var site = {
    userId: script.dataset.userId || null, userHash: script.dataset.userHash || null,
    name: script.dataset.userName || null, email: script.dataset.userEmail || null
  };
  var storeKey = 'omnihub-chat:' + hub + ':' + inbox;
  var saved = load();

  var host = document.createElement('div');
  host.id = 'omnihub-chat';
  var root = host.attachShadow({mode: 'open'});
  root.innerHTML =
    '<style>' +
    ':host{all:initial}*{box-sizing:border-box;font:14px/1.4 system-ui,sans-serif}' +
    '#omh-launcher{position:fixed;right:20px;bottom:20px;border:0;border-radius:24px;padding:12px 18px;' +
    'background:#1f4fd1;color:#fff;cursor:pointer;z-index:2147483000}' +
    '#omh-panel{position:fixed;right:20px;bottom:76px;width:340px;max-height:520px;display:flex;flex-direction:column;' +
    'background:#fff;border:1px solid #ccd;border-radius:10px;box-shadow:0 4px 24px rgba(0,0,0,.15);z-index:2147483000}' +
    '#omh-panel[hidden]{display:none}header{padding:10px 12px;background:#1f4fd1;color:#fff;border-radius:10px 10px 0 0}' +
    'header small{display:block;opacity:.85}ol{list-style:none;margin:0;padding:10px;overflow-y:auto;flex:1;min-height:120px}' +
    'li{margin:6px 0;display:flex;gap:6px;align-items:flex-end}li.visitor{flex-direction:row-reverse}' +
    '.bubble{padding:6px 10px;border-radius:10px;background:#eef;max-width:75%;white-space:pre-wrap;word-wrap:break-word}' +
    'li.visitor .bubble{background:#1f4fd1;color:#fff}.avatar{width:26px;height:26px;border-radius:50%;background:#889;' +
    'color:#fff;font-size:11px;display:flex;align-items:center;justify-content:center;flex:none}' +
    '.who{font-size:11px;color:#556;display:block}li.visitor .who{color:#dde}.state{font-size:11px;opacity:.8}' +
    'form{padding:8px 10px;border-top:1px solid #eee;display:flex;flex-direction:column;gap:6px}form[hidden]{display:none}' +
    'input,textarea{border:1px solid #bbc;border-radius:6px;padding:6px;width:100%}button{cursor:pointer}' +
    '.row{display:flex;gap:6px}#omh-typing,#omh-notice{padding:0 12px;font-size:12px;color:#556;min-height:16px}' +
    '#omh-notice.error{color:#b00}' +
    '</style>' +
    '<button id="omh-launcher" type="button" aria-controls="omh-panel" aria-expanded="false">Chat</button>' +
    '<section id="omh-panel" hidden role="dialog" aria-label="Chat">' +
    '<header><strong id="omh-title">Chat</strong><small id="omh-status"></small></header>' +
    '<ol id="omh-lines" aria-live="polite"></ol>' +
    '<div id="omh-typing" aria-live="polite"></div><div id="omh-notice" role="status"></div>' +
    '<form id="omh-prechat" hidden><label>Your name<input id="omh-name" autocomplete="name" required></label>' +
    '<label>Your email (for a transcript)<input id="omh-email" type="email" autocomplete="email"></label>' +
    '<button id="omh-start" type="submit">Start chat</button></form>' +
    '<form id="omh-offline" hidden><p>Nobody is online right now. Leave a message and we will answer by email.</p>' +
    '<input id="omh-offline-name" placeholder="Your name" autocomplete="name" required>' +
    '<input id="omh-offline-email" type="email" placeholder="Your email" autocomplete="email" required>' +
    '<textarea id="omh-offline-text" rows="3" placeholder="Your message" required></textarea>' +
    '<button id="omh-offline-send" type="submit">Leave message</button></form>' +
    '<form id="omh-composer" hidden><textarea id="omh-text" rows="2" placeholder="Write a message…" ' +
    'aria-label="Message"></textarea><div class="row"><button id="omh-send" type="submit">Send</button>' +
    '<label>Attach <input id="omh-file" type="file"></label>' +
    '<button id="omh-transcript" type="button">Email transcript</button></div></form>' +
    '</section>';
  document.body.appendChild(host);

  function $(id) { return root.getElementById(id); }
  var panel = $('omh-panel'), lines = $('omh-lines'), notice = $('omh-notice'), typingLine = $('omh-typing');
  var socket = null, config = null, token = saved.token, ready = false, retryIn = 1000, typingTimer = null;
  var pending = saved.pending || {}, shown = {};

  $('omh-launcher').addEventListener('click', function () {
    panel.hidden = !panel.hidden;
    $('omh-launcher').setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden && !socket) { connect(); }
  });

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify({token: token, pending: pending})); } catch (e) { /* private mode */ }
  }
  function say(text, isError) { notice.textContent = text || ''; notice.className = isError ? 'error' : ''; }
  function newId() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function show(form) {
    ['omh-prechat', 'omh-offline', 'omh-composer'].forEach(function (id) { $(id).hidden = id !== form; });
  }
  function initials(name) {
    return (name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map(function (w) { return w[0].toUpperCase(); }).join('');
  }

  function addLine(line, state) {
    var item = shown[line.id];
    if (!item) {
      item = document.createElement('li');
      item.className = line.from;
      item.dataset.id = line.id;
      item.dataset.from = line.from;
      var avatar = document.createElement('span');
      avatar.className = 'avatar';
      avatar.textContent = initials(line.author);
      avatar.title = line.author || '';
      var bubble = document.createElement('div');
      bubble.className = 'bubble';
      var who = document.createElement('span');
      who.className = 'who';
      who.textContent = line.from === 'agent' ? (line.author || 'Agent') : 'You';
      var text = document.createElement('span');
      text.className = 'text';
      text.textContent = (line.text || '') + ((line.files || []).length ? (line.text ? '\n' : '') + '📎 ' + line.files.join(', ') : '');
      var status = document.createElement('span');
      status.className = 'state';
      bubble.appendChild(who); bubble.appendChild(text); bubble.appendChild(status);
      item.appendChild(avatar); item.appendChild(bubble);
      lines.appendChild(item);
      shown[line.id] = item;
      lines.scrollTop = lines.scrollHeight;
    }
    if (state !== undefined) { item.querySelector('.state').textContent = state ? ' · ' + state : ''; }
    if (line.from === 'agent' && ready && line.id !== 'welcome') { send({type: 'seen', id: line.id}); }
  }

  function connect() {
    say('Connecting…');
    socket = new WebSocket(hub.replace(/^http/, 'ws') + '/channels/chat/' + encodeURIComponent(inbox) + '/socket');
    socket.onmessage = function (event) { receive(JSON.parse(event.data)); };
    socket.onclose = function () {
      ready = false;
      say('Reconnecting…', true);
      setTimeout(connect, retryIn);
      retryIn = Math.min(retryIn * 2, 15000);
    };
  }
  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }

  function receive(frame) {
    switch (frame.type) {
      case 'hello':
        config = frame;
        retryIn = 1000;
        $('omh-title').textContent = frame.title;
        $('omh-status').textContent = frame.online ? 'We are online' : 'We are away';
        $('omh-transcript').hidden = !frame.transcripts;
        say('');
        if (token) {
          send({type: 'resume', token: token});
        } else if (site.userId && site.name) {
          start(site.name, site.email);
        } else if (frame.online) {
          $('omh-name').value = site.name || ''; $('omh-email').value = site.email || '';
          show('omh-prechat');
        } else {
          show('omh-offline');
        }
        break;
      case 'ready':
        token = frame.token;
        ready = true;
        save();
        show('omh-composer');
        if (!frame.history.length && !lines.children.length) {
          addLine({id: 'welcome', from: 'agent', author: config.title, text: config.welcome});
        }
        frame.history.forEach(function (line) { addLine(line, line.from === 'visitor' ? 'sent' : undefined); });
        Object.keys(pending).forEach(function (id) { addLine(pending[id], 'sending…'); send(pending[id].frame); });
        break;
      case 'message':
        typingLine.textContent = '';
        addLine(frame.line);
        break;
      case 'ack':
        if (pending[frame.id]) { delete pending[frame.id]; save(); }
        if (shown[frame.id]) { shown[frame.id].querySelector('.state').textContent = ' · sent'; }
        break;
      case 'typing':
        typingLine.textContent = (frame.name || 'An agent') + ' is typing…';
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typingLine.textContent = ''; }, 4000);
        break;
      case 'transcript':
        say(frame.message, !frame.sent);
        break;
      case 'left':
        say(frame.message);
        $('omh-offline').reset();
        break;
      case 'expired':
        token = null; save(); show('omh-prechat'); say(frame.message, true);
        break;
      case 'error':
        say(frame.message, true);
        if (frame.id && pending[frame.id]) {
          if (frame.retry) {
            setTimeout(function () { if (pending[frame.id]) { send(pending[frame.id].frame); } }, 3000);
          } else {
            delete pending[frame.id]; save();
            if (shown[frame.id]) { shown[frame.id].querySelector('.state').textContent = ' · not sent'; }
          }
        }
        break;
    }
  }

  function start(name, email) {
    send({type: 'start', name: name, email: email || null, token: token, userId: site.userId, userHash: site.userHash});
  }

  $('omh-prechat').addEventListener('submit', function (event) {
    event.preventDefault();
    start($('omh-name').value, $('omh-email').value);
  });
  $('omh-offline').addEventListener('submit', function (event) {
    event.preventDefault();
    send({type: 'leave-message', id: newId(), name: $('omh-offline-name').value,
      email: $('omh-offline-email').value, text: $('omh-offline-text').value});
  });
  var lastTyping = 0;
  $('omh-composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('omh-text').value.trim();
    if (!text) { return; }
    if (config && text.length > config.maxMessageChars) {
      say('Messages can have at most ' + config.maxMessageChars + ' characters.', true);
      return;
    }
    var id = newId();
    var frame = {type: 'message', id: id, text: text};
    pending[id] = {id: id, from: 'visitor', author: 'You', text: text, frame: frame};
    save();
    addLine(pending[id], 'sending…');
    send(frame);
    send({type: 'typing', typing: false});
    // the next keystroke starts a new 'typing' at once (the hub forgets its 2 s limit on 'stopped' too)
    lastTyping = 0;
    $('omh-text').value = '';
  });
  $('omh-text').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $('omh-composer').requestSubmit();
    }
  });
  $('omh-text').addEventListener('input', function () {
    // the hub passes on at most one typing signal per 2 s anyway
    if (Date.now() - lastTyping > 2000) { lastTyping = Date.now(); send({type: 'typing', typing: true}); }
  });
  $('omh-transcript').addEventListener('click', function () { send({type: 'transcript'}); });
  $('omh-file').addEventListener('change', function () {
    var file = $('omh-file').files[0];
    if (!file || !token) { return; }
    if (config && file.size > config.maxUploadBytes) {
      say('The file is too large (at most ' + Math.floor(config.maxUploadBytes / 1048576) + ' MB).', true);
      return;
    }
    var id = newId();
    var form = new FormData();
    form.append('token', token);
    form.append('id', id);
    form.append('file', file);
    addLine({id: id, from: 'visitor', author: 'You', text: '', files: [file.name]}, 'uploading…');
    fetch(hub + '/channels/chat/' + encodeURIComponent(inbox) + '/uploads', {method: 'POST', body: form})
      .then(function (response) {
        if (response.ok) { shown[id].querySelector('.state').textContent = ' · sent'; return; }
        return response.json().then(function (problem) {
          shown[id].querySelector('.state').textContent = ' · not sent';
          say(problem.detail || 'The file was not accepted.', true);
        });
      })
      .catch(function () { say('The file could not be sent.', true); })
      .then(function () { $('omh-file').value = ''; });
  });

  if (token) { connect(); }
})();
