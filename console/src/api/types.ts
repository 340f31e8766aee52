/** The shapes the screens use, taken from the generated schema (schema.d.ts): the API's own words. */
import type { paths } from './schema';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;
type Query<T> = T extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Session = Ok<paths['/api/v1/auth/session']['get']>;
export type SessionUser = Session['user'];
export type Role = SessionUser['role'];

export type CaseList = Ok<paths['/api/v1/cases']['get']>;
export type CaseRow = CaseList['items'][number];
export type CaseDetail = Ok<paths['/api/v1/cases/{caseNo}']['get']>;
export type TimelineEntry = CaseDetail['timeline'][number];
export type CaseStatus = CaseRow['status'];
export type Zone = Ok<paths['/api/v1/zones']['get']>['items'][number];
export type Category = Ok<paths['/api/v1/categories']['get']>['items'][number];
export type Liaison = Ok<paths['/api/v1/liaisons']['get']>['items'][number];
export type AnswerTemplate = Ok<paths['/api/v1/cases/{caseNo}/answer-templates']['get']>['items'][number];

type ListQuery = Query<paths['/api/v1/cases']['get']>;
export type View = NonNullable<ListQuery['view']>;
export type Sort = NonNullable<ListQuery['sort']>;
export const VIEWS: readonly View[] = ['new_unassigned', 'mine', 'overdue', 'due_24h', 'escalated', 'urgent', 'triage', 'awaiting_visit', 'all'];
export const SORTS: readonly Sort[] = ['created_desc', 'created_asc', 'deadline_asc'];

/** The list's query as the inbox keeps it: the API's parameters, urgent as a boolean. */
export type CaseQuery = Omit<ListQuery, 'urgent' | 'view' | 'sort' | 'limit' | 'offset' | 'cursor' | 'since'> & {
  view: View;
  sort: Sort;
  limit: number;
  offset: number;
  urgent?: boolean;
};
