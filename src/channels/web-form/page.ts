// HTML for the 民情信息窗口 (information window): the web form, its confirmation and the case lookup.
// Pure functions returning whole documents: no template engine, no third-party assets (works offline and on
// weak mobile connections). Every interpolated value goes through escapeHtml; data for the scripts goes
// through jsonForScript into a JSON data block, and the scripts build result DOM with textContent only.
// The style and scripts are files of our own (./assets, served under /assets/), never inline, so the
// pages' Content-Security-Policy allows scripts and styles from this origin only.

import { assetHref } from './assets.js';

export type Lang = 'zh' | 'en';
export interface ZoneOption { code: string; name: string; level: 'district' | 'street' | 'community' | 'group'; parentCode: string | null }
export interface FormValues { text?: string; name?: string; phone?: string; email?: string; zoneCode?: string; replyVia?: string }

const zh = {
  title: '民情信息窗口', switchLang: 'English', text: '您要反映的问题', name: '姓名（选填）', phone: '手机号（选填）',
  email: '邮箱（选填）', privacy: '姓名、手机号和邮箱均可不填，仅用于答复您；可以匿名反映。', replyVia: '希望如何收到答复',
  sms: '短信', mail: '邮件', web: '网上查询', zone: '问题所在的社区或小组', zoneUnknown: '不清楚，由区里分派',
  fixedZone: '所属责任区：', liaison: '民情联络员：', photo: '照片（选填）', submit: '提交', sending: '正在提交…',
  busy: '系统繁忙，请稍后再试', failed: '提交失败，请检查后重试', network: '网络连接失败，请稍后再试',
  doneTitle: '已登记，请记下编号', caseNo: '案件编号',
  doneNote: '办理结果将通过您选择的方式告知，也可随时凭编号网上查询。',
  accessCode: '匿名查询码', accessNote: '您是匿名提交的，查询时请使用此查询码。', toLookup: '查询办理进度', another: '再反映一个问题',
  lookupTitle: '查询办理进度', contact: '手机号、邮箱或查询码', lookup: '查询', looking: '正在查询…',
  notFound: '未找到该案件或联系方式不匹配', status: '状态', category: '类别', zoneLabel: '责任区', deadline: '办理时限',
  timeline: '办理记录', noscript: '查询需要启用浏览器的 JavaScript。', back: '返回民情信息窗口',
  events: { received: '已收到', registered: '已登记', message: '收到新的留言' } as Record<string, string>,
};
const en: typeof zh = {
  title: 'Information window', switchLang: '中文', text: 'Your message', name: 'Name (optional)', phone: 'Mobile phone (optional)',
  email: 'Email (optional)', privacy: 'Name, phone and email are optional and only used to reply to you; anonymous messages are welcome.',
  replyVia: 'How should we reply?', sms: 'SMS', mail: 'Email', web: 'Online lookup', zone: 'Community or group concerned',
  zoneUnknown: 'Not sure — let the district route it', fixedZone: 'Responsibility zone: ', liaison: 'Liaison: ', photo: 'Photo (optional)',
  submit: 'Submit', sending: 'Sending…', busy: 'Busy, please retry shortly', failed: 'Could not submit, please check and retry',
  network: 'Network error, please retry shortly', doneTitle: 'Registered — keep this number', caseNo: 'Case number',
  doneNote: 'The answer will reach you on the channel you chose; you can also look it up online with this number.',
  accessCode: 'Lookup code (you submitted anonymously)', accessNote: 'Use this code instead of a phone or email when looking up.',
  toLookup: 'Check progress', another: 'Send another message', lookupTitle: 'Check progress', contact: 'Phone, email or lookup code',
  lookup: 'Look up', looking: 'Looking up…', notFound: 'No case found for that number and contact', status: 'Status',
  category: 'Category', zoneLabel: 'Zone', deadline: 'Deadline', timeline: 'Timeline',
  noscript: 'Lookup needs JavaScript enabled in your browser.', back: 'Back to the information window',
  events: { received: 'Received', registered: 'Registered', message: 'New message received' },
};
const T: Record<Lang, typeof zh> = { zh, en };

// The intake API's messages are English; Chinese pages show these instead (exact message, else by field).
const ZH_ERRORS: Record<string, string> = {
  'text is required': '请填写您要反映的问题。',
  'text is longer than 5000 characters': '问题描述不能超过 5000 字。',
  'not a valid phone number': '手机号格式不正确，请检查。',
  'a phone number is needed for SMS replies': '选择短信答复时，请填写手机号。',
  'not a valid email address': '邮箱格式不正确，请检查。',
  'an email address is needed for email replies': '选择邮件答复时，请填写邮箱。',
  'the file is empty': '照片文件是空的，请重新选择。',
  'only JPEG, PNG, GIF and WebP images are accepted': '照片仅支持 JPEG、PNG、GIF、WebP 格式。',
  'the file is larger than 1 MB': '照片不能超过 1 MB，请换一张或缩小后再试。',
  'request file too large': '照片不能超过 1 MB，请换一张或缩小后再试。',
  'the request body is larger than 1 MB': '提交的内容不能超过 1 MB。',
};
const ZH_FIELD_ERRORS: Record<string, string> = {
  text: '请检查您要反映的问题。', zoneCode: '请重新选择问题所在的社区或小组。', photo: '请检查照片。', name: '请检查姓名。',
  phone: '请检查手机号。', email: '请检查邮箱。', replyVia: '请重新选择答复方式。',
  client: '提交过于频繁，请稍后再试。', idempotencyKey: '这份表单已经提交过。如要再反映一个问题，请核对内容后再提交一次。',
};
/** The form fields an error can be shown next to (they carry data-field). */
const FORM_FIELDS = new Set(['text', 'zoneCode', 'photo', 'name', 'phone', 'email', 'replyVia']);

const own = (o: Record<string, string>, k: string): string | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

// Mirrored by say() in assets/window.js.
function errorText(lang: Lang, field: string, message: string): string {
  if (lang === 'en') return message ? message.charAt(0).toUpperCase() + message.slice(1) : en.failed;
  return own(ZH_ERRORS, message) ?? (/[\u4e00-\u9fff]/.test(message) ? message : undefined) ?? own(ZH_FIELD_ERRORS, field) ?? zh.failed;
}

function escapeHtml(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// JSON inside <script>: neutralise "</script>", "<!--" and the JS line separators.
function jsonForScript(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}


// The switch link points at the page's own GET path (the form's confirmation and error pages are answers to
// the POST, so the address bar is no guide) with the server-known params; the script adds any other query
// params (e.g. a QR-card zone) so switching language never loses context.
function layout(lang: Lang, title: string, body: string, path: string, keep: Record<string, string> = {}, script?: 'window.js' | 'lookup.js'): string {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const href = `${path}?${new URLSearchParams({ ...keep, lang: other }).toString()}`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="${assetHref('window.css')}"></head><body>
<header><div><h1>${escapeHtml(title)}</h1><a id="lang-switch" href="${escapeHtml(href)}" hreflang="${other}">${escapeHtml(T[lang].switchLang)}</a></div></header>
<main>${body}</main>
<script src="${assetHref('lang.js')}"></script>
${script ? `<script src="${assetHref(script)}"></script>` : ''}
</body></html>`;
}

// Tree order (street → its communities → their groups), skipping the district root; orphans are roots.
// Group names repeat in every community (第一居民小组…), so a group's option also names its community:
// a closed picker shows only the chosen option.
function zoneOptions(zones: ZoneOption[], selected: string | undefined, lang: Lang): string {
  const byCode = new Map(zones.map((z) => [z.code, z]));
  const kids = new Map<string | null, ZoneOption[]>();
  for (const z of zones) {
    const parent = z.parentCode !== null && byCode.has(z.parentCode) ? z.parentCode : null;
    kids.set(parent, [...(kids.get(parent) ?? []), z]);
  }
  const label = (z: ZoneOption): string => {
    const parent = z.level === 'group' && z.parentCode !== null ? byCode.get(z.parentCode) : undefined;
    return parent ? (lang === 'zh' ? `${z.name}（${parent.name}）` : `${z.name} (${parent.name})`) : z.name;
  };
  const depth = { district: 0, street: 0, community: 1, group: 2 } as const;
  const seen = new Set<string>();
  const out: string[] = [];
  const walk = (parent: string | null): void => {
    for (const z of kids.get(parent) ?? []) {
      if (seen.has(z.code)) continue; // guards against a cycle in bad data
      seen.add(z.code);
      if (z.level !== 'district') {
        const indent = '\u00a0\u00a0\u00a0\u00a0'.repeat(depth[z.level]) + (depth[z.level] ? '└ ' : '');
        out.push(`<option value="${escapeHtml(z.code)}"${z.code === selected ? ' selected' : ''}>${escapeHtml(indent + label(z))}</option>`);
      }
      walk(z.code);
    }
  };
  walk(null);
  return out.join('\n');
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

export function renderWindowPage(p: FormTarget & { lang: Lang; idempotencyKey: string; values?: FormValues; error?: { field: string; message: string } }): string {
  const t = T[p.lang];
  const v = p.values ?? {};
  // The error sits between its field's label and the field (at the top when it has none), the field focused so a
  // page without script scrolls to it and shows both; the script moves it the same way.
  const errorAt = p.error && FORM_FIELDS.has(p.error.field) && !(p.fixedZone && p.error.field === 'zoneCode') ? p.error.field : null;
  const errorBox = `<p id="form-error" class="err" role="alert"${p.error ? '' : ' hidden'}>${escapeHtml(p.error ? errorText(p.lang, p.error.field, p.error.message) : '')}</p>`;
  const before = (field: string): string => (errorAt === field ? `${errorBox}\n` : '');
  const inv = (field: string): string =>
    ` data-field="${field}"` + (errorAt === field ? ' aria-invalid="true" aria-describedby="form-error" autofocus' : '');
  // Nothing chosen: the server answers by email, else SMS, else online lookup, from what was given.
  const reply = v.replyVia;
  const radio = (value: string, label: string): string =>
    `<label><input type="radio" name="replyVia" value="${value}"${reply === value ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
  const zone = p.fixedZone
    ? `${p.fixedZone.code ? `<input type="hidden" name="zoneCode" value="${escapeHtml(p.fixedZone.code)}">\n` : ''}<p class="hint">${escapeHtml(t.fixedZone)}<strong>${escapeHtml(p.fixedZone.name)}</strong>${
        p.fixedZone.liaison ? `<br>${escapeHtml(t.liaison)}<strong>${escapeHtml(p.fixedZone.liaison)}</strong>` : ''}</p>`
    : `<label for="f-zone">${escapeHtml(t.zone)}</label>
${before('zoneCode')}<select id="f-zone" name="zoneCode"${inv('zoneCode')}><option value="">${escapeHtml(t.zoneUnknown)}</option>
${zoneOptions(p.zones, v.zoneCode, p.lang)}</select>`;
  const body = `${errorAt ? '' : errorBox}
<form id="wf" method="post" action="${escapeHtml(p.action)}" enctype="multipart/form-data">
<input type="hidden" name="lang" value="${p.lang}">
<input type="hidden" name="idempotencyKey" value="${escapeHtml(p.idempotencyKey)}" autocomplete="off">
<label for="f-text">${escapeHtml(t.text)}</label>
${before('text')}<textarea id="f-text" name="text" required maxlength="5000"${inv('text')}>${escapeHtml(v.text)}</textarea>
${zone}
<label for="f-photo">${escapeHtml(t.photo)}</label>
${before('photo')}<input id="f-photo" type="file" name="photo" accept="image/*"${inv('photo')}>
<p class="hint">${escapeHtml(t.privacy)}</p>
<label for="f-name">${escapeHtml(t.name)}</label>
${before('name')}<input id="f-name" type="text" name="name" autocomplete="name" maxlength="100" value="${escapeHtml(v.name)}"${inv('name')}>
<label for="f-phone">${escapeHtml(t.phone)}</label>
${before('phone')}<input id="f-phone" type="tel" name="phone" autocomplete="tel" inputmode="tel" maxlength="30" value="${escapeHtml(v.phone)}"${inv('phone')}>
<label for="f-email">${escapeHtml(t.email)}</label>
${before('email')}<input id="f-email" type="email" name="email" autocomplete="email" maxlength="200" value="${escapeHtml(v.email)}"${inv('email')}>
${before('replyVia')}<fieldset class="radios"${inv('replyVia')}><legend>${escapeHtml(t.replyVia)}</legend>
${radio('sms', t.sms)}${radio('email', t.mail)}${radio('web', t.web)}</fieldset>
<button type="submit">${escapeHtml(t.submit)}</button>
</form>
<p><a href="/window/lookup?lang=${p.lang}">${escapeHtml(t.toLookup)}</a></p>
<script type="application/json" id="wf-i18n">${jsonForScript({ lang: p.lang, submit: t.submit, sending: t.sending, busy: t.busy, failed: t.failed, network: t.network,
    errors: p.lang === 'zh' ? ZH_ERRORS : {}, fieldErrors: p.lang === 'zh' ? ZH_FIELD_ERRORS : {} })}</script>`;
  return layout(p.lang, t.title, body, p.path, {}, 'window.js');
}

export function renderConfirmationPage(p: { lang: Lang; caseNo: string; accessCode?: string }): string {
  const t = T[p.lang];
  const code = p.accessCode
    ? `<div class="card"><div>${escapeHtml(t.accessCode)}</div><div class="big">${escapeHtml(p.accessCode)}</div>
<p class="hint">${escapeHtml(t.accessNote)}</p></div>`
    : '';
  const lookupHref = `/window/lookup?${new URLSearchParams({ lang: p.lang, caseNo: p.caseNo }).toString()}`;
  const body = `<h2>${escapeHtml(t.doneTitle)}</h2>
<div class="card"><div>${escapeHtml(t.caseNo)}</div><div class="big">${escapeHtml(p.caseNo)}</div></div>
${code}<p>${escapeHtml(t.doneNote)}</p>
<p><a href="${escapeHtml(lookupHref)}">${escapeHtml(t.toLookup)}</a></p>
<p><a href="/window?lang=${p.lang}">${escapeHtml(t.another)}</a></p>`;
  const keep: Record<string, string> = { caseNo: p.caseNo, ...(p.accessCode ? { accessCode: p.accessCode } : {}) };
  return layout(p.lang, t.title, body, '/window/done', keep);
}


export function renderLookupPage(p: { lang: Lang }): string {
  const t = T[p.lang];
  const i18n = { lang: p.lang, lookup: t.lookup, looking: t.looking, notFound: t.notFound, busy: t.busy, failed: t.failed,
    network: t.network, caseNo: t.caseNo, status: t.status, category: t.category, zoneLabel: t.zoneLabel, deadline: t.deadline, timeline: t.timeline, events: t.events };
  const body = `<h2>${escapeHtml(t.lookupTitle)}</h2>
<noscript><p class="err">${escapeHtml(t.noscript)}</p></noscript>
<form id="lf" method="get" action="/window/lookup" hidden>
<input type="hidden" name="lang" value="${p.lang}">
<label for="l-case">${escapeHtml(t.caseNo)}</label>
<input id="l-case" type="text" name="caseNo" required maxlength="64" autocomplete="off" autocapitalize="characters">
<label for="l-contact">${escapeHtml(t.contact)}</label>
<input id="l-contact" type="text" name="contact" required maxlength="200" autocomplete="off">
<button type="submit">${escapeHtml(t.lookup)}</button>
</form>
<p id="lookup-error" class="err" role="alert" hidden></p>
<div id="result" aria-live="polite"></div>
<p><a href="/window?lang=${p.lang}">${escapeHtml(t.back)}</a></p>
<script type="application/json" id="lf-i18n">${jsonForScript(i18n)}</script>`;
  return layout(p.lang, t.lookupTitle, body, '/window/lookup', {}, 'lookup.js');
}

/** A short page that explains something and leads on (e.g. to the information window). */
export function renderNoticePage(p: { lang: Lang; path: string; title: string; lines: string[]; link: { href: string; text: string } }): string {
  const body = `<h2>${escapeHtml(p.title)}</h2>
${p.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(p.link.href)}">${escapeHtml(p.link.text)}</a></p>`;
  return layout(p.lang, T[p.lang].title, body, p.path);
}
