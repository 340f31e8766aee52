// The residents' pages' frame: whose service it is (the district, the office running it), the language switch,
// and a footer with the privacy notice and the emergency numbers. Used by every page of the information window
// and the contact card's form. Built with the html template (core/markup), which escapes every value.
import { html, type Markup } from '../../core/markup.js';
import { assetHref } from './assets.js';
import zh from './strings/zh-CN.json' with { type: 'json' };
import enStrings from './strings/en.json' with { type: 'json' };

export type Lang = 'zh' | 'en';
const en: typeof zh = enStrings;
export const T: Record<Lang, typeof zh> = { zh, en };

/** Whose service the pages are, in the page's language (config SERVICE_*). */
export interface Site {
  district: string;
  office: string;
  retentionYears: number;
  /** Office time zone: times are shown in it, whatever the phone's own zone. */
  timeZone: string;
}

export interface SiteConfig {
  SERVICE_DISTRICT: string;
  SERVICE_DISTRICT_EN: string;
  SERVICE_OFFICE: string;
  SERVICE_OFFICE_EN: string;
  RECORD_RETENTION_YEARS: number;
  OFFICE_TIME_ZONE: string;
}

export function siteOf(config: SiteConfig, lang: Lang): Site {
  return {
    district: lang === 'zh' ? config.SERVICE_DISTRICT : config.SERVICE_DISTRICT_EN,
    office: lang === 'zh' ? config.SERVICE_OFFICE : config.SERVICE_OFFICE_EN,
    retentionYears: config.RECORD_RETENTION_YEARS,
    timeZone: config.OFFICE_TIME_ZONE,
  };
}

/** `template` with each `{name}` replaced by vars[name]. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
}

/** A time as the office reads it: date and minutes in the office's time zone. */
export function officeTime(at: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: lang === 'zh' ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}

export interface PageFrame {
  lang: Lang;
  site: Site;
  title: string;
  body: Markup;
  /** The page's own GET path: the language switch's target. */
  path: string;
  /** Query params the language switch keeps (the script adds any others, e.g. a card's). */
  keep?: Record<string, string>;
  script?: 'window.js';
}

// The switch link points at the page's own GET path (the form's error pages are answers to the POST, so the
// address bar is no guide) with the server-known params; the script adds any other query params.
export function layout(p: PageFrame): string {
  const t = T[p.lang];
  const other: Lang = p.lang === 'zh' ? 'en' : 'zh';
  const href = `${p.path}?${new URLSearchParams({ ...p.keep, lang: other }).toString()}`;
  return html`<!doctype html>
<html lang="${p.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,"><title>${p.title} · ${p.site.district}</title><link rel="stylesheet" href="${assetHref('window.css')}"></head><body>
<header><div><p class="service">${fill(t.serviceOf, { district: p.site.district })}</p><h1>${p.title}</h1></div>
<a id="lang-switch" href="${href}" hreflang="${other}" lang="${other === 'zh' ? 'zh-CN' : 'en'}">${t.switchLang}</a></header>
<main>${p.body}</main>
<footer><p>${fill(t.issuedBy, { office: p.site.office })}</p>
<p><a href="/window/privacy?lang=${p.lang}">${t.privacyLink}</a> · <a href="/window/lookup?lang=${p.lang}">${t.toLookup}</a></p>
<p>${t.emergency} <a href="tel:110">110</a> · <a href="tel:119">119</a> · <a href="tel:120">120</a></p></footer>
<script src="${assetHref('lang.js')}"></script>
${p.script && html`<script src="${assetHref(p.script)}"></script>`}
</body></html>`.toString();
}

/** The emergency numbers, prominent at the top of the forms: this window is not for emergencies. */
export function emergencyBox(lang: Lang): Markup {
  const t = T[lang];
  return html`<aside class="emergency" aria-labelledby="em-title"><h2 id="em-title">${t.emergencyTitle}</h2>
<p>${t.emergency}</p><p class="numbers"><a href="tel:110">${t.police}</a><a href="tel:119">${t.fire}</a><a href="tel:120">${t.ambulance}</a></p></aside>`;
}
