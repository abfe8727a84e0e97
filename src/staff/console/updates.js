// Staff console: updates to subscribers (write once per language, preview, send, live delivery report).
// Texts are only ever set with textContent, never as HTML.
(function () {
  'use strict';
  var REFRESH_MS = 2000;
  var LANGS = [['en', 'English'], ['fr', 'French'], ['es', 'Spanish']];
  var STATUSES = ['sent', 'queued', 'failed', 'skipped'];
  var view = document.getElementById('updates-view');
  var loaded = false;
  var watching = null;
  var timer = null;
  var $ = function (id) { return document.getElementById(id); };

  // The console's own API helper: the session cookie and its CSRF token.
  function api(path, options) {
    return window.staffConsole.api(path, options);
  }

  var el = window.staffConsole.el;

  function readForm() {
    var texts = {};
    LANGS.forEach(function (l) {
      var title = $('u-' + l[0] + '-title').value, text = $('u-' + l[0] + '-text').value;
      if (l[0] === 'en' || title.trim() || text.trim()) texts[l[0]] = { title: title, text: text };
    });
    var body = { texts: texts };
    if ($('u-send-at').value) body.sendAt = new Date($('u-send-at').value).toISOString();
    return body;
  }

  function bubble(text, buttons) {
    var b = el('div', text, 'bubble');
    (buttons || []).forEach(function (label) { b.appendChild(document.createElement('br')); b.appendChild(el('span', label, 'bubble-button')); });
    return b;
  }

  function showPreview(preview, audience) {
    var list = $('u-preview-list');
    list.replaceChildren();
    var channels = Object.keys(audience.byChannel).sort().map(function (c) { return c + ' ' + audience.byChannel[c]; });
    list.appendChild(el('p', 'Sent now, it would reach ' + audience.total + ' subscribers' + (channels.length ? ' (' + channels.join(', ') + ')' : '') + '.'));
    LANGS.forEach(function (l) {
      var p = preview[l[0]], box = el('section', undefined, 'preview-lang');
      box.appendChild(el('h4', l[1] + (p.fallback ? ' — no text: subscribers get the English one, with a note' : '')));
      box.appendChild(el('p', 'Web chat and Teams'));
      p.webchat.forEach(function (m) { box.appendChild(bubble(m.text, m.buttons)); });
      box.appendChild(el('p', 'WhatsApp, within 24 hours of the person\'s last message'));
      p.whatsapp.forEach(function (m) { box.appendChild(bubble(m.text, m.buttons)); });
      box.appendChild(el('p', 'WhatsApp, after 24 hours'));
      box.appendChild(bubble(p.whatsappTemplate.unavailable || ('Template "' + p.whatsappTemplate.name + '"' + (p.whatsappTemplate.title ? ' with the title "' + p.whatsappTemplate.title + '"' : '') + '; the text follows when the person taps Read or writes back.')));
      box.appendChild(el('p', 'E-mail'));
      box.appendChild(bubble('Subject: ' + p.email.subject + '\n\n' + p.email.text));
      list.appendChild(box);
    });
    $('u-preview-area').hidden = false;
  }

  function preview() {
    $('u-status').textContent = '';
    return api('/updates/preview', { method: 'POST', body: JSON.stringify(readForm()) })
      .then(function (body) { showPreview(body.preview, body.audience); $('u-send').disabled = false; })
      .catch(function (e) { $('u-status').textContent = e.message; });
  }

  function send(e) {
    e.preventDefault();
    $('u-send').disabled = true;
    api('/updates', { method: 'POST', body: JSON.stringify(readForm()) })
      .then(function (body) {
        $('u-status').textContent = body.recipients !== undefined ? 'Sending to ' + body.recipients + ' subscribers.' : 'Scheduled for ' + new Date(body.sendAt).toLocaleString() + '.';
        $('u-preview-area').hidden = true;
        return loadList().then(function () { return openReport(body.id); });
      })
      .catch(function (err) { $('u-status').textContent = err.message; });
  }

  function loadList() {
    return api('/updates').then(function (body) {
      var rows = $('u-list');
      rows.replaceChildren();
      if (!body.updates.length) { var tr = el('tr'); tr.appendChild(el('td', 'No updates yet.')); rows.appendChild(tr); }
      body.updates.forEach(function (u) {
        var tr = el('tr'), td = el('td'), b = el('button', u.titles.en);
        b.type = 'button';
        b.addEventListener('click', function () { openReport(u.id); });
        td.appendChild(b);
        tr.appendChild(td);
        tr.appendChild(el('td', u.state + (u.state === 'scheduled' ? ' (' + new Date(u.sendAt).toLocaleString() + ')' : '')));
        STATUSES.forEach(function (s) { tr.appendChild(el('td', String(u.counts[s]))); });
        rows.appendChild(tr);
      });
    });
  }

  function countsRow(label, counts) {
    var tr = el('tr');
    tr.appendChild(el('th', label));
    STATUSES.forEach(function (s) { tr.appendChild(el('td', String(counts[s]))); });
    return tr;
  }

  function openReport(id) {
    clearTimeout(timer);
    watching = id;
    return api('/updates/' + encodeURIComponent(id)).then(function (u) {
      if (watching !== id) return;
      var r = u.report;
      $('u-report').hidden = false;
      $('u-report-title').textContent = 'Delivery of "' + u.titles.en + '"';
      $('u-report-meta').textContent = [u.state, r.total + ' recipients', r.retrying ? r.retrying + ' waiting to retry' : '', r.whatsappTemplates.sent ? 'WhatsApp templates: ' + r.whatsappTemplates.sent + ' sent, ' + r.whatsappTemplates.read + ' read' : ''].filter(Boolean).join(' · ');
      var rows = $('u-report-rows');
      rows.replaceChildren(countsRow('All', r.counts));
      Object.keys(r.byChannel).sort().forEach(function (c) { rows.appendChild(countsRow('Channel: ' + c, r.byChannel[c])); });
      Object.keys(r.byLanguage).sort().forEach(function (l) { rows.appendChild(countsRow('Language: ' + l, r.byLanguage[l])); });
      var reasons = $('u-report-reasons');
      reasons.replaceChildren();
      r.reasons.forEach(function (x) { reasons.appendChild(el('li', x.count + ' ' + x.status + ': ' + x.reason)); });
      $('u-cancel').hidden = u.state !== 'scheduled';
      if (u.state === 'sending' || u.state === 'scheduled') timer = setTimeout(function () { openReport(id).then(loadList); }, REFRESH_MS);
    }).catch(function (e) { $('u-status').textContent = e.message; });
  }

  function cancel() {
    if (!watching) return;
    api('/updates/' + encodeURIComponent(watching) + '/cancel', { method: 'POST', body: '{}' })
      .then(function () { return loadList().then(function () { return openReport(watching); }); })
      .catch(function (e) { $('u-status').textContent = e.message; });
  }

  function load() {
    if (loaded) { loadList().catch(function () {}); return; }
    loaded = true;
    fetch('/staff/updates.html').then(function (r) { return r.text(); }).then(function (html) {
      // Our own static fragment, served by the bot: no user text in it.
      view.innerHTML = html;
      $('u-form').addEventListener('submit', send);
      $('u-form').addEventListener('input', function () { $('u-send').disabled = true; });
      $('u-preview').addEventListener('click', preview);
      $('u-cancel').addEventListener('click', cancel);
      return loadList();
    }).catch(function () { loaded = false; });
  }

  // Loaded when the Updates view is opened (views.js), as the Knowledge and Usage views are.
  window.addEventListener('staffview', function (e) { if (e.detail === 'updates') load(); });
})();
