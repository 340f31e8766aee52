// The lookup (查询办理进度): a plain form posted to the server and the case shown by the server, so it works on
// any phone without script. The timeline is in plain words in the page's language: events a resident has no use
// for (sends, reminders, tags) are left out, never shown as raw codes. Times are the office's.
import { html, lines, type Markup } from '../../core/markup.js';
import { layout, officeTime, T, type Lang, type Site } from './layout.js';

export interface LookupView {
  caseNo: string;
  statusLabel: { zh: string; en: string };
  category: { zh: string; en: string } | null;
  zone: string | null;
  deadlineAt: Date | null;
  /** What the resident wrote first. */
  text: string | null;
  timeline: { at: Date; type: 'event' | 'reply'; text: string; toStatus?: string | null }[];
}

const own = <V>(o: Record<string, V>, k: string): V | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

/** An event in the resident's words, or null for one that is not theirs to read. */
export function eventWords(lang: Lang, type: string, toStatus?: string | null): string | null {
  const t = T[lang];
  if (type === 'status_changed') return toStatus ? (own(t.statusEvents, toStatus) ?? null) : null;
  return own(t.events, type) ?? null;
}

function timelineItems(lang: Lang, site: Site, view: LookupView): Markup[] {
  const t = T[lang];
  return view.timeline.flatMap((e) => {
    const when = html`<time datetime="${e.at.toISOString()}">${officeTime(e.at, lang, site.timeZone)}</time>`;
    if (e.type === 'reply') return [html`<li class="reply">${when}<strong>${t.replyFromUs}</strong><p class="text">${e.text}</p></li>`];
    const words = eventWords(lang, e.text, e.toStatus);
    return words ? [html`<li>${when}<span>${words}</span></li>`] : [];
  });
}

function resultCard(lang: Lang, site: Site, view: LookupView): Markup {
  const t = T[lang];
  const rows: [string, string | null][] = [
    [t.status, view.statusLabel[lang]],
    [t.category, view.category?.[lang] ?? null],
    [t.zoneLabel, view.zone],
    [t.deadline, view.deadlineAt ? officeTime(view.deadlineAt, lang, site.timeZone) : null],
  ];
  const items = timelineItems(lang, site, view);
  return html`<section class="card" id="result" aria-labelledby="result-title">
<div id="result-title">${t.caseNo}</div><div class="big">${view.caseNo}</div>
<dl>${lines(rows.filter((r): r is [string, string] => r[1] !== null).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`))}</dl>
${view.text !== null && html`<h3>${t.yourMessage}</h3><p class="text own">${view.text}</p>`}
${items.length > 0 && html`<h3>${t.timeline}</h3><ol class="timeline">${lines(items)}</ol>`}
<p class="hint">${site.timeZone === 'Asia/Shanghai' ? t.timesIn : site.timeZone}</p>
</section>`;
}

export function renderLookupPage(p: {
  lang: Lang;
  site: Site;
  /** Prefilled: the confirmation page's link, or what was posted. */
  caseNo?: string;
  error?: { field: 'caseNo' | 'contact' | 'form'; message: string };
  result?: LookupView;
}): string {
  const t = T[p.lang];
  const err = (field: string): Markup | false => p.error?.field === field && html`<p id="lookup-error" class="err" role="alert">${p.error.message}</p>\n`;
  const inv = (field: string, hint?: string): Markup => {
    const described = [p.error?.field === field ? 'lookup-error' : '', hint ?? ''].filter(Boolean).join(' ');
    return html`${p.error?.field === field && html` aria-invalid="true" autofocus`}${described && html` aria-describedby="${described}"`}`;
  };
  const body = html`<h2>${t.lookupTitle}</h2>
${p.result && resultCard(p.lang, p.site, p.result)}
${err('form')}<form id="lf" method="post" action="/window/lookup">
<input type="hidden" name="lang" value="${p.lang}">
<p id="lookup-hint" class="hint">${t.lookupHint}</p>
<label for="l-case">${t.caseNo}</label>
${err('caseNo')}<input id="l-case" type="text" name="caseNo" required maxlength="16" inputmode="numeric" pattern="[0-9]*" autocomplete="off" value="${p.caseNo}"${inv('caseNo', 'lookup-hint')}>
<label for="l-contact">${t.contact}</label>
${err('contact')}<input id="l-contact" type="text" name="contact" required maxlength="200" autocomplete="off"${inv('contact')}>
<button type="submit">${t.lookup}</button>
</form>
<p><a href="/window?lang=${p.lang}">${t.back}</a></p>`;
  return layout({ lang: p.lang, site: p.site, title: t.lookupTitle, body, path: '/window/lookup', keep: p.caseNo ? { caseNo: p.caseNo } : {} });
}
