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
}

export function renderReceipt(f: ReceiptFacts): string {
  const deadline = formatLocal(f.deadline, f.timeZone);
  if (f.language === 'en') {
    return (
      `Your message has been registered. Case number ${f.caseNo}, category: ${f.categoryEn}, ` +
      `handled by ${f.zoneName}, answer due by ${deadline}. Quote the case number to check progress.`
    );
  }
  return (
    `您反映的问题已登记，编号${f.caseNo}，类别：${f.categoryZh}，` +
    `由${f.zoneName}办理，${deadline}前答复。凭编号可查询进度。`
  );
}
