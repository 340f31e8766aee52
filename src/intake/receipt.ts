/**
 * The receipt a resident gets when a case is opened: case number, category,
 * responsible zone and deadline. Short enough for two SMS segments in Chinese.
 */
import { formatLocal } from '../core/time.js';

export interface ReceiptFacts {
  caseNo: string;
  categoryZh: string;
  categoryEn: string;
  zoneName: string;
  deadline: Date;
  language: 'zh' | 'en';
  timeZone: string;
  /** Emergency numbers for a message about immediate danger (110, 119, 120). */
  call?: string[];
  /** An answer given on the spot (a routing rule's canned answer). */
  answer?: string | null;
}

export function renderReceipt(f: ReceiptFacts): string {
  const deadline = formatLocal(f.deadline, f.timeZone);
  const call = f.call?.length ? f.call.join('/') : null;
  if (f.answer) {
    return f.language === 'en'
      ? `Your message is registered as case ${f.caseNo}. Answer: ${f.answer} Write again if this does not settle it.`
      : `您反映的问题已登记，编号${f.caseNo}。答复：${f.answer}如仍有疑问，请再次留言。`;
  }
  if (f.language === 'en') {
    return (
      (call ? `If you are in danger now, call ${call} at once. ` : '') +
      `Your message has been registered. Case number ${f.caseNo}, category: ${f.categoryEn}, ` +
      `handled by ${f.zoneName}, answer due by ${deadline}. Quote the case number to check progress.`
    );
  }
  // Urgent receipts put the emergency number first and drop the lookup hint to stay within two SMS segments.
  if (call) return `如有危险请立即拨打${call}！您反映的情况已登记，编号${f.caseNo}，已通知${f.zoneName}优先处理。`;
  return (
    `您反映的问题已登记，编号${f.caseNo}，类别：${f.categoryZh}，` +
    `由${f.zoneName}办理，${deadline}前答复。凭编号可查询进度。`
  );
}
