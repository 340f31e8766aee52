/**
 * Whatever residents send, the router answers without an error: nothing it
 * knows goes to triage rather than to a guess (the model of the shipped
 * examples, as the gateway loads it).
 */
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { TextClassifier } from '../../src/router/classifier.js';
import { cachedShippedModel } from '../../src/router/model-store.js';
import { RouterModel } from '../../src/router/router-model.js';
import type { CategoryInfo } from '../../src/catalog/catalog.js';
import { TEST_MODEL_CACHE_DIR } from '../helpers/model-cache.js';

const classifier = new TextClassifier([]);
const categories: CategoryInfo[] = ['employment', 'housing', 'infrastructure', 'public_safety', 'consultation', 'other'].map((code) => ({
  code,
  nameZh: code,
  nameEn: code,
  deadlineHours: 72,
  keywords: [],
  active: true,
}));

beforeAll(async () => {
  const stored = await cachedShippedModel(TEST_MODEL_CACHE_DIR);
  classifier.useModel(RouterModel.fromJSON(JSON.parse(gunzipSync(stored).toString())), 1);
});

describe('messages with nothing to go on', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['punctuation', '？？？！！。。。……'],
    ['emoji', '😡😡😡👍🙏'],
  ])('should send %s to triage, not urgent', (_title, text) => {
    expect(classifier.classify(text, categories)).toMatchObject({ triage: true, category: 'other', urgent: false, method: 'none' });
  });
});

describe('messages that are long or mixed', () => {
  it('should classify 5,000 characters', () => {
    const text = '小区门口的路灯坏了，晚上很黑，老人出门不方便。'.repeat(220).slice(0, 5000);
    expect(classifier.classify(text, categories)).toMatchObject({ category: 'infrastructure', triage: false });
  });

  it('should classify Chinese mixed with English and emoji', () => {
    const r = classifier.classify('boss 欠我 three months 工资 😭 already 去了劳动监察 no reply', categories);
    expect(r.category).toBe('employment');
  });

  it('should still see danger in a mixed-language message', () => {
    expect(classifier.classify('help!! 楼下 fire, 好多烟, 有人还在里面', categories).urgent).toBe(true);
  });
});
