/** The five-step workflow's states, and how they are said to residents. */
import { z } from 'zod';

export const CaseStatus = z.enum(['registered', 'accepted', 'in_progress', 'answered', 'closed', 'reopened']);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  registered: { zh: '已登记', en: 'Registered' },
  accepted: { zh: '已受理', en: 'Accepted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  answered: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已办结', en: 'Closed' },
  reopened: { zh: '重新办理', en: 'Reopened' },
};
