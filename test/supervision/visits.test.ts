import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const post = (payload: object) => sys.app!.inject({ method: 'POST', url: '/api/v1/visits', headers: adminHeaders, payload });
const month = async (m: string) => (await sys.app!.inject({ method: 'GET', url: `/api/v1/visits?month=${m}`, headers: adminHeaders })).json();

beforeAll(async () => {
  sys = await startTestSystem({ role: 'http' });
  await seedDemoDistrict(sys.db.pool);
});
afterAll(() => sys?.teardown());

describe("leaders' visits", () => {
  it('should say who is behind: district leaders twice a month, street and department leaders once', async () => {
    expect((await post({ zoneCode: 'wh-hs-ch', leader: '区长A', level: 'district', visitedAt: '2026-10-05T10:00:00+08:00' })).statusCode).toBe(201);
    await post({ zoneCode: 'wh-hs-ch', leader: '区长A', level: 'district', visitedAt: '2026-11-03T10:00:00+08:00' });
    await post({ zoneCode: 'wh-dg', leader: '区委书记B', level: 'district', visitedAt: '2026-11-04T10:00:00+08:00' });
    await post({ zoneCode: 'wh-dg-dgl', leader: '区委书记B', level: 'district', visitedAt: '2026-11-01T01:00:00+08:00' }); // still October in UTC, November in Kunming
    await post({ zoneCode: 'wh-hs', leader: '街道主任C', level: 'street', visitedAt: '2026-10-12T10:00:00+08:00' });

    const november = await month('2026-11');
    const of = (leader: string) => november.leaders.find((l: { leader: string }) => l.leader === leader);
    expect(of('区长A')).toMatchObject({ visits: 1, required: 2, behind: true, zones: ['wh-hs-ch'] });
    expect(of('区委书记B')).toMatchObject({ visits: 2, required: 2, behind: false });
    expect(of('街道主任C')).toMatchObject({ visits: 0, required: 1, behind: true, zones: [] });
  });

  it('should refuse an unknown zone or a visit in the future, naming the field', async () => {
    expect((await post({ zoneCode: 'nowhere', leader: 'X', level: 'street', visitedAt: '2026-11-03T10:00:00+08:00' })).json().field).toBe('zoneCode');
    expect((await post({ zoneCode: 'wh-hs', leader: 'X', level: 'street', visitedAt: '2099-01-01T10:00:00+08:00' })).json().field).toBe('visitedAt');
    expect((await post({ zoneCode: 'wh-hs', leader: 'X', level: 'mayor', visitedAt: '2026-11-03T10:00:00+08:00' })).json().field).toBe('level');
    expect((await month('2026-11')).leaders.some((l: { leader: string }) => l.leader === 'X')).toBe(false);
  });
});
