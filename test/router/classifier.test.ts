import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../src/router/classifier.js';
import { features } from '../../src/router/segment.js';
import { detectUrgency } from '../../src/router/urgency.js';
import { resolveZone } from '../../src/catalog/zone-resolver.js';
import { buildSnapshot, type CategoryInfo, type ZoneInfo } from '../../src/catalog/catalog.js';

const categories: CategoryInfo[] = [
  { code: 'employment', nameZh: '就业创业', nameEn: 'Employment', deadlineHours: 168, keywords: ['工资', '欠薪', 'wage'], active: true },
  { code: 'environment', nameZh: '生态环境', nameEn: 'Environment', deadlineHours: 72, keywords: ['噪音', '垃圾', 'noise'], active: true },
  { code: 'retired', nameZh: '旧', nameEn: 'Old', deadlineHours: 1, keywords: ['垃圾'], active: false },
  { code: 'other', nameZh: '其他', nameEn: 'Other', deadlineHours: 168, keywords: [], active: true },
];

describe('segmentation', () => {
  it('should give words and character bigrams, without stop words', () => {
    const f = features('翠湖南路的路灯坏了');
    expect(f).toEqual(expect.arrayContaining(['路灯', '#翠湖', '#路灯']));
    expect(f).not.toContain('的');
    expect(features('Street LIGHT broken')).toEqual(['street', 'light', 'broken']);
  });
});

describe('classifier with keywords only', () => {
  const byKeywords = new TextClassifier([]);
  it.each([
    ['老板拖欠工资三个月', 'employment', null],
    ['楼下噪音很大，还有垃圾没人收，工资也没发', 'environment', 'employment'],
    ['The NOISE at night is terrible', 'environment', null],
  ])('should classify %s as %s', (text, category, runnerUp) => {
    expect(byKeywords.classify(text, categories)).toMatchObject({ category, runnerUp, method: 'keywords', triage: false });
  });

  it('should send a message that matches nothing to triage', () => {
    expect(byKeywords.classify('你好', categories)).toMatchObject({ category: 'other', triage: true, method: 'none' });
  });

  it('should ignore retired categories', () => {
    expect(byKeywords.classify('垃圾', categories).category).toBe('environment');
  });
});

describe('classifier with a model', () => {
  const examples = [
    { text: '公司三个月没发钱了', category: 'employment', urgent: false },
    { text: '老板跑路了欠我们钱', category: 'employment', urgent: false },
    { text: '晚上广场舞太吵了', category: 'environment', urgent: false },
    { text: '楼下烧烤油烟熏得受不了', category: 'environment', urgent: false },
  ];
  const model = new TextClassifier(examples, 0.6);

  it('should learn words no keyword lists', () => {
    expect(model.classify('老板欠钱不给', categories)).toMatchObject({ category: 'employment', method: 'model' });
    expect(model.classify('广场舞吵得睡不着', categories)).toMatchObject({ category: 'environment' });
  });

  it('should let keywords reach a category the model never saw', () => {
    const withNew = [...categories, { code: 'pets', nameZh: '宠物', nameEn: 'Pets', deadlineHours: 72, keywords: ['狗', '猫'], active: true }];
    expect(model.classify('邻居家的狗晚上太吵了，狗屎到处都是', withNew)).toMatchObject({ category: 'pets', method: 'model+keywords' });
    expect(model.classify('狗屎到处都是', withNew)).toMatchObject({ category: 'pets', method: 'keywords' });
  });

  it('should send a message it cannot place to triage, keeping its guess', () => {
    const result = model.classify('晚上老板', categories); // a word of each
    expect(result.triage).toBe(true);
    expect(result.category).toBe('other');
    expect(['employment', 'environment']).toContain(result.guess);
  });

  it('should not let the model guess from nothing it has seen', () => {
    expect(model.classify('请问', categories)).toMatchObject({ triage: true, category: 'other', confidence: 0, method: 'none' });
  });
});

describe('urgency', () => {
  it.each([
    ['3栋5楼着火了，冒黑烟', ['fire'], ['119']],
    ['厨房闻到很重的煤气味', ['gas'], ['119']],
    ['楼下有人拿刀砍人', ['violence'], ['110']],
    ['我真的不想活了', ['self_harm'], ['110', '120']],
    ['电梯困人半小时了没人管', ['trapped'], ['119']],
    ['老人在家晕倒了', ['medical'], ['120']],
    ['围墙塌了压到车', ['collapse'], ['119']],
    ['电线断了掉在地上还在冒火花', ['electric'], ['119']],
    ['有人在打架！拿着刀，已经有人流血了', ['violence'], ['110']],
    ['燃气管子裂了，一直嘶嘶响', ['gas'], ['119']],
    ['他站在楼顶说要跳下去', ['self_harm'], ['110', '120']],
    ['孩子吃东西噎住了，脸都发紫了', ['medical'], ['120']],
    ['外墙的砖一块块往下掉', ['collapse'], ['119']],
    ['货车撞断了电线杆，电线还在打火花', ['electric'], ['119']],
  ])('should flag %s', (text, dangers, call) => {
    expect(detectUrgency(text)).toMatchObject({ urgent: true, dangers, call });
  });

  it.each([
    '楼道里电动车充电有火灾隐患',
    '消防通道被堵了',
    '路灯坏了',
    'The fire lane is blocked',
    '楼道里都是纸箱，怕着火',
    '消防车进不来，万一着火怎么办',
    '真着火了消防车咋进',
    '水压太小，热水器点不着火',
    '工地半夜还在打桩',
  ])('should not flag %s', (text) => {
    expect(detectUrgency(text).urgent).toBe(false);
  });
});

describe('zone resolver', () => {
  const zone = (id: number, code: string, level: ZoneInfo['level'], parentId: number | null, liaisonId: number | null, active = true): ZoneInfo => ({
    id,
    code,
    name: code,
    level,
    parentId,
    liaisonId,
    aliases: [],
    phoneNumbers: code === 'st' ? ['+868711234567'] : [],
    emailAddresses: [],
    boundary: null,
    active,
    supervisory: false,
  });
  const zones = [
    zone(1, 'district', 'district', null, 9),
    zone(2, 'st', 'street', 1, 7),
    zone(3, 'co', 'community', 2, null),
    zone(4, 'closed', 'community', 2, 5, false),
  ];
  const catalog = buildSnapshot(zones, categories);

  it("should take the channel's zone and the nearest liaison up the tree", () => {
    expect(resolveZone({ zoneCode: 'co' }, catalog, 'district')).toMatchObject({
      zone: { code: 'co' },
      liaisonId: 7,
      evidence: { reason: 'channel_hint', zoneCode: 'co', liaisonFrom: 'st' },
    });
  });

  it("should route a call or text to a zone's own hotline number there", () => {
    expect(resolveZone({ calledNumber: '+868711234567' }, catalog, 'district').evidence).toEqual({
      reason: 'channel_hint',
      zoneCode: 'st',
      hint: 'number:+868711234567',
    });
    expect(resolveZone({ calledNumber: '+860000000000' }, catalog, 'district').evidence).toEqual({
      reason: 'triage',
      zoneCode: 'district',
      hint: 'number:+860000000000',
    });
  });

  it('should send unknown and inactive zones to triage, recording the hint', () => {
    expect(resolveZone({ zoneCode: 'closed' }, catalog, 'district')).toMatchObject({
      zone: { code: 'district' },
      liaisonId: 9,
      evidence: { reason: 'triage', hint: 'closed' },
    });
    expect(resolveZone({}, catalog, 'district').evidence).toEqual({ reason: 'triage', zoneCode: 'district' });
  });

  it("should put a contact card's zone above every other signal, with the card on the evidence", () => {
    const card = { id: 12, zoneCode: 'co' };
    expect(resolveZone({ card, zoneCode: 'st', calledNumber: '+868711234567' }, catalog, 'district', '', 1)).toMatchObject({
      zone: { code: 'co' },
      liaisonId: 7,
      evidence: { reason: 'contact_card', zoneCode: 'co', cardId: 12, liaisonFrom: 'st' },
    });
  });

  it("should route a liaison's own card to that liaison", () => {
    expect(resolveZone({ card: { id: 13, zoneCode: 'st', liaisonId: 42 } }, catalog, 'district')).toEqual({
      zone: expect.objectContaining({ code: 'st' }),
      liaisonId: 42,
      evidence: { reason: 'contact_card', zoneCode: 'st', cardId: 13 },
    });
  });

  it("should fall back to the other signals when a card's zone was closed", () => {
    expect(resolveZone({ card: { id: 14, zoneCode: 'closed' } }, catalog, 'district').evidence).toEqual({ reason: 'triage', zoneCode: 'district' });
  });
});
