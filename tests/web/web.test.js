// tests/web/web.test.js - `dossier web` in a real browser: Debian's chromium,
// headless, driven by playwright-core; accessibility checked by axe-core.
//
//   node web.test.js URL WORKDIR
//
// URL is the address `dossier web` printed (with its key); WORKDIR holds
// map/ (the served folder), src/ (files to upload) and receives dossier.pdf.
// Fills the whole Adviestafel route of tests/data/invullen-adviestafel.verwacht.json
// from an empty case through the pages, with keyboard and mouse, and prints
// one "PASS: name: what" or "FAIL: name: what" line per check (tests/lib.sh).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const NAME = process.env.NAME || 't0691-web-browser';
const [url, work] = process.argv.slice(2);
const root = path.resolve(__dirname, '..', '..');
const expected = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/invullen-adviestafel.verwacht.json'), 'utf8'));
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = process.env.DOSSIER_SCREENSHOTS || '';
const origin = new URL(url).origin;
let failed = 0;

function pass(what) { console.log(`PASS: ${NAME}: ${what}`); }
function fail(what, detail) {
  failed++;
  console.log(`FAIL: ${NAME}: ${what}`);
  if (detail) String(detail).split('\n').slice(0, 25).forEach(l => console.log('    ' + l));
}
function check(ok, what, detail) { if (ok) pass(what); else fail(what, detail); }

async function axeCheck(page, kind) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
  check(r.violations.length === 0, `axe-core: geen overtredingen op ${kind}`,
    r.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')})`).join('\n'));
}

// A screenshot for the README (make docs): the page from its top, or from element id `from`.
async function shot(page, name, from) {
  if (!shots) return;
  await page.evaluate(id => {
    const el = id && document.getElementById(id);
    if (el) el.scrollIntoView({ block: 'start' }); else window.scrollTo(0, 0);
  }, from || null);
  await page.screenshot({ path: path.join(shots, name), fullPage: false });
}

// "2017-03-14" -> "14-03-2017": what a person types
function typed(type, v) {
  if (type === 'datum' && /^\d{4}-\d\d-\d\d$/.test(v)) return v.split('-').reverse().join('-');
  if (type === 'bedrag') return (v / 100).toFixed(2).replace('.', ',');
  return String(v);
}

function byId(page, id) { return page.locator(`[id="${id.replace(/"/g, '\\"')}"]`); }

// Wait for the answer to the save the next action causes.
function saved(page) {
  return page.waitForResponse(r => r.url().endsWith('/zet') && r.request().method() === 'POST');
}

let keyboardRadios = 0, filledByPick = 0;
async function idle(page) {
  await page.waitForFunction(() => (document.body.dataset.bezig || '0') === '0');
}
async function setField(page, p, v) {
  await setFieldOnly(page, p, v);
  await idle(page);
}
async function setFieldOnly(page, p, v) {
  const w = byId(page, 'v-' + p);
  await w.waitFor({ state: 'visible', timeout: 5000 });
  const type = await w.getAttribute('data-type');
  if (type === 'bestand') {
    const src = path.join(work, 'src', path.basename(v));
    const up = page.waitForResponse(r => r.url().includes('/bijlage?'));
    await w.locator('input[type=file]').setInputFiles(src);
    const r = await up;
    if (r.status() !== 200) throw new Error(`${p}: upload ${r.status()} ${await r.text()}`);
    await page.waitForFunction(id => document.getElementById(id).dataset.oud !== '', 'v-' + p);
    return;
  }
  if (type === 'janee' || (type === 'keuze' && await w.locator('input[type=radio]').count())) {
    const value = type === 'janee' ? (v ? 'ja' : 'nee') : v;
    const radio = w.locator(`input[type=radio][value="${value}"]`);
    const s = saved(page);
    if (keyboardRadios++ % 2) {       // every other one by keyboard: focus, Space
      await radio.focus();
      await page.keyboard.press('Space');
    } else {
      await radio.click();           // and by mouse
    }
    const r = await s;
    if (r.status() !== 200) throw new Error(`${p}: ${r.status()} ${await r.text()}`);
    return;
  }
  if (type === 'meerkeuze') {
    for (const key of v) {
      const s = saved(page);
      await w.locator(`input[type=checkbox][value="${key}"]`).click();
      const r = await s;
      if (r.status() !== 200) throw new Error(`${p}: ${r.status()} ${await r.text()}`);
    }
    return;
  }
  if (type === 'keuze') {
    if (await w.locator('select').inputValue() === v) { filledByPick++; return; }
    const s = saved(page);
    await w.locator('select').selectOption(v);
    const r = await s;
    if (r.status() !== 200) throw new Error(`${p}: ${r.status()} ${await r.text()}`);
    return;
  }
  // text: typed with the keyboard, Enter for a new line in a text area, Tab to leave
  const el = w.locator('input[type=text], textarea').first();
  const text0 = typed(type, v);
  if (await el.inputValue() === text0 && await w.getAttribute('data-oud') === text0) { filledByPick++; return; }
  await el.click();
  await page.keyboard.press('Control+A');
  const text = typed(type, v);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.insertText(lines[i]);
  }
  const s = saved(page);
  await page.keyboard.press('Tab');
  const r = await s;
  if (r.status() !== 200) throw new Error(`${p}: ${r.status()} ${await r.text()}`);
}

// Fill a record (object) at path prefix, adding list rows as needed.
async function fillRecord(page, prefix, obj) {
  for (const [key, v] of Object.entries(obj)) {
    const p = prefix + '.' + key;
    if (Array.isArray(v) && v.length && typeof v[0] === 'object') {
      await fillList(page, p, v);
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      await fillRecord(page, p, v);
    } else {
      await setField(page, p, v);
    }
  }
}

async function fillList(page, p, items) {
  for (let i = 0; i < items.length; i++) {
    const row = `${p}[${i + 1}]`;
    if (!(await byId(page, 'v-' + row).count())) {
      const add = page.locator(`button.toevoegen[data-lijst="${p}"]`);
      const nav = page.waitForEvent('load');
      await add.focus();
      await page.keyboard.press('Enter');  // keyboard: the add button
      await nav;
      // the new row's first control has the focus after the reload
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.name);
      if (i === 0 && p.endsWith('ouders')) check(focused === `${row}.naam`, 'na "toevoegen" staat de focus in de nieuwe regel', focused);
    }
    await fillRecord(page, row, items[i]);
  }
}

async function openForm(page, id) {
  const link = page.locator(`#zijbalk a[href$="/${id}"]`);
  await Promise.all([page.waitForEvent('load'), link.click()]);   // mouse: the side bar
}

async function findingTexts(page) {
  return page.locator('#bevindingen li').allTextContents();
}

function deepEqual(a, b) { return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b)); }
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map(k => [k, sortKeys(v[k])]));
  return v;
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--lang=nl'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text()); });
  page.on('dialog', d => d.accept());

  // the key in the address becomes a cookie; the address bar loses the key
  await page.goto(url);
  check(new URL(page.url()).search === '', 'de sleutel verdwijnt uit de adresbalk', page.url());
  const cookies = await context.cookies();
  const c = cookies.find(k => k.name === 'dossier_sessie');
  check(c && c.httpOnly && c.sameSite === 'Strict', 'sessiecookie is HttpOnly en SameSite=Strict', JSON.stringify(cookies));
  await axeCheck(page, 'de startpagina');
  await shot(page, 'web-start.png');

  // a new case from the start page, with the keyboard
  await page.locator('#n-bestand').focus();
  await page.keyboard.insertText('zoe.json');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('DH-2026-TEST');
  await page.locator('#n-regio').selectOption('den-haag');
  await page.locator('#n-route').selectOption('adviestafel');
  await Promise.all([page.waitForURL(/\/casus\/zoe\.json\/casus$/), page.locator('form[action="/nieuw"] button').click()]);
  pass('nieuwe casus aangemaakt vanaf de startpagina');
  await axeCheck(page, 'een formulier (casusgegevens)');
  const before = await findingTexts(page);
  check(before.some(t => /Casusgegevens' ontbreekt/.test(t)), 'de controle noemt eerst de lege casusgegevens', before.join('\n'));

  // casus: first field by keyboard
  await setField(page, 'casus.leerling.voornaam', expected.casus.leerling.voornaam);
  // a wrong date is refused with the terminal's message, announced, and nothing is stored
  {
    const el = byId(page, 'i-casus.leerling.geboortedatum');
    await el.click();
    await page.keyboard.insertText('31-02-2017');
    const s = saved(page);
    await page.keyboard.press('Tab');
    const r = await s;
    await page.waitForFunction(() => !document.getElementById('f-casus.leerling.geboortedatum').hidden);
    const msg = await byId(page, 'f-casus.leerling.geboortedatum').textContent();
    check(r.status() === 422 && /31 februari 2017 bestaat niet/.test(msg), 'een foute datum krijgt de melding van de terminal', `${r.status()} ${msg}`);
    check(await el.getAttribute('aria-invalid') === 'true', 'het foute veld is als ongeldig gemarkeerd (aria-invalid)');
    await page.waitForFunction(() => /Niet opgeslagen/.test(document.getElementById('melding').textContent));
    pass('de fout wordt aangekondigd in een live-gebied');
  }
  // conditional field: shown live when its condition becomes true
  const duo = byId(page, 'v-casus.verzuim.duo_datum');
  check(await duo.isHidden(), 'een voorwaardelijk veld is eerst verborgen');

  const rest = { ...expected.casus };
  delete rest.leerling;
  await fillRecord(page, 'casus.leerling', Object.fromEntries(Object.entries(expected.casus.leerling).filter(([k]) => k !== 'voornaam')));
  await fillRecord(page, 'casus', rest);
  check(await duo.isVisible(), 'het voorwaardelijke veld verschijnt als de voorwaarde waar wordt');
  const after = await findingTexts(page);
  check(!after.some(t => /Casusgegevens' ontbreekt/.test(t)), 'de bevinding verdwijnt zodra de velden zijn ingevuld (zonder herladen)', after.join('\n'));
  await shot(page, 'web-casus.png');

  check((await findingTexts(page)).some(t => /Bijlage ontbreekt: OPP/.test(t)), 'de controle mist eerst het OPP');
  const order = ['voorblad', 'mdo', 'zienswijze', 'smw', 'toestemming', 'bijlagen'];
  for (const id of order) {
    await openForm(page, id);
    if (id === 'mdo') await axeCheck(page, 'een formulier met regels (MDO-verslagen)');
    const v = expected[id];
    if (v === undefined) continue; /* a form the route does not need (zienswijze: only when the parents see it otherwise) */
    if (Array.isArray(v)) await fillList(page, id, v);
    else await fillRecord(page, id, v);
    if (id === 'mdo') {
      await shot(page, 'web-mdo.png', 'v-mdo[1].aanwezigen');
      check(filledByPick > 0, 'een naam uit de kieslijst vult rol en organisatie van de deelnemer', filledByPick);
    }
    if (id === 'toestemming') {
      // a scan of the signed form: uploaded, checked, kept next to the case; then detached again
      await setField(page, 'toestemming[1].scan', 'scan.jpg');
      const stored = await byId(page, 'v-toestemming[1].scan').getAttribute('data-oud');
      check(stored === 'bijlagen/scan.jpg' && fs.existsSync(path.join(work, 'map/bijlagen/scan.jpg')),
        'een scan (JPEG) wordt naast de casus bewaard', stored);
      const mode = fs.statSync(path.join(work, 'map/bijlagen/scan.jpg')).mode & 0o777;
      check(mode === 0o600, 'de bewaarde scan is privé (0600)', mode.toString(8));
      const s = saved(page);
      await byId(page, 'v-toestemming[1].scan').locator('button.wis').click();
      await s;
    }
    if (id === 'bijlagen') {
      const left = await findingTexts(page);
      check(!left.some(t => /Bijlage ontbreekt: OPP/.test(t)), 'de bevinding over het OPP verdwijnt na de upload', left.join('\n'));
      await axeCheck(page, 'de bijlagen (bestanden kiezen)');
      await shot(page, 'web-bijlagen.png', 'v-bijlagen[1]');
    }
  }
  const final = await findingTexts(page);
  const verdict = await page.locator('#bevindingen .oordeel').textContent();
  check(/^Volledig voor de Adviestafel/.test(verdict), 'na het invullen is het dossier volledig', verdict + '\n' + final.join('\n'));
  check(!(await page.locator('#zijbalk .staat-fout').count()), 'de zijbalk toont geen onvolledig formulier meer');

  // the stored case equals the one the terminal test makes from the same answers
  // (dossier.revisie counts the saves, which differ: the browser saved a wrong date's retry, a scan and its removal)
  const got = JSON.parse(fs.readFileSync(path.join(work, 'map/zoe.json'), 'utf8'));
  const want = JSON.parse(JSON.stringify(expected));
  check(got.dossier.revisie > 0, 'het casusbestand heeft een revisie', got.dossier.revisie);
  delete got.dossier.revisie;
  delete want.dossier.revisie;
  check(deepEqual(got, want), 'het casusbestand is gelijk aan dat van de terminaltest (op de revisie na)',
    JSON.stringify(got).slice(0, 1500));

  // Maak PDF: the link opens the PDF in a new tab; its bytes are the dossier
  const link = page.locator('#zijbalk a', { hasText: 'Maak PDF' });
  check(await link.getAttribute('target') === '_blank', '"Maak PDF" opent in een nieuw tabblad');
  const pdf = await page.request.get(origin + (await link.getAttribute('href')));
  check(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf', 'de PDF wordt gemaakt', pdf.status());
  fs.writeFileSync(path.join(work, 'dossier.pdf'), await pdf.body());
  const anon = await page.request.get(origin + '/casus/zoe.json/pdf?soort=anoniem');
  check(anon.status() === 200, 'de geanonimiseerde kopie wordt gemaakt', anon.status());
  fs.writeFileSync(path.join(work, 'anoniem.pdf'), await anon.body());

  // two tabs on one case: different fields are both kept; the same field: the second is told
  {
    const a = await context.newPage(), b = await context.newPage();
    await a.goto(origin + '/casus/twee.json/casus');
    await b.goto(origin + '/casus/twee.json/casus');
    await setField(a, 'casus.leerling.voornaam', 'Anna');
    await setField(b, 'casus.leerling.achternaam', 'Bakker');
    let t = JSON.parse(fs.readFileSync(path.join(work, 'map/twee.json'), 'utf8'));
    check(t.casus.leerling.voornaam === 'Anna' && t.casus.leerling.achternaam === 'Bakker',
      'twee tabbladen, twee velden: beide blijven bewaard', JSON.stringify(t.casus));
    await setField(a, 'casus.leerling.groep', 'groep 5');
    let refused = null;
    try { await setField(b, 'casus.leerling.groep', 'groep 7'); } catch (e) { refused = String(e); }
    const msg = await byId(b, 'f-casus.leerling.groep').textContent();
    t = JSON.parse(fs.readFileSync(path.join(work, 'map/twee.json'), 'utf8'));
    check(refused && /409/.test(refused) && /elders gewijzigd/.test(msg) && t.casus.leerling.groep === 'groep 5',
      'hetzelfde veld in twee tabbladen: het tweede krijgt een melding, niets gaat stil verloren', `${refused} ${msg} ${t.casus.leerling.groep}`);
    check(await byId(b, 'i-casus.leerling.groep').inputValue() === 'groep 5', 'het tweede tabblad toont daarna de nieuwe waarde');
    await a.close();
    await b.close();
  }

  // a page that does not exist, and the end
  await page.goto(origin + '/casus/bestaat-niet.json/casus');
  await axeCheck(page, 'een foutpagina');
  await page.goto(origin + '/');
  await shot(page, 'web-casussen.png');
  await Promise.all([page.waitForEvent('load'), page.locator('.afsluiten button').click()]);
  check(/gestopt/.test(await page.locator('main').textContent()), '"Afsluiten" stopt de server');
  await axeCheck(page, 'de afsluitpagina');
  check(errors.length === 0, 'geen scriptfouten in de browser', errors.join('\n'));
  await browser.close();
}

main().then(() => process.exit(failed ? 1 : 0), e => { fail('de browsertest liep vast', e.stack || e); process.exit(1); });
