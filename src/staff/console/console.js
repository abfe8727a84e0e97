// Helpdesk console. User text is only ever set with textContent, never as HTML.
// Signed in with a session cookie (httpOnly); every POST carries the session's CSRF token.
(function () {
  'use strict';
  var csrf = '';
  var current = null;
  var stream = null;
  var refreshTimer = null;
  var seenUrgent = {};
  var firstLoad = true;
  var TITLE = 'Helpdesk console';
  var $ = function (id) { return document.getElementById(id); };

  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({ 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, options.headers || {});
    options.credentials = 'same-origin';
    return fetch('/api/staff' + path, options).then(function (r) {
      if (r.status === 401) { showSignIn('Your session has ended. Sign in again.'); throw new Error('Your session has ended.'); }
      if (r.status === 204) return {};
      return r.json().then(function (body) { if (!r.ok) throw new Error(body.error || 'Request failed'); return body; });
    });
  }

  // The other views (knowledge.js, usage.js, updates.js) call the staff API and build elements through these.
  window.staffConsole = {
    api: api,
    el: el,
    /** The first day (YYYY-MM-DD, UTC) of a period of `n` days ending today. */
    fromDays: function (n) { var d = new Date(); d.setUTCDate(d.getUTCDate() - (n - 1)); return d.toISOString().slice(0, 10); },
    download: function (path, name) {
      return fetch('/api/staff' + path, { credentials: 'same-origin' }).then(function (r) { if (!r.ok) throw new Error('Download failed'); return r.blob(); })
        .then(function (blob) { var a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = name; a.click(); setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000); });
    },
  };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function holder(t) {
    if (t.status === 'closed') return 'closed';
    if (t.claimedByYou) return 'yours';
    if (t.claimedBy) return 'taken by ' + t.claimedBy;
    return 'waiting';
  }

  // Waiting and claimed requests together, in the server's order: urgent first, then oldest.
  function activeQueue(open) {
    return Promise.all([open, api('/handoffs?status=claimed')]).then(function (both) {
      var all = both[0].handoffs.concat(both[1].handoffs);
      all.sort(function (a, b) {
        if (a.urgency !== b.urgency) return a.urgency === 'urgent' ? -1 : 1;
        return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
      });
      return { handoffs: all };
    });
  }

  function loadQueue() {
    var status = $('status').value;
    var open = api('/handoffs?status=open');
    var shown = status === 'open' ? open : status === 'active' ? activeQueue(open) : api('/handoffs' + (status ? '?status=' + status : ''));
    return Promise.all([shown, open]).then(function (results) {
      var list = $('queue');
      list.replaceChildren();
      if (!results[0].handoffs.length) list.appendChild(el('li', 'No requests.'));
      results[0].handoffs.forEach(function (t) {
        var b = el('button', undefined, t.urgency === 'urgent' ? 'urgent' : '');
        b.type = 'button';
        if (t.urgency === 'urgent') b.appendChild(el('span', 'URGENT', 'tag urgent-tag'));
        if (t.claimedByYou) b.appendChild(el('span', 'yours', 'tag mine'));
        b.appendChild(el('span', [t.id, t.lang, t.channel, holder(t), t.topic || 'no topic', new Date(t.createdAt).toLocaleString()].join(' · ')));
        b.addEventListener('click', function () { openTicket(t.id); });
        var li = el('li');
        li.appendChild(b);
        list.appendChild(li);
      });
      var openCount = results[1].handoffs.length;
      document.title = (openCount ? '(' + openCount + ') ' : '') + TITLE;
      results[1].handoffs.forEach(function (t) {
        if (t.urgency === 'urgent' && !seenUrgent[t.id]) {
          seenUrgent[t.id] = true;
          if (!firstLoad) $('announce').textContent = 'New urgent request ' + t.id + ' (' + t.lang + ').';
        }
      });
      firstLoad = false;
    });
  }

  function showTicket(t) {
    current = t;
    $('ticket').hidden = false;
    $('ticket-title').textContent = 'Request ' + t.id;
    $('ticket-meta').textContent = [t.urgency, t.status, t.lang, t.channel, t.topic || 'no topic'].join(' · ');
    $('ticket-holder').textContent = t.status === 'closed' ? 'Closed.' : t.claimedByYou ? 'You have claimed this request.' : t.claimedBy ? 'Taken by ' + t.claimedBy + '.' : 'Nobody has claimed this request yet.';
    var list = $('transcript');
    list.replaceChildren();
    t.transcript.forEach(function (line) {
      var who = line.from === 'staff' && line.author ? line.author + (line.via ? ' (' + line.via + ')' : '') : line.from;
      list.appendChild(el('li', who + ' (' + new Date(line.at).toLocaleTimeString() + '): ' + line.text, 'from-' + line.from));
    });
    var audit = $('audit');
    audit.replaceChildren();
    (t.audit || []).forEach(function (a) {
      audit.appendChild(el('li', a.action + ' — ' + a.name + (a.email ? ' <' + a.email + '>' : '') + ' via ' + a.via + ', ' + new Date(a.at).toLocaleString()));
    });
    if (!t.audit || !t.audit.length) audit.appendChild(el('li', 'Nothing yet.'));
    var takenByOther = t.status === 'claimed' && t.claimedBy && !t.claimedByYou;
    $('claim').hidden = t.status !== 'open';
    $('takeover').hidden = !takenByOther;
    $('close').hidden = t.status === 'closed';
  }

  function openTicket(id) {
    return api('/handoffs/' + encodeURIComponent(id)).then(function (t) {
      showTicket(t);
      history.replaceState(null, '', '#ticket=' + encodeURIComponent(t.id));
    }).catch(function (e) { $('reply-status').textContent = e.message; });
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

  function act(path, body) {
    if (!current) return;
    $('reply-status').textContent = '';
    var id = current.id;
    api('/handoffs/' + encodeURIComponent(id) + path, { method: 'POST', body: JSON.stringify(body || {}) })
      .then(function () { $('reply-status').textContent = path === '/messages' ? 'Sent.' : 'Done.'; if (path === '/messages') $('reply-text').value = ''; return Promise.all([openTicket(id), loadQueue()]); })
      .catch(function (e) { $('reply-status').textContent = e.message; });
  }

  // The live queue: the server says which ticket changed; the console fetches what it shows.
  function refreshSoon(id) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () {
      loadQueue().catch(function () {});
      if (current && (!id || id === current.id)) openTicket(current.id);
    }, 100);
  }

  function listen() {
    if (stream) stream.close();
    stream = new EventSource('/api/staff/events');
    stream.addEventListener('open', function () { $('live').textContent = 'live'; $('live').className = 'live on'; refreshSoon(); });
    stream.addEventListener('error', function () { $('live').textContent = 'reconnecting…'; $('live').className = 'live'; });
    stream.addEventListener('ticket', function (e) {
      var signal = JSON.parse(e.data);
      refreshSoon(signal.id);
    });
  }

  function showApp(me) {
    csrf = me.csrfToken || '';
    $('signin').hidden = true; $('app').hidden = false; $('who').hidden = false;
    $('who-name').textContent = 'Signed in as ' + me.name;
    listen();
    loadQueue().then(loadUnanswered).catch(function () {});
    // A link from Teams (#ticket=…) survives the trip through the identity provider in this tab's storage.
    var wanted = /^#ticket=(.+)$/.exec(location.hash);
    var id = wanted ? decodeURIComponent(wanted[1]) : sessionStorage.getItem('openAfterSignIn');
    sessionStorage.removeItem('openAfterSignIn');
    if (id) openTicket(id);
  }

  function showSignIn(message) {
    if (stream) { stream.close(); stream = null; }
    $('app').hidden = true; $('who').hidden = true; $('signin').hidden = false;
    $('login-error').textContent = message || '';
    var wanted = /^#ticket=(.+)$/.exec(location.hash);
    if (wanted) sessionStorage.setItem('openAfterSignIn', decodeURIComponent(wanted[1]));
    document.title = TITLE;
    fetch('/staff/auth/methods').then(function (r) {
      if (!r.ok) { $('login-error').textContent = 'Staff access is not configured on this bot.'; return; }
      return r.json().then(function (m) { $('signin-oidc').hidden = !m.oidc; $('login').hidden = !m.token; });
    });
  }

  function start() {
    fetch('/api/staff/session', { credentials: 'same-origin' }).then(function (r) {
      if (r.ok) return r.json().then(showApp);
      showSignIn('');
    });
  }

  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    fetch('/staff/auth/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: $('token').value }) }).then(function (r) {
      $('token').value = '';
      if (r.ok) start(); else $('login-error').textContent = 'The token was not accepted.';
    });
  });
  $('logout').addEventListener('click', function () {
    api('/session', { method: 'DELETE' }).then(function () { showSignIn('You have signed out.'); }).catch(function () {});
  });
  $('status').addEventListener('change', loadQueue);
  $('reply').addEventListener('submit', function (e) { e.preventDefault(); act('/messages', { text: $('reply-text').value }); });
  $('claim').addEventListener('click', function () { act('/claim'); });
  $('takeover').addEventListener('click', function () { act('/claim', { takeOver: true }); });
  $('close').addEventListener('click', function () { act('/close'); });
  start();
})();
