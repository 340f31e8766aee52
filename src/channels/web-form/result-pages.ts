// The pages after and beside the form: the confirmation (after POST-redirect-GET), the privacy notice, and short
// notices (a retired card, an unknown card). See page.ts for how the pages are built.
import { html, lines } from '../../core/markup.js';
import { fill, layout, officeTime, T, type Lang, type Site } from './layout.js';

/** What the confirmation page repeats of a submission (sent-record.ts keeps it for the resident's browser). */
export interface SentRecord {
  caseNo: string;
  /** Anonymous submissions only. */
  accessCode?: string;
  /** The zone chosen or the card's, by name; absent: the district assigns one. */
  zone?: string;
  replyVia: 'sms' | 'email' | 'web';
  /** Where "send another" leads: /window or the card's own form. */
  back: string;
}

export function renderConfirmationPage(p: {
  lang: Lang;
  site: Site;
  caseNo: string;
  /** Null: the record is gone (another browser, or expired): only the number is known. */
  sent: SentRecord | null;
  /** Once the workers opened the case: where it went and by when it is answered. */
  opened?: { zone: string | null; deadlineAt: Date | null };
}): string {
  const t = T[p.lang];
  const s = p.sent;
  const zone = p.opened?.zone ?? s?.zone ?? t.zonePending;
  const deadline = p.opened?.deadlineAt ? officeTime(p.opened.deadlineAt, p.lang, p.site.timeZone) : t.deadlinePending;
  const receipt = !s ? t.doneNoDetails : s.accessCode ? t.receiptAnon : { sms: t.receiptSms, email: t.receiptEmail, web: t.receiptWeb }[s.replyVia];
  const lookupHref = `/window/lookup?${new URLSearchParams({ lang: p.lang, caseNo: p.caseNo }).toString()}`;
  const back = s?.back ?? '/window';
  const body = html`<h2>${s?.accessCode ? t.doneTitleAnon : t.doneTitle}</h2>
<div class="card"><div>${t.caseNo}</div><div class="big" id="case-no">${p.caseNo}</div>
${s && html`<dl><dt>${t.sentTo}</dt><dd>${zone}</dd><dt>${t.deadline}</dt><dd>${deadline}</dd></dl>`}</div>
${s?.accessCode && html`<div class="card"><div>${t.accessCode}</div><div class="big" id="access-code">${s.accessCode}</div></div>`}
<p class="receipt">${receipt}</p>
<p><a href="${lookupHref}">${t.toLookup}</a></p>
<p><a href="${back}?lang=${p.lang}">${t.another}</a></p>`;
  return layout({ lang: p.lang, site: p.site, title: t.title, body, path: '/window/done', keep: { caseNo: p.caseNo } });
}

export function renderPrivacyPage(p: { lang: Lang; site: Site }): string {
  const t = T[p.lang];
  const vars = { office: p.site.office, district: p.site.district, years: p.site.retentionYears };
  const body = html`<h2>${t.privacyTitle}</h2>
${lines(t.privacyPage.map((line) => html`<p>${fill(line, vars)}</p>`))}
<p><a href="/window?lang=${p.lang}">${t.back}</a></p>`;
  return layout({ lang: p.lang, site: p.site, title: t.privacyTitle, body, path: '/window/privacy' });
}

/** A short page that explains something and leads on (e.g. to the information window). */
export function renderNoticePage(p: { lang: Lang; site: Site; path: string; title: string; lines: string[]; link: { href: string; text: string } }): string {
  const body = html`<h2>${p.title}</h2>
${lines(p.lines.map((l) => html`<p>${l}</p>`))}
<p><a href="${p.link.href}">${p.link.text}</a></p>`;
  return layout({ lang: p.lang, site: p.site, title: T[p.lang].title, body, path: p.path });
}
