// HTML for the 民情信息窗口 (information window): the web form, its confirmation and the case lookup.
// Pure functions returning whole documents: no template engine, no third-party assets (works offline and on
// weak mobile connections). Built with the html template (core/markup), which escapes every value; data for the
// scripts goes through scriptJson into a JSON data block, and the scripts build result DOM with textContent only.
// The style and scripts are files of our own (./assets, served under /assets/), never inline, so the
// pages' Content-Security-Policy allows scripts and styles from this origin only. The pages' words are in
// ./strings, one file per language with the same keys.

import { html, lines, scriptJson, type Markup } from '../../core/markup.js';
import { assetHref } from './assets.js';
import zh from './strings/zh-CN.json' with { type: 'json' };
import enStrings from './strings/en.json' with { type: 'json' };
import zhApiErrors from './strings/api-errors.zh-CN.json' with { type: 'json' };

export type Lang = 'zh' | 'en';
export interface ZoneOption {
  code: string;
  name: string;
  level: 'district' | 'street' | 'community' | 'group';
  parentCode: string | null;
}
export interface FormValues {
  text?: string;
  name?: string;
  phone?: string;
  email?: string;
  zoneCode?: string;
  replyVia?: string;
}

const en: typeof zh = enStrings;
export const T: Record<Lang, typeof zh> = { zh, en };

// The intake API's messages are English; Chinese pages show these instead (exact message, else by field).
const ZH_ERRORS: Record<string, string> = zhApiErrors.messages;
const ZH_FIELD_ERRORS: Record<string, string> = zhApiErrors.fields;
/** The form fields an error can be shown next to (they carry data-field). */
const FORM_FIELDS = new Set(['text', 'zoneCode', 'photo', 'name', 'phone', 'email', 'replyVia']);

const own = (o: Record<string, string>, k: string): string | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

// Mirrored by say() in assets/window.js.
function errorText(lang: Lang, field: string, message: string): string {
  if (lang === 'en') return message ? message.charAt(0).toUpperCase() + message.slice(1) : en.failed;
  return own(ZH_ERRORS, message) ?? (/[\u4e00-\u9fff]/.test(message) ? message : undefined) ?? own(ZH_FIELD_ERRORS, field) ?? zh.failed;
}

// The switch link points at the page's own GET path (the form's confirmation and error pages are answers to
// the POST, so the address bar is no guide) with the server-known params; the script adds any other query
// params (e.g. a QR-card zone) so switching language never loses context.
function layout(lang: Lang, title: string, body: Markup, path: string, keep: Record<string, string> = {}, script?: 'window.js' | 'lookup.js'): string {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const href = `${path}?${new URLSearchParams({ ...keep, lang: other }).toString()}`;
  return html`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,"><title>${title}</title><link rel="stylesheet" href="${assetHref('window.css')}"></head><body>
<header><div><h1>${title}</h1><a id="lang-switch" href="${href}" hreflang="${other}">${T[lang].switchLang}</a></div></header>
<main>${body}</main>
<script src="${assetHref('lang.js')}"></script>
${script && html`<script src="${assetHref(script)}"></script>`}
</body></html>`.toString();
}

/** `template` with each `{name}` replaced by vars[name]. */
function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

// Tree order (street → its communities → their groups), skipping the district root; orphans are roots.
// Group names repeat in every community (第一居民小组…), so a group's option also names its community:
// a closed picker shows only the chosen option.
function zoneOptions(zones: ZoneOption[], selected: string | undefined, lang: Lang): Markup[] {
  const byCode = new Map(zones.map((z) => [z.code, z]));
  const kids = new Map<string | null, ZoneOption[]>();
  for (const z of zones) {
    const parent = z.parentCode !== null && byCode.has(z.parentCode) ? z.parentCode : null;
    kids.set(parent, [...(kids.get(parent) ?? []), z]);
  }
  const label = (z: ZoneOption): string => {
    const parent = z.level === 'group' && z.parentCode !== null ? byCode.get(z.parentCode) : undefined;
    return parent ? fill(T[lang].zoneInParent, { zone: z.name, parent: parent.name }) : z.name;
  };
  const depth = { district: 0, street: 0, community: 1, group: 2 } as const;
  const seen = new Set<string>();
  const out: Markup[] = [];
  const walk = (parent: string | null): void => {
    for (const z of kids.get(parent) ?? []) {
      if (seen.has(z.code)) continue; // guards against a cycle in bad data
      seen.add(z.code);
      if (z.level !== 'district') {
        const indent = '\u00a0\u00a0\u00a0\u00a0'.repeat(depth[z.level]) + (depth[z.level] ? '└ ' : '');
        out.push(html`<option value="${z.code}"${z.code === selected && html` selected`}>${indent + label(z)}</option>`);
      }
      walk(z.code);
    }
  };
  walk(null);
  return out;
}

/** Where the form posts and how it is bound: the information window's zone picker, or a zone fixed by a contact card. */
export interface FormTarget {
  /** The form's own GET path (the language switch's target). */
  path: string;
  /** Where the form posts. */
  action: string;
  zones: ZoneOption[];
  /** A zone the resident does not choose, shown by name (a card's zone, with its liaison). */
  fixedZone?: { code?: string; name: string; liaison?: string };
}

export const WINDOW_TARGET = { path: '/window', action: '/api/v1/intake/web' } as const;

export function renderWindowPage(
  p: FormTarget & { lang: Lang; idempotencyKey: string; values?: FormValues; error?: { field: string; message: string } },
): string {
  const t = T[p.lang];
  const v = p.values ?? {};
  // The error sits between its field's label and the field (at the top when it has none), the field focused so a
  // page without script scrolls to it and shows both; the script moves it the same way.
  const errorAt = p.error && FORM_FIELDS.has(p.error.field) && !(p.fixedZone && p.error.field === 'zoneCode') ? p.error.field : null;
  const errorBox = html`<p id="form-error" class="err" role="alert"${!p.error && html` hidden`}>${p.error ? errorText(p.lang, p.error.field, p.error.message) : ''}</p>`;
  const before = (field: string): Markup | false => errorAt === field && html`${errorBox}\n`;
  const inv = (field: string): Markup => html` data-field="${field}"${errorAt === field && html` aria-invalid="true" aria-describedby="form-error" autofocus`}`;
  // Nothing chosen: the server answers by email, else SMS, else online lookup, from what was given.
  const reply = v.replyVia;
  const radio = (value: string, label: string): Markup =>
    html`<label><input type="radio" name="replyVia" value="${value}"${reply === value && html` checked`}> ${label}</label>`;
  const zone = p.fixedZone
    ? html`${p.fixedZone.code && html`<input type="hidden" name="zoneCode" value="${p.fixedZone.code}">\n`}<p class="hint">${t.fixedZone}<strong>${p.fixedZone.name}</strong>${
        p.fixedZone.liaison && html`<br>${t.liaison}<strong>${p.fixedZone.liaison}</strong>`
      }</p>`
    : html`<label for="f-zone">${t.zone}</label>
${before('zoneCode')}<select id="f-zone" name="zoneCode"${inv('zoneCode')}><option value="">${t.zoneUnknown}</option>
${lines(zoneOptions(p.zones, v.zoneCode, p.lang))}</select>`;
  const body = html`${!errorAt && errorBox}
<form id="wf" method="post" action="${p.action}" enctype="multipart/form-data">
<input type="hidden" name="lang" value="${p.lang}">
<input type="hidden" name="idempotencyKey" value="${p.idempotencyKey}" autocomplete="off">
<label for="f-text">${t.text}</label>
${before('text')}<textarea id="f-text" name="text" required maxlength="5000"${inv('text')}>${v.text}</textarea>
${zone}
<label for="f-photo">${t.photo}</label>
${before('photo')}<input id="f-photo" type="file" name="photo" accept="image/*"${inv('photo')}>
<p class="hint">${t.privacy}</p>
<label for="f-name">${t.name}</label>
${before('name')}<input id="f-name" type="text" name="name" autocomplete="name" maxlength="100" value="${v.name}"${inv('name')}>
<label for="f-phone">${t.phone}</label>
${before('phone')}<input id="f-phone" type="tel" name="phone" autocomplete="tel" inputmode="tel" maxlength="30" value="${v.phone}"${inv('phone')}>
<label for="f-email">${t.email}</label>
${before('email')}<input id="f-email" type="email" name="email" autocomplete="email" maxlength="200" value="${v.email}"${inv('email')}>
${before('replyVia')}<fieldset class="radios"${inv('replyVia')}><legend>${t.replyVia}</legend>
${radio('sms', t.sms)}${radio('email', t.mail)}${radio('web', t.web)}</fieldset>
<button type="submit">${t.submit}</button>
</form>
<p><a href="/window/lookup?lang=${p.lang}">${t.toLookup}</a></p>
<script type="application/json" id="wf-i18n">${scriptJson({
    lang: p.lang,
    submit: t.submit,
    sending: t.sending,
    busy: t.busy,
    failed: t.failed,
    network: t.network,
    errors: p.lang === 'zh' ? ZH_ERRORS : {},
    fieldErrors: p.lang === 'zh' ? ZH_FIELD_ERRORS : {},
  })}</script>`;
  return layout(p.lang, t.title, body, p.path, {}, 'window.js');
}

export function renderConfirmationPage(p: { lang: Lang; caseNo: string; accessCode?: string }): string {
  const t = T[p.lang];
  const code =
    p.accessCode &&
    html`<div class="card"><div>${t.accessCode}</div><div class="big">${p.accessCode}</div>
<p class="hint">${t.accessNote}</p></div>`;
  const lookupHref = `/window/lookup?${new URLSearchParams({ lang: p.lang, caseNo: p.caseNo }).toString()}`;
  const body = html`<h2>${t.doneTitle}</h2>
<div class="card"><div>${t.caseNo}</div><div class="big">${p.caseNo}</div></div>
${code}<p>${t.doneNote}</p>
<p><a href="${lookupHref}">${t.toLookup}</a></p>
<p><a href="/window?lang=${p.lang}">${t.another}</a></p>`;
  const keep: Record<string, string> = { caseNo: p.caseNo, ...(p.accessCode ? { accessCode: p.accessCode } : {}) };
  return layout(p.lang, t.title, body, '/window/done', keep);
}

export function renderLookupPage(p: { lang: Lang }): string {
  const t = T[p.lang];
  const i18n = {
    lang: p.lang,
    lookup: t.lookup,
    looking: t.looking,
    notFound: t.notFound,
    busy: t.busy,
    failed: t.failed,
    network: t.network,
    caseNo: t.caseNo,
    status: t.status,
    category: t.category,
    zoneLabel: t.zoneLabel,
    deadline: t.deadline,
    timeline: t.timeline,
    events: t.events,
  };
  const body = html`<h2>${t.lookupTitle}</h2>
<noscript><p class="err">${t.noscript}</p></noscript>
<form id="lf" method="get" action="/window/lookup" hidden>
<input type="hidden" name="lang" value="${p.lang}">
<label for="l-case">${t.caseNo}</label>
<input id="l-case" type="text" name="caseNo" required maxlength="64" autocomplete="off" autocapitalize="characters">
<label for="l-contact">${t.contact}</label>
<input id="l-contact" type="text" name="contact" required maxlength="200" autocomplete="off">
<button type="submit">${t.lookup}</button>
</form>
<p id="lookup-error" class="err" role="alert" hidden></p>
<div id="result" aria-live="polite"></div>
<p><a href="/window?lang=${p.lang}">${t.back}</a></p>
<script type="application/json" id="lf-i18n">${scriptJson(i18n)}</script>`;
  return layout(p.lang, t.lookupTitle, body, '/window/lookup', {}, 'lookup.js');
}

/** A short page that explains something and leads on (e.g. to the information window). */
export function renderNoticePage(p: { lang: Lang; path: string; title: string; lines: string[]; link: { href: string; text: string } }): string {
  const body = html`<h2>${p.title}</h2>
${lines(p.lines.map((l) => html`<p>${l}</p>`))}
<p><a href="${p.link.href}">${p.link.text}</a></p>`;
  return layout(p.lang, T[p.lang].title, body, p.path);
}
