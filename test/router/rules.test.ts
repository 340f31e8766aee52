import { describe, expect, it } from 'vitest';
import { applyRules } from '../../src/router/rules.js';
import type { Rule } from '../../src/catalog/rule.js';
import { buildSnapshot, type ZoneInfo } from '../../src/catalog/catalog.js';
import { RULE_TEXT_MAX, rulePatternProblem } from '../../src/router/rule-pattern.js';

const zone = (id: number, code: string, parentId: number | null): ZoneInfo => ({
  id,
  code,
  name: code,
  level: parentId ? 'street' : 'district',
  parentId,
  liaisonId: null,
  aliases: [],
  phoneNumbers: [],
  emailAddresses: [],
  boundary: null,
  active: true,
  supervisory: false,
});
const zones = [zone(1, 'district', null), zone(2, 'st', 1), zone(3, 'other-st', 1)];
const catalog = buildSnapshot(zones, []);
const rule = (id: number, conditions: Rule['conditions'], action: Rule['action']): Rule => ({
  id,
  name: `r${id}`,
  priority: id,
  version: 1,
  conditions,
  action,
});
const input = {
  text: '井盖丢了，有人摔倒',
  channel: 'sms',
  category: 'infrastructure',
  urgent: false,
  zone: zones[1]!,
  senders: ['+8613800000001'],
  inOfficeHours: false,
};

describe('rules engine', () => {
  it('should apply every matching rule in order, the first to set an action winning', () => {
    const out = applyRules(
      [
        rule(1, { keywords: ['井盖'] }, { zoneCode: 'other-st', tags: ['市政'] }),
        rule(2, { channels: ['sms'] }, { zoneCode: 'st', deadlineHours: 24 }),
        rule(3, { channels: ['web'] }, { priority: 'high' }),
      ],
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

describe('rule patterns (ReDoS)', () => {
  it("should run a catastrophic pattern in linear time: (a+)+$ against 20,000 a's and a mismatch", () => {
    // On a backtracking engine this is about 2^9000 steps; RE2 answers at once (the test's own timeout is the bound).
    const hostile = rule(1, { pattern: '(a+)+$' }, { tags: ['x'] });
    expect(applyRules([hostile], { ...input, text: `${'a'.repeat(9_000)}!` }, catalog).matched).toEqual([]);
    expect(applyRules([hostile], { ...input, text: 'a'.repeat(40) }, catalog).matched).toHaveLength(1);
  });

  it('should look at the first RULE_TEXT_MAX characters of a text only', () => {
    const tail = rule(1, { pattern: '尾巴' }, { tags: ['x'] });
    expect(applyRules([tail], { ...input, text: `${'字'.repeat(RULE_TEXT_MAX)}尾巴` }, catalog).matched).toEqual([]);
    expect(applyRules([tail], { ...input, text: `${'字'.repeat(RULE_TEXT_MAX - 2)}尾巴` }, catalog).matched).toHaveLength(1);
  });

  it.each([
    ['(a+)+$', /catastrophic backtracking.*exponential/],
    ['(\\w+\\s?)*$', /catastrophic backtracking/],
    ['.*a.*b.*c.*d', /catastrophic backtracking.*polynomial/],
    ['(路)\\1', /linear-time matcher/],
    ['(?<=路)灯', /linear-time matcher/],
    ['(unclosed', /not a valid regular expression/],
  ])('should refuse %s with the reason', async (pattern, reason) => {
    expect(await rulePatternProblem(pattern)).toMatch(reason);
  });

  it.each(['井盖.{0,3}丢', '^\\d{11}$', '(路灯|电梯).*(坏|故障)', '噪音|扰民'])('should accept %s', async (pattern) => {
    expect(await rulePatternProblem(pattern)).toBeNull();
  });
});
