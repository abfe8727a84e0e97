// Helpdesk console. User text is only ever set with textContent, never as HTML.
(function () {
  'use strict';
  var token = sessionStorage.getItem('staffToken') || '';
  var current = null;
  var $ = function (id) { return document.getElementById(id); };

  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({ Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, options.headers || {});
    return fetch('/api/staff' + path, options).then(function (r) {
      if (r.status === 401 || r.status === 404 && path === '/handoffs') { signOut('The token was not accepted.'); throw new Error('unauthorised'); }
      return r.json().then(function (body) { if (!r.ok) throw new Error(body.error || 'Request failed'); return body; });
    });
  }

  // The Knowledge and Usage views (knowledge.js, usage.js) call the staff API through these.
  window.staffConsole = {
    api: api,
    download: function (path, name) {
      return fetch('/api/staff' + path, { headers: { Authorization: 'Bearer ' + token } }).then(function (r) { if (!r.ok) throw new Error('Download failed'); return r.blob(); })
        .then(function (blob) { var a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = name; a.click(); setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000); });
    },
  };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function loadQueue() {
    var status = $('status').value;
    return api('/handoffs' + (status ? '?status=' + status : '')).then(function (body) {
      var list = $('queue');
      list.replaceChildren();
      if (!body.handoffs.length) list.appendChild(el('li', 'No requests.'));
      body.handoffs.forEach(function (t) {
        var li = el('li');
        var b = el('button', (t.urgency === 'urgent' ? 'URGENT · ' : '') + t.id + ' · ' + t.lang + ' · ' + t.channel + ' · ' + t.status + (t.topic ? ' · ' + t.topic : '') + ' · ' + new Date(t.createdAt).toLocaleString(), t.urgency === 'urgent' ? 'urgent' : '');
        b.type = 'button';
        b.addEventListener('click', function () { openTicket(t.id); });
        li.appendChild(b);
        list.appendChild(li);
      });
    });
  }

  function openTicket(id) {
    return api('/handoffs/' + encodeURIComponent(id)).then(function (t) {
      current = t;
      $('ticket').hidden = false;
      $('ticket-title').textContent = 'Request ' + t.id;
      $('ticket-meta').textContent = [t.urgency, t.status, t.lang, t.channel, t.topic || 'no topic'].join(' · ');
      var list = $('transcript');
      list.replaceChildren();
      t.transcript.forEach(function (line) {
        list.appendChild(el('li', line.from + ' (' + new Date(line.at).toLocaleTimeString() + '): ' + line.text, 'from-' + line.from));
      });
      $('reply-text').focus();
    });
  }

  function loadUnanswered() {
    return api('/unanswered').then(function (body) {
      var rows = $('unanswered');
      rows.replaceChildren();
      body.unanswered.forEach(function (q) {
        var tr = el('tr');
        [q.text, q.lang, String(q.count), new Date(q.lastSeen).toLocaleString()].forEach(function (v) { tr.appendChild(el('td', v)); });
        rows.appendChild(tr);
      });
    });
  }

  function act(path, message) {
    if (!current) return;
    $('reply-status').textContent = '';
    api('/handoffs/' + encodeURIComponent(current.id) + path, { method: 'POST', body: JSON.stringify(message || {}) })
      .then(function () { $('reply-status').textContent = message ? 'Sent.' : 'Done.'; if (message) $('reply-text').value = ''; return Promise.all([openTicket(current.id), loadQueue()]); })
      .catch(function (e) { $('reply-status').textContent = e.message; });
  }

  function signIn() {
    $('login').hidden = true; $('app').hidden = false; $('logout').hidden = false;
    loadQueue().then(loadUnanswered).catch(function () {});
  }
  function signOut(message) {
    token = ''; sessionStorage.removeItem('staffToken');
    $('login').hidden = false; $('app').hidden = true; $('logout').hidden = true;
    $('login-error').textContent = message || '';
  }

  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    token = $('token').value; sessionStorage.setItem('staffToken', token); $('token').value = '';
    signIn();
  });
  $('logout').addEventListener('click', function () { signOut(); });
  $('refresh').addEventListener('click', function () { loadQueue(); loadUnanswered(); });
  $('status').addEventListener('change', loadQueue);
  $('reply').addEventListener('submit', function (e) { e.preventDefault(); act('/messages', { text: $('reply-text').value }); });
  $('claim').addEventListener('click', function () { act('/claim'); });
  $('close').addEventListener('click', function () { act('/close'); });
  if (token) signIn();
})();
