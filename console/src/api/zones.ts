/** The calls of the zones, liaisons, categories and calendar screens, typed by the generated schema (schema.d.ts). */
import { api, must } from './client';
import type { paths } from './schema';

type Body<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;

export type ZoneCreate = Body<'/api/v1/zones', 'post'>;
export type ZoneChange = Body<'/api/v1/zones/{code}', 'patch'>;
export type LiaisonCreate = Body<'/api/v1/liaisons', 'post'>;
export type LiaisonChange = Body<'/api/v1/liaisons/{id}', 'patch'>;
export type CategoryCreate = Body<'/api/v1/categories', 'post'>;
export type CategoryChange = Body<'/api/v1/categories/{code}', 'patch'>;
export type CalendarDay = Body<'/api/v1/calendar/{year}', 'put'>['days'][number];
export type Boundary = NonNullable<ZoneCreate['boundary']>;

export const listZones = async () => (await must(api.GET('/api/v1/zones'))).items;
export const createZone = (body: ZoneCreate) => must(api.POST('/api/v1/zones', { body }));
export const changeZone = (code: string, body: ZoneChange) => must(api.PATCH('/api/v1/zones/{code}', { params: { path: { code } }, body }));

export const listLiaisons = async () => (await must(api.GET('/api/v1/liaisons'))).items;
export const createLiaison = (body: LiaisonCreate) => must(api.POST('/api/v1/liaisons', { body }));
export const changeLiaison = async (id: number, body: LiaisonChange) =>
  void (await must(api.PATCH('/api/v1/liaisons/{id}', { params: { path: { id } }, body })));
export const newBindCode = (id: number) => must(api.POST('/api/v1/liaisons/{id}/bind-code', { params: { path: { id } } }));
export const revokeChat = async (id: number, chatId: number) =>
  void (await must(api.DELETE('/api/v1/liaisons/{id}/chats/{chatId}', { params: { path: { id, chatId } } })));

export const listCategories = async () => (await must(api.GET('/api/v1/categories'))).items;
export const createCategory = (body: CategoryCreate) => must(api.POST('/api/v1/categories', { body }));
export const changeCategory = (code: string, body: CategoryChange) => must(api.PATCH('/api/v1/categories/{code}', { params: { path: { code } }, body }));

export const calendarYear = (year: number) => must(api.GET('/api/v1/calendar/{year}', { params: { path: { year } } }));
export const replaceCalendarYear = (year: number, days: CalendarDay[]) =>
  must(api.PUT('/api/v1/calendar/{year}', { params: { path: { year } }, body: { days } }));
