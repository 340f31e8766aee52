// The lookup page: asks the lookup API and shows the case. Its strings come from the page's #lf-i18n block.
(function () {
  var S = JSON.parse(document.getElementById('lf-i18n').textContent),
    f = document.getElementById('lf'),
    btn = f.querySelector('button[type=submit]'),
    box = document.getElementById('lookup-error'),
    out = document.getElementById('result'),
    busy = false;
  f.hidden = false; // the lookup works only with script: without it the form stays hidden and the notice shows
  var q = new URLSearchParams(location.search);
  if (q.get('caseNo')) f.elements.caseNo.value = q.get('caseNo');
  function el(tag, text) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    return e;
  }
  function when(s) {
    var d = new Date(s);
    return isNaN(d) ? String(s || '') : d.toLocaleString(S.lang === 'zh' ? 'zh-CN' : 'en');
  }
  function label(t) {
    return Object.prototype.hasOwnProperty.call(S.events, t) ? S.events[t] : t;
  }
  function pick(o) {
    return o && typeof o === 'object' ? o[S.lang] || o.zh || '' : o || '';
  }
  function done(msg) {
    box.textContent = msg || '';
    box.hidden = !msg;
    busy = false;
    btn.disabled = false;
    btn.textContent = S.lookup;
  }
  function render(j) {
    out.textContent = '';
    var c = el('div');
    c.className = 'card';
    c.appendChild(el('div', S.caseNo));
    var n = el('div', j.caseNo);
    n.className = 'big';
    c.appendChild(n);
    var dl = el('dl');
    [
      [S.status, pick(j.statusLabel) || j.status],
      [S.category, pick(j.category)],
      [S.zoneLabel, j.zone],
      [S.deadline, j.deadlineAt ? when(j.deadlineAt) : ''],
    ].forEach(function (r) {
      if (!r[1]) return;
      dl.appendChild(el('dt', r[0]));
      dl.appendChild(el('dd', r[1]));
    });
    c.appendChild(dl);
    if (j.timeline && j.timeline.length) {
      c.appendChild(el('h3', S.timeline));
      var ol = el('ol');
      j.timeline.forEach(function (e) {
        var li = el('li');
        li.appendChild(el('time', when(e.at)));
        li.appendChild(el('span', e.type === 'event' ? label(e.text) : e.text));
        ol.appendChild(li);
      });
      c.appendChild(ol);
    }
    out.appendChild(c);
  }
  f.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (busy) return;
    busy = true;
    btn.disabled = true;
    btn.textContent = S.looking;
    out.textContent = '';
    var u =
      '/api/v1/cases/lookup?caseNo=' + encodeURIComponent(f.elements.caseNo.value.trim()) + '&contact=' + encodeURIComponent(f.elements.contact.value.trim());
    fetch(u, { headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 404 || r.status === 400) return done(S.notFound); // 400: not even a well-formed number or contact
        if (r.status === 503 || r.status === 429) return done(S.busy);
        return r.json().then(
          function (j) {
            if (r.ok) {
              done('');
              render(j);
            } else done(j.message || S.failed);
          },
          function () {
            done(S.failed);
          },
        );
      })
      .catch(function () {
        done(S.network);
      });
  });
})();
