// The form page: posts with fetch and shows the API's errors in place, shrinking big photos first.
// Without script the form is a plain multipart post and the server answers with a page.
(function () {
  var S = JSON.parse(document.getElementById('wf-i18n').textContent),
    f = document.getElementById('wf'),
    btn = f.querySelector('button[type=submit]'),
    box = document.getElementById('form-error'),
    sending = false;
  // A fresh double-submit key per page view: browsers bring back the old key (history form restore, back-forward
  // cache), and a reused key would silently answer a new message with the previous case.
  function fresh() {
    var a = new Uint8Array(16);
    crypto.getRandomValues(a);
    f.elements.idempotencyKey.value = Array.prototype.map
      .call(a, function (b) {
        return (b + 256).toString(16).slice(1);
      })
      .join('');
    sending = false;
    btn.disabled = false;
    btn.textContent = S.submit;
  }
  fresh();
  window.addEventListener('pageshow', function (ev) {
    if (ev.persisted) fresh();
  });
  // Mirrors errorText() in page.ts: Chinese pages translate the API's English messages.
  function own(o, k) {
    return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : '';
  }
  function say(m, field) {
    m = String(m || '');
    if (S.lang !== 'zh') return m ? m.charAt(0).toUpperCase() + m.slice(1) : S.failed;
    return own(S.errors, m) || (/[\u4e00-\u9fff]/.test(m) ? m : '') || own(S.fieldErrors, String(field)) || S.failed;
  }
  // A field's description: the error when it has one, and its own note (data-hint) always.
  function describe(e, withError) {
    var ids = [withError ? 'form-error' : '', e.getAttribute('data-hint') || ''].filter(Boolean).join(' ');
    if (ids) e.setAttribute('aria-describedby', ids);
    else e.removeAttribute('aria-describedby');
  }
  function clearError(e) {
    e.removeAttribute('aria-invalid');
    describe(e, false);
  }
  // The message goes right above the field at fault (above the form when there is none), and both come into view.
  function fail(msg, field) {
    var el = null;
    f.querySelectorAll('[data-field]').forEach(function (e) {
      if (field && e.getAttribute('data-field') === field) el = e;
      else clearError(e);
    });
    box.textContent = msg;
    box.hidden = false;
    if (el) {
      el.parentNode.insertBefore(box, el);
      el.setAttribute('aria-invalid', 'true');
      describe(el, true);
      (el.tagName === 'FIELDSET' ? el.querySelector('input') : el).focus({ preventScroll: true });
    } else f.parentNode.insertBefore(box, f);
    (el || box).scrollIntoView({ block: 'center' });
    sending = false;
    btn.disabled = false;
    btn.textContent = S.submit;
  }
  // Phone photos are often several MB; shrink big ones so uploads survive slow mobile links.
  function shrink(file) {
    return new Promise(function (res) {
      if (!file || file.size <= 700 * 1024 || !/^image\//.test(file.type)) return res(file);
      var url = URL.createObjectURL(file),
        img = new Image();
      img.onerror = function () {
        URL.revokeObjectURL(url);
        res(file);
      };
      img.onload = function () {
        var k = Math.min(1, 1600 / Math.max(img.naturalWidth, img.naturalHeight)),
          c = document.createElement('canvas');
        c.width = Math.round(img.naturalWidth * k);
        c.height = Math.round(img.naturalHeight * k);
        c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
        URL.revokeObjectURL(url);
        c.toBlob(
          function (b) {
            res(b && b.size < file.size ? new File([b], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' }) : file);
          },
          'image/jpeg',
          0.8,
        );
      };
      img.src = url;
    });
  }
  f.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (sending) return;
    sending = true;
    btn.disabled = true;
    btn.textContent = S.sending;
    var fd = new FormData(f),
      p = fd.get('photo');
    shrink(p && p.size ? p : null)
      .then(function (photo) {
        if (photo) fd.set('photo', photo, photo.name);
        else fd.delete('photo');
        return fetch(f.action, { method: 'POST', body: fd, headers: { Accept: 'application/json', 'Idempotency-Key': f.elements.idempotencyKey.value } });
      })
      .then(function (r) {
        if (r.status === 503) return fail(S.busy);
        return r.json().then(
          function (j) {
            if (r.ok && j.caseNo) {
              // The lookup code stays out of the address: the page reads it from the record this answer set.
              location.replace('/window/done?caseNo=' + encodeURIComponent(j.caseNo) + '&lang=' + S.lang);
              return;
            } // button stays disabled while leaving
            fail(say(j.message, j.field), j.field);
          },
          function () {
            fail(S.failed);
          },
        );
      })
      .catch(function () {
        fail(S.network);
      });
  });

  // A stale error goes once its field is changed: the resident is fixing it.
  f.addEventListener('input', onEdit);
  f.addEventListener('change', onEdit);
  function onEdit(ev) {
    var e = ev.target.closest('[data-field]');
    if (!e || e.getAttribute('aria-invalid') !== 'true') return;
    clearError(e);
    box.hidden = true;
    box.textContent = '';
  }

  // The reply method, until the resident picks one: SMS with a phone number, else email with an address, else lookup.
  var radios = f.querySelectorAll('input[name=replyVia]'),
    picked = Array.prototype.some.call(radios, function (r) {
      return r.checked;
    });
  function preselect() {
    if (picked) return;
    var want = f.elements.phone.value.trim() ? 'sms' : f.elements.email.value.trim() ? 'email' : 'web';
    radios.forEach(function (r) {
      r.checked = r.value === want;
    });
  }
  radios.forEach(function (r) {
    r.addEventListener('click', function () {
      picked = true;
    });
  });
  f.elements.phone.addEventListener('input', preselect);
  f.elements.email.addEventListener('input', preselect);
  preselect();

  // The zone picker: a filter box over the plain list (which works alone without script). Typing 翠湖 keeps the
  // zones whose own name or a name above them holds it: the community and its groups.
  var sel = document.getElementById('f-zone');
  if (sel) {
    var all = Array.prototype.slice.call(sel.options, 1),
      wrap = document.createElement('div'),
      label = document.createElement('label'),
      box2 = document.createElement('input'),
      count = document.createElement('p');
    label.htmlFor = 'f-zone-filter';
    label.textContent = S.zoneFilter;
    label.className = 'sub';
    box2.type = 'search';
    box2.id = 'f-zone-filter';
    box2.autocomplete = 'off';
    box2.setAttribute('aria-describedby', 'zone-filter-hint zone-count');
    box2.setAttribute('aria-controls', 'f-zone');
    count.id = 'zone-count';
    count.className = 'hint';
    count.setAttribute('aria-live', 'polite');
    wrap.className = 'zone-filter';
    wrap.appendChild(label);
    wrap.appendChild(box2);
    wrap.appendChild(count);
    var hint = document.getElementById('zone-filter-hint');
    hint.hidden = false;
    wrap.insertBefore(hint, box2);
    sel.parentNode.insertBefore(wrap, sel);
    box2.addEventListener('input', function () {
      var q = box2.value.trim(),
        chosen = sel.value,
        n = 0;
      // Rebuilt, not hidden: phones' pickers show hidden options anyway.
      while (sel.options.length > 1) sel.remove(1);
      all.forEach(function (o) {
        if (q && (o.getAttribute('data-path') || '').indexOf(q) < 0 && o.textContent.indexOf(q) < 0) return;
        sel.add(o);
        n++;
      });
      sel.value = all.some(function (o) {
        return o.value === chosen && o.parentNode === sel;
      })
        ? chosen
        : n > 0 && q
          ? sel.options[1].value
          : '';
      count.textContent = q ? S.zoneMatches.replace('{n}', String(n)) : '';
    });
  }
})();
