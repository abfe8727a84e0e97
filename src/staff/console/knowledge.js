// Knowledge view: which answers help least, which entries are never reached or stale, and suggested
// alternates to copy as YAML. Text from the API is only ever set with textContent.
(function () {
  'use strict';
  var REASONS = { 'not-my-question': 'not my question', 'not-clear': 'not clear', 'out-of-date': 'out of date' };
  var COLUMNS = [
    { key: 'question', label: 'Entry' }, { key: 'answered', label: 'Answered', num: true },
    { key: 'helpful', label: '👍', num: true, name: 'Helpful' }, { key: 'unhelpful', label: '👎', num: true, name: 'Not helpful' },
    { key: 'share', label: '👎 %', num: true, name: 'Share of votes that were not helpful' }, { key: 'lastAnswered', label: 'Last answered', wide: true },
  ];
  var TEMPLATE =
    '<h2 id="knowledge-title">Knowledge: how the answers help</h2>' +
    '<div class="toolbar"><label for="knowledge-range">Period</label><select id="knowledge-range">' +
    '<option value="7">last 7 days</option><option value="30" selected>last 30 days</option><option value="90">last 90 days</option><option value="365">last 365 days</option></select>' +
    '<button type="button" id="knowledge-refresh">Refresh</button><button type="button" id="knowledge-csv">Download CSV</button></div>' +
    '<p id="knowledge-status" role="status"></p>' +
    '<h3>Helpfulness, least helpful first</h3><div class="scroll"><table id="knowledge-table"><thead><tr></tr></thead><tbody></tbody></table></div>' +
    '<h3 id="never-title">Never reached in this period</h3><ul id="knowledge-never" aria-labelledby="never-title"></ul>' +
    '<h3 id="stale-title">Stale: to review</h3><ul id="knowledge-stale" aria-labelledby="stale-title"></ul>' +
    '<h3>Suggested alternates</h3><p class="muted">Real questions that people resolved by picking an entry from “did you mean”. Copy them into the entry’s file, under <code>alternates:</code>.</p><div id="knowledge-suggestions"></div>';
  var entries = [];
  var sort = { key: 'worst', descending: true };
  var section = null;
  var $ = function (id) { return document.getElementById(id); };

  var el = window.staffConsole.el;
  var fromDays = window.staffConsole.fromDays;
  function share(e) { var votes = e.helpful + e.unhelpful; return votes ? e.unhelpful / votes : -1; }
  function reasons(e) {
    return Object.keys(REASONS).filter(function (r) { return e.reasons[r]; }).map(function (r) { return REASONS[r] + ' ' + e.reasons[r]; }).join(' · ');
  }
  function compare(a, b) {
    if (sort.key === 'worst') return share(b) - share(a) || b.unhelpful - a.unhelpful || b.answered - a.answered;
    var x = sort.key === 'share' ? share(a) : a[sort.key], y = sort.key === 'share' ? share(b) : b[sort.key];
    var order = typeof x === 'string' || typeof y === 'string' ? String(x || '').localeCompare(String(y || '')) : x - y;
    return sort.descending ? -order : order;
  }

  function build() {
    if (section) return;
    section = el('section', undefined, 'staff-view view-knowledge');
    section.setAttribute('aria-labelledby', 'knowledge-title');
    section.innerHTML = TEMPLATE;
    $('app').appendChild(section);
    var head = section.querySelector('thead tr');
    COLUMNS.forEach(function (c) {
      var th = el('th', undefined, (c.num ? 'num' : '') + (c.wide ? ' wide' : ''));
      var button = el('button', c.label);
      button.type = 'button';
      if (c.name) button.setAttribute('aria-label', c.name);
      button.addEventListener('click', function () {
        sort = { key: c.key, descending: sort.key === c.key ? !sort.descending : c.key !== 'question' };
        drawTable();
      });
      th.setAttribute('data-key', c.key);
      th.appendChild(button);
      head.appendChild(th);
    });
    $('knowledge-range').addEventListener('change', load);
    $('knowledge-refresh').addEventListener('click', load);
    $('knowledge-csv').addEventListener('click', function () {
      window.staffConsole.download('/knowledge/stats?format=csv&from=' + fromDays(Number($('knowledge-range').value)), 'knowledge-stats.csv');
    });
  }

  function drawTable() {
    section.querySelectorAll('th').forEach(function (th) {
      var key = th.getAttribute('data-key');
      if (key === sort.key || (sort.key === 'worst' && key === 'share')) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending'); else th.removeAttribute('aria-sort');
    });
    var rows = $('knowledge-table').querySelector('tbody');
    rows.replaceChildren();
    var used = entries.filter(function (e) { return e.answered || e.helpful || e.unhelpful; }).sort(compare);
    if (!used.length) rows.appendChild(el('tr')).appendChild(el('td', 'No answers in this period.'));
    used.forEach(function (e) {
      var tr = el('tr');
      var name = el('td');
      name.appendChild(el('span', e.question));
      name.appendChild(el('div', e.id, 'muted'));
      if (reasons(e)) name.appendChild(el('div', 'Why 👎: ' + reasons(e), 'muted'));
      tr.appendChild(name);
      [e.answered, e.helpful, e.unhelpful].forEach(function (n) { tr.appendChild(el('td', String(n), 'num')); });
      var s = share(e);
      tr.appendChild(el('td', s < 0 ? '–' : Math.round(s * 100) + ' %', 'num' + (s >= 0.5 ? ' bad' : '')));
      tr.appendChild(el('td', e.lastAnswered || '–', 'wide'));
      rows.appendChild(tr);
    });
  }

  function drawLists() {
    var never = $('knowledge-never'), stale = $('knowledge-stale');
    never.replaceChildren();
    stale.replaceChildren();
    entries.filter(function (e) { return !e.answered; }).forEach(function (e) {
      never.appendChild(el('li', e.question + ' (' + e.id + ') · last answered ' + (e.lastAnswered || 'never')));
    });
    entries.filter(function (e) { return e.stale; }).forEach(function (e) {
      stale.appendChild(el('li', e.question + ' (' + e.id + ') · reviewed ' + e.reviewed + (e.reasons['out-of-date'] ? ' · marked out of date ' + e.reasons['out-of-date'] + '×' : '')));
    });
    if (!never.children.length) never.appendChild(el('li', 'Every entry was answered at least once.'));
    if (!stale.children.length) stale.appendChild(el('li', 'No stale entry.'));
  }

  function drawSuggestions(groups) {
    var box = $('knowledge-suggestions');
    box.replaceChildren();
    if (!groups.length) box.appendChild(el('p', 'No suggestion yet.'));
    groups.forEach(function (g) {
      var card = el('article', undefined, 'suggestion');
      card.appendChild(el('h4', g.question));
      card.appendChild(el('p', g.lang + ' · ' + g.id + ' · asked ' + g.count + '×', 'muted'));
      var list = el('ul');
      g.suggestions.forEach(function (s) { list.appendChild(el('li', s.text + ' (' + s.count + '×, last ' + s.lastSeen + ')')); });
      card.appendChild(list);
      var yaml = el('pre', g.yaml);
      var copy = el('button', 'Copy as YAML');
      var status = el('p', '', 'muted');
      copy.type = 'button';
      status.setAttribute('role', 'status');
      copy.addEventListener('click', function () {
        var done = function () { status.textContent = 'Copied. Paste it under alternates: in ' + g.file.replace(/:\d+$/, '') + '.'; };
        var select = function () {
          var range = document.createRange();
          range.selectNodeContents(yaml);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
        };
        if (navigator.clipboard) navigator.clipboard.writeText(g.yaml).then(done, select); else select();
      });
      card.appendChild(copy);
      card.appendChild(status);
      card.appendChild(yaml);
      box.appendChild(card);
    });
  }

  function load() {
    $('knowledge-status').textContent = 'Loading…';
    var days = Number($('knowledge-range').value);
    return Promise.all([window.staffConsole.api('/knowledge/stats?from=' + fromDays(days)), window.staffConsole.api('/knowledge/suggestions')])
      .then(function (results) {
        entries = results[0].entries;
        drawTable();
        drawLists();
        drawSuggestions(results[1].entries);
        $('knowledge-status').textContent = entries.length + ' entries, ' + results[0].from + ' to ' + results[0].to + '.';
      })
      .catch(function (e) { $('knowledge-status').textContent = e.message; });
  }

  window.addEventListener('staffview', function (e) {
    if (e.detail !== 'knowledge') return;
    build();
    load();
  });
})();
