import { describe, expect, it } from 'vitest';
import { applyRules, type Rule } from '../../src/router/rules.js';
import { buildSnapshot, type ZoneInfo } from '../../src/router/catalog.js';

const zone = (id: number, code: string, parentId: number | null): ZoneInfo =>
  ({ id, code, name: code, level: parentId ? 'street' : 'district', parentId, liaisonId: null, aliases: [], phoneNumbers: [], emailAddresses: [], boundary: null, active: true, supervisory: false });
const zones = [zone(1, 'district', null), zone(2, 'st', 1), zone(3, 'other-st', 1)];
const catalog = buildSnapshot(zones, []);
const rule = (id: number, conditions: Rule['conditions'], action: Rule['action']): Rule => ({ id, name: `r${id}`, priority: id, version: 1, conditions, action });
const input = { text: '井盖丢了，有人摔倒', channel: 'sms', category: 'infrastructure', urgent: false, zone: zones[1]!, senders: ['+8613800000001'], inOfficeHours: false };

describe('rules engine', () => {
  it('should apply every matching rule in order, the first to set an action winning', () => {
    const out = applyRules(
      [rule(1, { keywords: ['井盖'] }, { zoneCode: 'other-st', tags: ['市政'] }), rule(2, { channels: ['sms'] }, { zoneCode: 'st', deadlineHours: 24 }), rule(3, { channels: ['web'] }, { priority: 'high' })],
      input,
      catalog,
    );
    expect(out.matched.map((m) => m.id)).toEqual([1, 2]);
    expect(out.action).toEqual({ zoneCode: 'other-st', tags: ['市政'], deadlineHours: 24 });
  });

  it.each([
    [{ categories: ['housing'] }, false],
    [{ urgent: true }, false],
    [{ pattern: '井盖.{0,3}丢' }, true],
    [{ zoneCode: 'district' }, true], // the zone or any below it
    [{ zoneCode: 'other-st' }, false],
    [{ senders: ['+8613800000001'] }, true],
    [{ keywords: ['井盖'], channels: ['web'] }, false], // every condition must hold
    [{ officeHours: false }, true], // arrived out of hours
    [{ officeHours: true }, false],
  ] as [Rule['conditions'], boolean][])('should match %j: %s', (conditions, expected) => {
    expect(applyRules([rule(1, conditions, { tags: ['x'] })], input, catalog).matched.length > 0).toBe(expected);
  });

  it('should skip a rule that throws and report it, keeping the others', () => {
    const errors: number[] = [];
    const out = applyRules([rule(1, { pattern: '(' }, { zoneCode: 'other-st' }), rule(2, {}, { tags: ['ok'] })], input, catalog, (r) => errors.push(r.id));
    expect(errors).toEqual([1]);
    expect(out.matched.map((m) => m.id)).toEqual([2]);
  });
});
