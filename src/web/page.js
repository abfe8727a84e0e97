// The bot's own web chat page: Bot Framework Web Chat talking to the bot's Direct Line endpoint.
(function () {
  'use strict';
  var LANGS = { en: 'en-US', fr: 'fr-FR', es: 'es-ES' };
  var TITLES = { en: 'IOM migration-health assistant', fr: 'Assistant santé et migration de l’OIM', es: 'Asistente de salud y migración de la OIM' };

  function pickLanguage() {
    var asked = new URLSearchParams(location.search).get('lang');
    if (asked && LANGS[asked]) return asked;
    var browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    var base = browser.toLowerCase().split('-')[0];
    return LANGS[base] ? base : 'en';
  }

  function start(lang) {
    document.documentElement.lang = lang;
    document.getElementById('title').textContent = TITLES[lang];
    document.querySelectorAll('nav button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
    var el = document.getElementById('webchat');
    el.innerHTML = '';
    fetch('/v3/directline/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: LANGS[lang] }),
    })
      .then(function (r) { return r.json(); })
      .then(function (session) {
        var directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: location.origin + '/v3/directline',
          webSocket: false,
          pollingInterval: 500,
        });
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            locale: LANGS[lang],
            userID: 'dl-' + session.conversationId,
            styleOptions: { hideUploadButton: true, suggestedActionLayout: 'flow', bubbleMaxWidth: 640, accent: '#0033a0' },
          },
          el,
        );
        var input = el.querySelector('input, textarea');
        if (input) input.focus();
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
