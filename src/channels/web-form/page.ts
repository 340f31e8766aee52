// HTML for the 民情信息窗口 (information window): the web form (also a contact card's). The confirmation, privacy and
// notice pages are in result-pages.ts, the lookup in lookup-page.ts, the frame in layout.ts.
// Pure functions returning whole documents: no template engine, no third-party assets (works offline and on
// weak mobile connections). Built with the html template (core/markup), which escapes every value; data for the
// scripts goes through scriptJson into a JSON data block, and the scripts build DOM with textContent only.
// The style and scripts are files of our own (./assets, served under /assets/), never inline, so the
// pages' Content-Security-Policy allows scripts and styles from this origin only. The pages' words are in
// ./strings, one file per language with the same keys.

import { html, lines, scriptJson, type Markup } from '../../core/markup.js';
import { emergencyBox, fill, layout, T, type Lang, type Site } from './layout.js';
import zhApiErrors from './strings/api-errors.zh-CN.json' with { type: 'json' };

export { T, siteOf, type Lang, type Site } from './layout.js';
export { renderConfirmationPage, renderNoticePage, renderPrivacyPage, type SentRecord } from './result-pages.js';
export { renderLookupPage } from './lookup-page.js';

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

// The intake API's messages are English; Chinese pages show these instead (exact message, else by field).
const ZH_ERRORS: Record<string, string> = zhApiErrors.messages;
const ZH_FIELD_ERRORS: Record<string, string> = zhApiErrors.fields;
/** The form fields an error can be shown next to (they carry data-field). */
const FORM_FIELDS = new Set(['text', 'zoneCode', 'photo', 'name', 'phone', 'email', 'replyVia']);

const own = (o: Record<string, string>, k: string): string | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

// Mirrored by say() in assets/window.js.
function errorText(lang: Lang, field: string, message: string): string {
  if (lang === 'en') return message ? message.charAt(0).toUpperCase() + message.slice(1) : T.en.failed;
  return own(ZH_ERRORS, message) ?? (/[\u4e00-\u9fff]/.test(message) ? message : undefined) ?? own(ZH_FIELD_ERRORS, field) ?? T.zh.failed;
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
  const names = (z: ZoneOption): string[] => {
    const above = z.parentCode !== null ? byCode.get(z.parentCode) : undefined;
    return above && above.level !== 'district' && above.code !== z.code ? [...names(above), z.name] : [z.name];
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
        // What the script's filter box matches: the zone's own name and those above it (type 翠湖, see its groups).
        const path = names(z).join(' ');
        out.push(html`<option value="${z.code}" data-path="${path}"${z.code === selected && html` selected`}>${indent + label(z)}</option>`);
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
  /** The page's heading (a card's form is titled as the card's). */
  title?: string;
  /** A zone the resident does not choose, shown by name (a card's zone, with its liaison). */
  fixedZone?: { code?: string; name: string; liaison?: string };
}

export const WINDOW_TARGET = { path: '/window', action: '/api/v1/intake/web' } as const;

export function renderWindowPage(
  p: FormTarget & { lang: Lang; site: Site; idempotencyKey: string; values?: FormValues; error?: { field: string; message: string } },
): string {
  const t = T[p.lang];
  const v = p.values ?? {};
  // The error sits between its field's label and the field (at the top when it has none), the field focused so a
  // page without script scrolls to it and shows both; the script moves it the same way.
  const errorAt = p.error && FORM_FIELDS.has(p.error.field) && !(p.fixedZone && p.error.field === 'zoneCode') ? p.error.field : null;
  const errorBox = html`<p id="form-error" class="err" role="alert"${!p.error && html` hidden`}>${p.error ? errorText(p.lang, p.error.field, p.error.message) : ''}</p>`;
  const before = (field: string): Markup | false => errorAt === field && html`${errorBox}\n`;
  // data-hint: the note a field is always described by; the script keeps it when it adds or clears the error.
  const inv = (field: string, hint?: string): Markup => {
    const described = [errorAt === field ? 'form-error' : '', hint ?? ''].filter(Boolean).join(' ');
    return html` data-field="${field}"${hint && html` data-hint="${hint}"`}${errorAt === field && html` aria-invalid="true" autofocus`}${
      described && html` aria-describedby="${described}"`
    }`;
  };
  // The resident's choice, kept on an error page; with none the server answers by email, else SMS, else lookup
  // (the reply-none note says so), and the script preselects from what is typed.
  const reply = v.replyVia;
  const radio = (value: string, label: string): Markup =>
    html`<label><input type="radio" name="replyVia" value="${value}"${reply === value && html` checked`}> ${label}</label>`;
  const zone = p.fixedZone
    ? html`${p.fixedZone.code && html`<input type="hidden" name="zoneCode" value="${p.fixedZone.code}">\n`}<p class="card fixed-zone">${t.fixedZone}<strong>${p.fixedZone.name}</strong>${
        p.fixedZone.liaison && html`<br>${t.liaison}<strong>${p.fixedZone.liaison}</strong>`
      }</p>`
    : html`<label for="f-zone">${t.zone}</label>
<p id="zone-filter-hint" class="hint" hidden>${t.zoneFilterHint}</p>
${before('zoneCode')}<select id="f-zone" name="zoneCode"${inv('zoneCode')}><option value="">${t.zoneUnknown}</option>
${lines(zoneOptions(p.zones, v.zoneCode, p.lang))}</select>`;
  const body = html`${emergencyBox(p.lang)}
<section class="steps" aria-labelledby="steps-title"><h2 id="steps-title">${t.stepsTitle}</h2>
<ol>${lines(t.steps.map((step) => html`<li>${step}</li>`))}</ol></section>
${!errorAt && errorBox}
<form id="wf" method="post" action="${p.action}" enctype="multipart/form-data">
<input type="hidden" name="lang" value="${p.lang}">
<input type="hidden" name="idempotencyKey" value="${p.idempotencyKey}" autocomplete="off">
${p.fixedZone && zone}
<label for="f-text">${t.text}</label>
${before('text')}<textarea id="f-text" name="text" required maxlength="5000"${inv('text')}>${v.text}</textarea>
${!p.fixedZone && zone}
<label for="f-photo">${t.photo}</label>
${before('photo')}<input id="f-photo" type="file" name="photo" accept="image/*"${inv('photo', p.error ? 'photo-again' : undefined)}>
${p.error && html`<p id="photo-again" class="hint">${t.photoAgain}</p>`}
<p id="optional-note" class="hint">${t.privacy}</p>
<label for="f-name">${t.name}</label>
${before('name')}<input id="f-name" type="text" name="name" autocomplete="name" maxlength="100" value="${v.name}"${inv('name', 'optional-note')}>
<label for="f-phone">${t.phone}</label>
${before('phone')}<input id="f-phone" type="tel" name="phone" autocomplete="tel" inputmode="tel" maxlength="30" value="${v.phone}"${inv('phone', 'optional-note')}>
<label for="f-email">${t.email}</label>
${before('email')}<input id="f-email" type="email" name="email" autocomplete="email" maxlength="200" value="${v.email}"${inv('email', 'optional-note')}>
${before('replyVia')}<fieldset class="radios"${inv('replyVia', 'reply-none')}><legend>${t.replyVia}</legend>
${radio('sms', t.sms)}${radio('email', t.mail)}${radio('web', t.web)}
<p id="reply-none" class="hint">${t.replyNone}</p></fieldset>
<p id="privacy-short" class="hint privacy">${fill(t.privacyShort, { years: p.site.retentionYears })} <a href="/window/privacy?lang=${p.lang}">${t.privacyMore}</a></p>
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
    zoneFilter: t.zoneFilter,
    zoneMatches: t.zoneMatches,
    errors: p.lang === 'zh' ? ZH_ERRORS : {},
    fieldErrors: p.lang === 'zh' ? ZH_FIELD_ERRORS : {},
  })}</script>`;
  return layout({ lang: p.lang, site: p.site, title: p.title ?? t.title, body, path: p.path, script: 'window.js' });
}
