/* dossier web: saves each field when it changes, shows and hides
 * conditional fields, edits list rows, uploads attachments. No framework;
 * the server checks everything again (the same code as 'dossier zet'). */
'use strict';
(function () {
  var body = document.body;
  var csrf = body.dataset.csrf;
  var casus = body.dataset.casus;
  var melding = document.getElementById('melding');
  if (!casus) return;
  var base = '/casus/' + encodeURIComponent(casus) + '/';

  function announce(text) {
    melding.textContent = '';
    window.setTimeout(function () { melding.textContent = text; }, 50);
  }

  function post(what, data, type) {
    var opts = {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': type || 'application/json' },
      body: type ? data : JSON.stringify(data)
    };
    if (!type && opts.body.length < 60000) opts.keepalive = true;
    return fetch(base + what, opts).then(function (r) {
      return r.json().then(function (j) { j.status = r.status; return j; },
        function () { return { status: r.status, fout: 'De server gaf geen antwoord (' + r.status + ').' }; });
    }, function () {
      return { status: 0, fout: 'De server is niet bereikbaar. Is dossier web gestopt?' };
    });
  }

  function wrapperOf(el) { return el.closest('.veld[data-pad]'); }

  function valueOf(w) {
    var type = w.dataset.type;
    if (type === 'meerkeuze') {
      return Array.prototype.map.call(w.querySelectorAll('input[type=checkbox]:checked'),
        function (c) { return c.value; }).join(', ');
    }
    if (type === 'janee' || (type === 'keuze' && w.querySelector('input[type=radio]'))) {
      var c = w.querySelector('input[type=radio]:checked');
      return c ? c.value : '';
    }
    var el = w.querySelector('input[type=text], textarea, select');
    return el ? el.value : '';
  }

  function showError(w, text) {
    var slot = document.getElementById('f-' + w.dataset.pad);
    var controls = w.querySelectorAll('input, select, textarea');
    if (slot) { slot.textContent = text || ''; slot.hidden = !text; }
    controls.forEach(function (c) {
      if (text) c.setAttribute('aria-invalid', 'true'); else c.removeAttribute('aria-invalid');
    });
  }

  function applyState(j) {
    if (j.zijbalk !== undefined) {
      var list = document.querySelector('#zijbalk ul.formulieren');
      if (list) {
        var tmp = document.createElement('div');
        tmp.innerHTML = j.zijbalk;
        var fresh = tmp.querySelector('ul.formulieren');
        if (fresh) list.replaceWith(fresh);
      }
    }
    if (j.bevindingen !== undefined) document.getElementById('bevindingen').innerHTML = j.bevindingen;
    if (j.zichtbaar) {
      Object.keys(j.zichtbaar).forEach(function (pad) {
        var w = document.getElementById('v-' + pad);
        if (w) w.hidden = !j.zichtbaar[pad];
      });
    }
  }

  function showValue(w, v) {
    w.dataset.oud = v;
    var type = w.dataset.type;
    var el = w.querySelector('input[type=text], textarea');
    if (el && document.activeElement !== el) el.value = v;
    else if (el && type !== 'tekst') el.value = v;
    if (type === 'bestand') {
      var name = document.getElementById('t-' + w.dataset.pad);
      if (name) name.textContent = v || 'Nog geen bestand.';
      var wis = w.querySelector('button.wis');
      if (wis) wis.hidden = !v;
    }
  }

  var busy = 0;
  function setBusy(d) { busy += d; body.dataset.bezig = String(busy); }
  function save(w, value) {
    var label = (w.querySelector('label, legend') || {}).textContent || 'Veld';
    setBusy(1);
    return post('zet', { pad: w.dataset.pad, waarde: value, oud: w.dataset.oud || '' }).then(function (j) {
      setBusy(-1);
      if (j.status === 200) {
        showError(w, '');
        showValue(w, j.waarde);
        applyState(j);
        announce('Opgeslagen: ' + label.replace(/\s*\(verplicht\)\s*/, ''));
      } else if (j.status === 409) {
        showError(w, j.fout);
        w.dataset.oud = j.waarde;
        var el = w.querySelector('input[type=text], textarea');
        if (el) el.value = j.waarde;
        announce(j.fout);
      } else {
        showError(w, j.fout);
        announce('Niet opgeslagen: ' + j.fout);
      }
      return j;
    });
  }

  document.addEventListener('change', function (ev) {
    var el = ev.target;
    if (el.type === 'file') { upload(wrapperOf(el), el.files[0]); return; }
    var w = wrapperOf(el);
    if (!w || !w.dataset.pad) return;
    setBusy(1);
    save(w, valueOf(w)).then(function (j) { if (j.status === 200 && el.list) fillFrom(el, w); setBusy(-1); });
  });

  /* A name picked from a suggestion list fills the other fields of its row. */
  function fillFrom(el, w) {
    var opt = Array.prototype.find.call(el.list.options, function (o) { return o.value === el.value; });
    if (!opt || !opt.dataset.vul) return;
    var fill = JSON.parse(opt.dataset.vul);
    var row = w.dataset.pad.replace(/\.[^.]+$/, '');
    Object.keys(fill).forEach(function (key) {
      var other = document.getElementById('v-' + row + '.' + key);
      if (!other || valueOf(other) !== '') return;
      var sel = other.querySelector('select');
      var radio = other.querySelector('input[type=radio][value="' + CSS.escape(fill[key]) + '"]');
      var text = other.querySelector('input[type=text]');
      if (sel) sel.value = fill[key];
      else if (radio) radio.checked = true;
      else if (text) text.value = fill[key];
      else return;
      save(other, valueOf(other));
    });
  }

  function upload(w, file) {
    if (!w || !file) return;
    var pad = w.dataset.pad;
    announce('Bestand wordt toegevoegd…');
    fetch(base + 'bijlage?pad=' + encodeURIComponent(pad) + '&naam=' + encodeURIComponent(file.name), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/octet-stream' }, body: file
    }).then(function (r) {
      return r.json().then(function (j) { j.status = r.status; return j; },
        function () { return { status: r.status, fout: 'Het bestand is niet opgeslagen (' + r.status + ').' }; });
    }, function () { return { status: 0, fout: 'De server is niet bereikbaar.' }; }).then(function (j) {
      var input = w.querySelector('input[type=file]');
      if (input) input.value = '';
      if (j.status !== 200) { showError(w, j.fout); announce('Niet opgeslagen: ' + j.fout); return; }
      showError(w, '');
      showValue(w, j.waarde);
      applyState(j);
      var row = pad.replace(/\.[^.]+$/, '');
      var consent = document.getElementById('v-' + row + '.gedeeld');
      if (consent && valueOf(consent) === '') {
        announce('Bestand toegevoegd. Geef nu aan of de ouders toestemming gaven om het te delen.');
        var first = consent.querySelector('input');
        if (first) first.focus();
      } else {
        announce('Bestand toegevoegd: ' + j.waarde);
      }
    });
  }

  document.querySelectorAll('.sleepvak').forEach(function (zone) {
    zone.addEventListener('dragover', function (ev) { ev.preventDefault(); zone.classList.add('erboven'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('erboven'); });
    zone.addEventListener('drop', function (ev) {
      ev.preventDefault();
      zone.classList.remove('erboven');
      if (ev.dataTransfer.files.length) upload(wrapperOf(zone), ev.dataTransfer.files[0]);
    });
  });

  document.addEventListener('click', function (ev) {
    var b = ev.target.closest('button');
    if (!b) return;
    if (b.dataset.wis) {
      save(wrapperOf(b), '');
      return;
    }
    if (!b.dataset.lijst) return;
    var pad = b.dataset.lijst, op = b.dataset.op, index = parseInt(b.dataset.index, 10);
    var count = document.querySelectorAll('button[data-lijst="' + CSS.escape(pad) + '"][data-op="verwijderen"]').length;
    if (op === 'verwijderen' && !window.confirm('Deze regel verwijderen?')) return;
    post('lijst', { pad: pad, op: op, index: index, aantal: count }).then(function (j) {
      if (j.status !== 200) { announce(j.fout); return; }
      var target = op === 'overnemen' ? pad + '[1]' : op === 'toevoegen' ? pad + '[' + (count + 1) + ']' :
        op === 'omhoog' ? pad + '[' + (index - 1) + ']' : op === 'omlaag' ? pad + '[' + (index + 1) + ']' : pad;
      sessionStorage.setItem('dossier-focus', target);
      window.location.reload();
    });
  });

  var again = sessionStorage.getItem('dossier-focus');
  if (again) {
    sessionStorage.removeItem('dossier-focus');
    var row = document.getElementById('v-' + again);
    var first = row && row.querySelector('input, select, textarea, button');
    if (first) { first.focus(); row.scrollIntoView({ block: 'center' }); }
  }

  window.addEventListener('beforeunload', function (ev) {
    if (busy > 0) { ev.preventDefault(); ev.returnValue = ''; }
  });
}());
