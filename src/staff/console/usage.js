// Usage view: daily charts (uPlot, served from node_modules) of conversations by language and by
// channel, and of fallbacks and handoffs, with totals and a table for those who do not read charts.
(function () {
  'use strict';
  var LANGS = [['en', 'English', '#0033a0'], ['fr', 'French', '#d9534f'], ['es', 'Spanish', '#f0ad4e']];
  var CHANNELS = [['webchat', 'Web chat', '#0033a0'], ['teams', 'Teams', '#6264a7'], ['whatsapp', 'WhatsApp', '#25a244'], ['sms', 'SMS', '#8a6d3b'], ['plain', 'Other', '#777']];
  var OUTCOMES = [['fallbacks', 'Fallbacks', '#d9534f'], ['handoffs', 'Handoffs', '#0033a0'], ['emergencies', 'Emergencies', '#000']];
  var TOTALS = [['conversations', 'Conversations'], ['people', 'People'], ['turns', 'Messages'], ['answers', 'Answers'], ['clarifications', '“Did you mean”'], ['fallbacks', 'Fallbacks'], ['handoffs', 'Handoffs'], ['emergencies', 'Emergencies']];
  var CHART_HEIGHT = 220;
  var TEMPLATE =
    '<h2 id="usage-title">Usage</h2>' +
    '<div class="toolbar"><label for="usage-range">Period</label><select id="usage-range">' +
    '<option value="7">last 7 days</option><option value="30" selected>last 30 days</option><option value="90">last 90 days</option><option value="365">last 365 days</option></select>' +
    '<button type="button" id="usage-refresh">Refresh</button><button type="button" id="usage-csv">Download CSV</button></div>' +
    '<p id="usage-status" role="status"></p><ul class="totals" id="usage-totals"></ul>' +
    '<h3 id="chart-lang-title">Conversations per day, by language</h3><div class="chart" id="chart-lang" role="img" aria-labelledby="chart-lang-title"></div>' +
    '<h3 id="chart-channel-title">Conversations per day, by channel</h3><div class="chart" id="chart-channel" role="img" aria-labelledby="chart-channel-title"></div>' +
    '<h3 id="chart-outcomes-title">Fallbacks and handoffs per day</h3><div class="chart" id="chart-outcomes" role="img" aria-labelledby="chart-outcomes-title"></div>' +
    '<details><summary>Per day, as a table</summary><div class="scroll"><table><thead><tr><th>Day</th><th class="num">Conversations</th><th class="num">Answers</th><th class="num">Fallbacks</th><th class="num">Handoffs</th></tr></thead><tbody id="usage-table"></tbody></table></div></details>';
  var section = null;
  var charts = [];
  var $ = function (id) { return document.getElementById(id); };

  var el = window.staffConsole.el;
  var fromDays = window.staffConsole.fromDays;
  function everyDay(from, to) {
    var days = [];
    for (var t = Date.parse(from + 'T00:00:00Z'); t <= Date.parse(to + 'T00:00:00Z'); t += 86400000) days.push(new Date(t).toISOString().slice(0, 10));
    return days;
  }
  /** One series per key: the sum of `field` over the rows of that day whose `by` is the key. */
  function series(days, rows, by, keys, field) {
    return keys.map(function (k) {
      return days.map(function (day) {
        return rows.reduce(function (n, r) { return n + (r.day === day && (by === null || r[by] === k[0]) ? r[field === null ? k[0] : field] : 0); }, 0);
      });
    });
  }

  function chart(target, days, keys, values) {
    var width = Math.max(240, $(target).clientWidth);
    var opts = {
      width: width,
      height: CHART_HEIGHT,
      // Counts: the y axis starts at 0, shows whole numbers, and is not stretched to 100 when all is 0.
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(4, max)]; } } },
      legend: { live: false },
      axes: [{ space: 50 }, { size: 40, space: 30, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000] }],
      series: [{ label: 'Day' }].concat(keys.map(function (k) { return { label: k[1], stroke: k[2], width: 2, points: { show: true, size: 4 } }; })),
    };
    var xs = days.map(function (d) { return Date.parse(d + 'T00:00:00Z') / 1000; });
    $(target).replaceChildren();
    charts.push({ target: target, plot: new window.uPlot(opts, [xs].concat(values), $(target)) });
  }

  function draw(body) {
    var rows = body.days;
    var days = everyDay(body.from, body.to);
    charts.forEach(function (c) { c.plot.destroy(); });
    charts = [];
    var channels = CHANNELS.filter(function (c) { return c[0] === 'webchat' || rows.some(function (r) { return r.channel === c[0]; }); });
    chart('chart-lang', days, LANGS, series(days, rows, 'lang', LANGS, 'conversations'));
    chart('chart-channel', days, channels, series(days, rows, 'channel', channels, 'conversations'));
    chart('chart-outcomes', days, OUTCOMES, series(days, rows, null, OUTCOMES, null));
    var totals = $('usage-totals');
    totals.replaceChildren();
    TOTALS.forEach(function (t) {
      var li = el('li');
      li.appendChild(el('strong', String(rows.reduce(function (n, r) { return n + r[t[0]]; }, 0))));
      li.appendChild(el('span', t[1]));
      totals.appendChild(li);
    });
    var table = $('usage-table');
    table.replaceChildren();
    days.slice().reverse().forEach(function (day) {
      var of = rows.filter(function (r) { return r.day === day; });
      var sum = function (f) { return String(of.reduce(function (n, r) { return n + r[f]; }, 0)); };
      var tr = el('tr');
      tr.appendChild(el('td', day));
      ['conversations', 'answers', 'fallbacks', 'handoffs'].forEach(function (f) { tr.appendChild(el('td', sum(f), 'num')); });
      table.appendChild(tr);
    });
    $('usage-status').textContent = body.from + ' to ' + body.to + ' (UTC days).';
  }

  function build() {
    if (section) return;
    section = el('section', undefined, 'staff-view view-usage');
    section.setAttribute('aria-labelledby', 'usage-title');
    section.innerHTML = TEMPLATE;
    $('app').appendChild(section);
    $('usage-range').addEventListener('change', load);
    $('usage-refresh').addEventListener('click', load);
    $('usage-csv').addEventListener('click', function () {
      window.staffConsole.download('/usage?format=csv&from=' + fromDays(Number($('usage-range').value)), 'usage.csv');
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.plot.setSize({ width: Math.max(240, $(c.target).clientWidth), height: CHART_HEIGHT }); });
    });
  }

  function load() {
    $('usage-status').textContent = 'Loading…';
    return window.staffConsole.api('/usage?from=' + fromDays(Number($('usage-range').value)))
      .then(draw)
      .catch(function (e) { $('usage-status').textContent = e.message; });
  }

  window.addEventListener('staffview', function (e) {
    if (e.detail !== 'usage') return;
    build();
    load();
  });
})();
