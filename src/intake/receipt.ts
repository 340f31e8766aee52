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
  /** An answer from the knowledge base, in the resident's language: the case waits for their 1 or 2. */
  knowledgeAnswer?: string | null;
}

/** What a resident answered from the knowledge base is asked (src/knowledge/confirmation.ts reads the reply). */
export const KNOWLEDGE_PROMPT = { zh: '回复1表示已解答；回复2转人工办理。', en: 'Reply 1 if this answered you, 2 to talk to a person.' } as const;

export function renderReceipt(f: ReceiptFacts): string {
  const deadline = formatLocal(f.deadline, f.timeZone);
  const call = f.call?.length ? f.call.join('/') : null;
  if (f.knowledgeAnswer) {
    return f.language === 'en'
      ? `Your question is registered as case ${f.caseNo}. Answer: ${f.knowledgeAnswer}\n${KNOWLEDGE_PROMPT.en}`
      : `您的咨询已登记，编号${f.caseNo}。答复：${f.knowledgeAnswer}\n${KNOWLEDGE_PROMPT.zh}`;
  }
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
  return `您反映的问题已登记，编号${f.caseNo}，类别：${f.categoryZh}，` + `由${f.zoneName}办理，${deadline}前答复。凭编号可查询进度。`;
}
