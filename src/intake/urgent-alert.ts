/**
 * The text message liaisons get when a case about immediate danger opens:
 * sent at once to the zone's liaison and to every liaison above it (community,
 * street, district), so no one waits for the deadline watch. The resident's
 * number is masked, and so are numbers and addresses in the text; the full
 * case is in the admin API.
 */
import { maskedSender } from '../core/contact-address.js';
import { cutText } from '../core/clean-text.js';
import { maskText } from '../core/mask.js';
import type { Identity } from '../core/message.js';

const EXCERPT_CHARS = 40;

export interface AlertFacts {
  text: string;
  categoryZh: string;
  zoneName: string;
  sender: Identity[];
}

export function renderUrgentAlert(f: AlertFacts): string {
  const flat = maskText(f.text).replace(/\s+/g, ' ').trim();
  const cut = cutText(flat, EXCERPT_CHARS);
  const excerpt = cut === flat ? flat : `${cut}…`;
  const from = maskedSender(f.sender);
  // {caseNo} is filled in by the statement that numbers the case.
  return `【紧急民情】案件{caseNo}：${excerpt}（${f.categoryZh}，${f.zoneName}，来信人${from}）请立即处置。`;
}
