/** The rules screen's calls: the rules, their order and versions, the impact preview and the router's simulator. */
import { api, must } from './client';
import type { paths } from './schema';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;
type Body<T> = T extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

export type Rule = Ok<paths['/api/v1/rules']['get']>['items'][number];
export type RuleDraft = Body<paths['/api/v1/rules']['post']>;
export type RuleConditions = RuleDraft['conditions'];
export type RuleAction = RuleDraft['action'];
export type RuleVersion = Ok<paths['/api/v1/rules/{id}/versions']['get']>['items'][number];
export type PreviewRequest = Body<paths['/api/v1/rules/preview']['post']>;
export type Preview = Ok<paths['/api/v1/rules/preview']['post']>;
export type SimulateRequest = Body<paths['/api/v1/router/simulate']['post']>;
export type Simulation = Ok<paths['/api/v1/router/simulate']['post']>;
export type Channel = NonNullable<SimulateRequest['channel']>;

/** The channels a rule can name (the gateway's registry). */
export const CHANNELS: readonly Channel[] = ['web', 'card', 'sms', 'voice', 'telegram', 'wechat', 'email'];

export const listRules = async (): Promise<Rule[]> => (await must(api.GET('/api/v1/rules'))).items;
export const listDeletedRules = async (): Promise<Rule[]> => (await must(api.GET('/api/v1/rules/deleted'))).items;

export const createRule = (rule: RuleDraft): Promise<Rule> => must(api.POST('/api/v1/rules', { body: rule }));

export const replaceRule = (id: number, rule: RuleDraft): Promise<Rule> => must(api.PUT('/api/v1/rules/{id}', { params: { path: { id } }, body: rule }));

export const deleteRule = async (id: number): Promise<void> => void (await must(api.DELETE('/api/v1/rules/{id}', { params: { path: { id } } })));

export const orderRules = async (ids: number[]): Promise<Rule[]> => (await must(api.POST('/api/v1/rules/order', { body: { ids } }))).items;

export const ruleVersions = async (id: number): Promise<RuleVersion[]> =>
  (await must(api.GET('/api/v1/rules/{id}/versions', { params: { path: { id } } }))).items;

export const restoreVersion = (id: number, version: number): Promise<Rule> =>
  must(api.POST('/api/v1/rules/{id}/versions/{version}/restore', { params: { path: { id, version } } }));

export const previewRules = (request: PreviewRequest): Promise<Preview> => must(api.POST('/api/v1/rules/preview', { body: request }));

export const simulate = (request: SimulateRequest): Promise<Simulation> => must(api.POST('/api/v1/router/simulate', { body: request }));
