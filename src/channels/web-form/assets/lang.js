// Every page: the language switch keeps the page's other query params (e.g. a QR card's zone).
(function () {
  var a = document.getElementById('lang-switch'),
    u = new URL(a.href);
  new URLSearchParams(location.search).forEach(function (v, k) {
    if (k !== 'lang') u.searchParams.set(k, v);
  });
  a.href = u.pathname + u.search;
})();
