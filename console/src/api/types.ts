/** The shapes the screens use, taken from the generated schema (schema.d.ts). */
import type { paths } from './schema';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;

export type Session = Ok<paths['/api/v1/auth/session']['get']>;
export type SessionUser = Session['user'];
export type Role = SessionUser['role'];

export type CaseList = Ok<paths['/api/v1/cases']['get']>;
export type CaseRow = CaseList['items'][number] & { updatedAt?: string; overdue?: boolean };
export type CaseDetail = Ok<paths['/api/v1/cases/{caseNo}']['get']> & {
  updatedAt?: string;
  attachments?: { id: number; filename: string | null; contentType: string | null; size: number | null }[];
  routingSummary?: { zh: string; en: string };
  otherCases?: { caseNo: string; status: string; createdAt: string }[];
};
export type TimelineEntry = CaseDetail['timeline'][number];
export type CaseStatus = CaseRow['status'];
export type Zone = Ok<paths['/api/v1/zones']['get']>['items'][number];
export type Category = Ok<paths['/api/v1/categories']['get']>['items'][number];
export type Liaison = Ok<paths['/api/v1/liaisons']['get']>['items'][number];

export const VIEWS = ['new_unassigned', 'mine', 'overdue', 'due_24h', 'escalated', 'urgent', 'triage', 'awaiting_visit', 'all'] as const;
export type View = (typeof VIEWS)[number];
export const SORTS = ['created_desc', 'created_asc', 'deadline_asc'] as const;
export type Sort = (typeof SORTS)[number];

export interface CaseQuery {
  view: View;
  status?: CaseStatus;
  zone?: string;
  category?: string;
  channel?: string;
  urgent?: boolean;
  tag?: string;
  from?: string;
  to?: string;
  q?: string;
  sort: Sort;
  limit: number;
  offset: number;
}

export interface AnswerTemplate {
  id: number;
  shortcode: string;
  title: string;
  /** With its placeholders filled in for the case: what goes into the composer. */
  rendered: string;
}

export interface BulkOutcome {
  caseNo: string;
  ok: boolean;
  error?: string;
}
