/**
 * The second axis of a request, beside its topic (category): what the resident
 * wants. Chinese hotlines record both (e.g. an unemployment-insurance question is
 * about `employment` and is a `consultation`).
 */
import { z } from 'zod';

export const RequestKind = z.enum(['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise']);
export type RequestKind = z.infer<typeof RequestKind>;

export const KIND_LABELS: Record<RequestKind, { zh: string; en: string }> = {
  consultation: { zh: '咨询', en: 'Consultation' },
  help: { zh: '求助', en: 'Request for help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report of wrongdoing' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  praise: { zh: '表扬', en: 'Praise' },
};
