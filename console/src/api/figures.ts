/** The figures screen's calls (考核): the stats by zone, category or liaison, the weekly trend, leaders' visits, the exports' addresses. */
import { api, must } from './client';
import type { paths } from './schema';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;

export type StatsQuery = NonNullable<paths['/api/v1/stats']['get']['parameters']['query']>;
export type StatsAnswer = Ok<paths['/api/v1/stats']['get']>;
export type StatsRow = StatsAnswer['rows'][number];
export type Figures = StatsAnswer['total'];
export type GroupBy = NonNullable<StatsQuery['groupBy']>;
export type WeekFigures = Ok<paths['/api/v1/stats/weekly']['get']>['weeks'][number];
export type LeaderMonth = Ok<paths['/api/v1/visits']['get']>['leaders'][number];

export const stats = (query: StatsQuery): Promise<StatsAnswer> => must(api.GET('/api/v1/stats', { params: { query } }));

export const weeklyFigures = async (query: { from: string; to: string; zone?: string }): Promise<WeekFigures[]> =>
  (await must(api.GET('/api/v1/stats/weekly', { params: { query } }))).weeks;

export const leaderVisits = async (month: string): Promise<LeaderMonth[]> => (await must(api.GET('/api/v1/visits', { params: { query: { month } } }))).leaders;

/** Where the CSV or XLSX of the same query downloads from: a plain link, the session cookie goes with it. */
export function exportUrl(kind: 'csv' | 'xlsx', query: StatsQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  return `/api/v1/stats.${kind}?${params.toString()}`;
}
