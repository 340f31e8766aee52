import { describe, expect, it } from 'vitest';
import { buildSnapshot, type ZoneInfo } from '../../src/catalog/catalog.js';
import { entryApplies, indexOf, matchKnowledge, DEFAULT_KNOWLEDGE_MIN_SCORE, type KnowledgeEntryInfo } from '../../src/knowledge/matcher.js';
import { demoEntryInfos, loadDemoEntries } from '../../src/knowledge/demo-entries.js';
import { zoneInfo } from '../helpers/zones.js';

const zone = (id: number, code: string, level: ZoneInfo['level'], parentId: number | null) => zoneInfo(id, code, level, parentId);
const district = zone(1, 'district', 'district', null);
const street = zone(2, 'wh-hs', 'street', 1);
const community = zone(3, 'wh-hs-ch', 'community', 2);
const otherStreet = zone(4, 'wh-hg', 'street', 1);

const entry = (id: number, slug: string, questions: string[], more: Partial<KnowledgeEntryInfo> = {}): KnowledgeEntryInfo => ({
  id,
  slug,
  questions,
  answerZh: `${slug}的答复。`,
  answerEn: `Answer ${slug}.`,
  categoryCode: null,
  zoneCodes: [],
  validUntil: null,
  active: true,
  ...more,
});

// The demo answers, with one for a street only and one that has expired.
const entries = [
  ...demoEntryInfos(),
  entry(101, 'huashan-parking', ['华山街道老年人停车证怎么申请', '老人在华山片区停车能办优惠证吗'], { zoneCodes: ['wh-hs'] }),
  entry(102, 'heating-subsidy', ['冬季取暖补贴怎么领', '取暖费补助什么时候发'], { validUntil: '2026-03-31' }),
];
const catalog = buildSnapshot([district, street, community, otherStreet], [], [], [], [], entries);
const MIN = DEFAULT_KNOWLEDGE_MIN_SCORE;

describe('knowledge matcher', () => {
  it('should match a paraphrase of a question variant above the threshold', () => {
    const m = matchKnowledge('在城区养了条狗，请问狗证在哪里办', catalog, community, '2026-12-01', MIN);
    expect(m).toMatchObject({ entry: { slug: 'dog-registration' }, answered: true });
    expect(m!.score).toBeGreaterThan(MIN);
    expect(matchKnowledge('请问租房可以提取住房公积金吗', catalog, community, '2026-12-01', MIN)).toMatchObject({
      entry: { slug: 'provident-fund-withdrawal' },
      answered: true,
    });
    expect(matchKnowledge('Can I take out my housing provident fund to pay the rent?', catalog, community, '2026-12-01', MIN)).toMatchObject({
      entry: { slug: 'provident-fund-withdrawal' },
      answered: true,
    });
  });

  it('should not answer an unrelated question, even one sharing a few words', () => {
    for (const text of ['请问图书馆周一开门吗', '请问驾照考试在哪里报名', '请问小区业委会怎么成立', 'Is the swimming pool open on Sundays?']) {
      const m = matchKnowledge(text, catalog, community, '2026-12-01', MIN);
      expect(m?.answered ?? false, text).toBe(false);
    }
    expect(matchKnowledge('？？？', catalog, community, '2026-12-01', MIN)).toBeNull();
    expect(matchKnowledge('', catalog, community, '2026-12-01', MIN)).toBeNull();
  });

  it('should give an entry for some zones only to cases in those zones or below them', () => {
    const text = '请问华山街道的老年人停车证怎么申请';
    expect(matchKnowledge(text, catalog, community, '2026-12-01', MIN)).toMatchObject({ entry: { slug: 'huashan-parking' }, answered: true });
    expect(matchKnowledge(text, catalog, street, '2026-12-01', MIN)?.entry.slug).toBe('huashan-parking');
    expect(matchKnowledge(text, catalog, otherStreet, '2026-12-01', MIN)?.entry.slug).not.toBe('huashan-parking');
    expect(matchKnowledge(text, catalog, district, '2026-12-01', MIN)?.entry.slug).not.toBe('huashan-parking');
  });

  it('should not give an entry past its last valid day, nor a retired one', () => {
    const text = '请问冬天的取暖补贴怎么领';
    expect(matchKnowledge(text, catalog, community, '2026-03-31', MIN)).toMatchObject({ entry: { slug: 'heating-subsidy' }, answered: true });
    const later = matchKnowledge(text, catalog, community, '2026-04-01', MIN);
    expect(later?.entry.slug).not.toBe('heating-subsidy');
    expect(later?.answered ?? false).toBe(false);
    expect(entryApplies({ ...entries[0]!, active: false }, community, catalog, '2026-12-01')).toBe(false);
  });

  it('should build the index once per list of entries', () => {
    expect(indexOf(entries)).toBe(indexOf(entries));
    expect(indexOf([...entries])).not.toBe(indexOf(entries));
  });

  it('should load the 45 demo answers, each with Chinese and English', () => {
    const demo = loadDemoEntries();
    expect(demo.length).toBeGreaterThanOrEqual(45);
    expect(new Set(demo.map((e) => e.id)).size).toBe(demo.length);
    const infos = demoEntryInfos(demo);
    const all = buildSnapshot([district, street, community], [], [], [], [], infos);
    expect(matchKnowledge('请问租房可以提取住房公积金吗', all, community, '2026-12-01', MIN)).toMatchObject({
      entry: { slug: 'provident-fund-withdrawal' },
      answered: true,
    });
  });
});
