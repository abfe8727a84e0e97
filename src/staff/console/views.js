// Console navigation: Helpdesk (the queue), Knowledge and Usage. Each view listens for "staffview".
(function () {
  'use strict';
  var main = document.getElementById('app');
  var nav = document.getElementById('views');
  if (!main || !nav) return;

  function show(view) {
    main.setAttribute('data-view', view);
    nav.querySelectorAll('button[data-view]').forEach(function (b) {
      if (b.getAttribute('data-view') === view) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    window.dispatchEvent(new CustomEvent('staffview', { detail: view }));
  }

  nav.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-view]');
    if (button) show(button.getAttribute('data-view'));
  });
  show('helpdesk');
})();
