/** The calls of the operations, contact card and audit log screens, typed by the generated schema (schema.d.ts). */
import { api, must } from './client';
import type { paths } from './schema';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;
type Created<T> = T extends { responses: { 201: { content: { 'application/json': infer B } } } } ? B : never;

export type QueueCounts = Ok<paths['/api/v1/operations/queues']['get']>;
export type OpsSettings = Ok<paths['/api/v1/operations/settings']['get']>;
export type FailedSend = Ok<paths['/api/v1/outbox/failed']['get']>['items'][number];
export type FailedMessage = Ok<paths['/api/v1/intake/failed']['get']>['items'][number];
export type WechatLogin = Ok<paths['/api/v1/wechat/login']['get']>;
export type RouterModels = Ok<paths['/api/v1/router/models']['get']>;
export type RouterModel = RouterModels['items'][number];
export type Retrain = NonNullable<RouterModels['retrain']>;
export type Card = Ok<paths['/api/v1/zones/{code}/cards']['get']>['items'][number];
export type AuditPage = Ok<paths['/api/v1/audit']['get']>;
export type AuditRow = AuditPage['items'][number];
export type AuditFilter = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;
export type AuditActor = Ok<paths['/api/v1/audit/actors']['get']>['items'][number];

export const queueCounts = () => must(api.GET('/api/v1/operations/queues'));
export const opsSettings = () => must(api.GET('/api/v1/operations/settings'));

export const failedSends = async () => (await must(api.GET('/api/v1/outbox/failed', { params: { query: { limit: 50 } } }))).items;
export const retrySend = (id: number) => must(api.POST('/api/v1/outbox/{id}/retry', { params: { path: { id } } }));
export const cancelSend = (id: number) => must(api.POST('/api/v1/outbox/{id}/cancel', { params: { path: { id } } }));

export const failedMessages = async () => (await must(api.GET('/api/v1/intake/failed', { params: { query: { limit: 50 } } }))).items;
export const retryMessage = (id: number) => must(api.POST('/api/v1/intake/failed/{id}/retry', { params: { path: { id } } }));

export const wechatLogin = () => must(api.GET('/api/v1/wechat/login'));

export const routerModels = () => must(api.GET('/api/v1/router/models', { params: { query: { limit: 20 } } }));
export const startRetrain = () => must(api.POST('/api/v1/router/models'));

export const zoneCards = async (code: string): Promise<Card[]> => (await must(api.GET('/api/v1/zones/{code}/cards', { params: { path: { code } } }))).items;
export const issueCard = (code: string, liaisonId?: number): Promise<Created<paths['/api/v1/zones/{code}/cards']['post']>> =>
  must(api.POST('/api/v1/zones/{code}/cards', { params: { path: { code } }, body: liaisonId ? { liaisonId } : {} }));
export const rotateCard = (id: number) => must(api.POST('/api/v1/cards/{id}/rotate', { params: { path: { id } } }));
export const revokeCard = (id: number) => must(api.POST('/api/v1/cards/{id}/revoke', { params: { path: { id } } }));

/** Where a card prints, opened in a new tab (the gateway's own address: the session cookie goes with it). */
export function cardPrintUrl(zoneCode: string, format: 'png' | 'pdf' | 'svg', cardId: number): string {
  return `/api/v1/zones/${encodeURIComponent(zoneCode)}/card.${format}?card=${cardId}`;
}
export function cardSheetsUrl(zoneCode: string): string {
  return `/api/v1/zones/${encodeURIComponent(zoneCode)}/cards.pdf`;
}

export const auditSearch = (query: AuditFilter) => must(api.GET('/api/v1/audit', { params: { query } }));
export const auditActors = async () => (await must(api.GET('/api/v1/audit/actors'))).items;
