// The bot's own web chat page: Bot Framework Web Chat talking to the bot's Direct Line endpoint,
// over a WebSocket when the network lets one through, by polling otherwise.
(function () {
  'use strict';
  var LANGS = { en: 'en-US', fr: 'fr-FR', es: 'es-ES' };
  var TITLES = { en: 'IOM migration-health assistant', fr: 'Assistant santé et migration de l’OIM', es: 'Asistente de salud y migración de la OIM' };
  var WAIT = {
    busy: {
      en: 'Many people are using the chat right now. Trying again in {s} seconds…',
      fr: 'Beaucoup de personnes utilisent le chat en ce moment. Nouvel essai dans {s} secondes…',
      es: 'Mucha gente está usando el chat en este momento. Volvemos a intentarlo en {s} segundos…',
    },
    limited: {
      en: 'Too many chats were started from your connection. Trying again in {s} seconds…',
      fr: 'Trop de conversations ont été ouvertes depuis votre connexion. Nouvel essai dans {s} secondes…',
      es: 'Se abrieron demasiadas conversaciones desde su conexión. Volvemos a intentarlo en {s} segundos…',
    },
    failed: {
      en: 'The chat could not start. Trying again in {s} seconds…',
      fr: 'Le chat n’a pas pu démarrer. Nouvel essai dans {s} secondes…',
      es: 'No se pudo iniciar el chat. Volvemos a intentarlo en {s} segundos…',
    },
  };
  // A socket that has not delivered the welcome by then is taken as blocked (some proxies drop them).
  var PROBE_MS = 5000;
  var MAX_WAIT_SECONDS = 120;
  // Each start() is one generation: answers that come back after a newer start (language switch) are dropped.
  var generation = 0;
  var failures = 0;
  var directLine;
  // The language the page is dressed in now.
  var current;

  function pickLanguage() {
    var asked = new URLSearchParams(location.search).get('lang');
    if (asked && LANGS[asked]) return asked;
    var browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    var base = browser.toLowerCase().split('-')[0];
    return LANGS[base] ? base : 'en';
  }

  function post(path, token, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch('/v3/directline' + path, { method: 'POST', headers: headers, body: JSON.stringify(body || {}) }).then(function (r) {
      if (r.ok) return r.json();
      var error = new Error('HTTP ' + r.status);
      error.status = r.status;
      error.retryAfter = Number(r.headers.get('Retry-After'));
      throw error;
    });
  }

  /** Resolves true once the stream delivers something, false if it closes or stays silent. */
  function probe(streamUrl) {
    return new Promise(function (resolve) {
      if (!streamUrl || typeof WebSocket === 'undefined') return resolve(false);
      var socket;
      var done = function (ok) {
        clearTimeout(timer);
        socket.onmessage = socket.onclose = socket.onerror = null;
        socket.close();
        resolve(ok);
      };
      var timer = setTimeout(function () { done(false); }, PROBE_MS);
      try {
        socket = new WebSocket(streamUrl);
      } catch (e) {
        clearTimeout(timer);
        return resolve(false);
      }
      socket.onmessage = function (m) { if (m.data) done(true); };
      socket.onclose = socket.onerror = function () { done(false); };
    });
  }

  /** Says why the chat is not there yet, and starts again when the server said to (or backs off). */
  function wait(lang, el, error, me) {
    var kind = error.status === 503 ? 'busy' : error.status === 429 ? 'limited' : 'failed';
    var seconds = Math.min(MAX_WAIT_SECONDS, error.retryAfter > 0 ? error.retryAfter : 5 * Math.pow(2, Math.min(failures, 4)));
    failures += 1;
    var note = document.createElement('p');
    note.className = 'notice';
    note.setAttribute('role', 'status');
    note.textContent = WAIT[kind][lang].replace('{s}', String(seconds));
    el.innerHTML = '';
    el.appendChild(note);
    setTimeout(function () { if (me === generation) start(lang); }, seconds * 1000);
  }

  // The page's own words and buttons in a language (the conversation itself is not restarted).
  function dress(lang) {
    current = lang;
    document.documentElement.lang = lang;
    document.getElementById('title').textContent = TITLES[lang];
    document.querySelectorAll('nav button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
  }

  function render(el, lang, session) {
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        locale: LANGS[lang],
        userID: 'dl-' + session.conversationId,
        styleOptions: { hideUploadButton: true, suggestedActionLayout: 'flow', bubbleMaxWidth: 640, accent: '#0033a0' },
      },
      el,
    );
  }

  function start(lang) {
    dress(lang);
    if (directLine) directLine.end();
    directLine = undefined;
    var me = ++generation;
    var el = document.getElementById('webchat');
    var session;
    post('/tokens/generate', null, { locale: LANGS[lang] })
      .then(function (s) {
        session = s;
        return post('/conversations', session.token, { locale: LANGS[lang] });
      })
      .then(function (started) { return probe(started.streamUrl); })
      .then(function (streaming) {
        if (me !== generation) return;
        failures = 0;
        el.innerHTML = '';
        directLine = window.WebChat.createDirectLine({
          token: session.token,
          conversationId: session.conversationId,
          domain: location.origin + '/v3/directline',
          webSocket: streaming,
          pollingInterval: 1000,
        });
        render(el, lang, session);
        // When the person asks the bot for another language in words ("reply in French"), its replies
        // come in that language: the page's buttons and Web Chat's own words follow, in the same conversation.
        directLine.activity$.subscribe(function (activity) {
          if (me !== generation || !activity || activity.from.role !== 'bot' || typeof activity.locale !== 'string') return;
          var followed = activity.locale.slice(0, 2);
          if (!LANGS[followed] || followed === current) return;
          dress(followed);
          history.replaceState(null, '', '?lang=' + followed);
          render(el, followed, session);
        });
        var input = el.querySelector('input, textarea');
        if (input) input.focus();
      })
      .catch(function (error) {
        if (me === generation) wait(lang, el, error, me);
      });
  }

  document.querySelectorAll('nav button').forEach(function (b) {
    b.addEventListener('click', function () {
      var lang = b.getAttribute('data-lang');
      history.replaceState(null, '', '?lang=' + lang);
      start(lang);
    });
  });
  start(pickLanguage());
})();
