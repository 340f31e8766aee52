import { describe, expect, it } from 'vitest';
import { parseKnowledgeReply } from '../../src/intake/knowledge-reply.js';
import { parseSurveyAnswer } from '../../src/supervision/return-visit.js';

describe("the resident's 1 or 2 on an answer from the knowledge base", () => {
  it.each([
    ['1', 'confirmed'],
    ['１。', 'confirmed'],
    [' 已解答 ', 'confirmed'],
    ['2', 'handover'],
    ['转人工', 'handover'],
    ['人工！', 'handover'],
    ['Person', 'handover'],
    ['2\n\n发件人: 民意信箱\n> 您的咨询已登记', 'handover'],
    ['1\n> 回复1表示已解答；回复2转人工办理。', 'confirmed'],
  ])('should read %j as %s', (text, expected) => {
    expect(parseKnowledgeReply(text)).toBe(expected);
  });

  it.each(['12', '3', '1号楼的路灯坏了', '人工智能', '', '谢谢'])('should take %j for an ordinary message', (text) => {
    expect(parseKnowledgeReply(text)).toBeNull();
  });

  it('should leave the return visit reading its own answers', () => {
    expect(parseSurveyAnswer('3')).toBe('not_satisfied');
    expect(parseSurveyAnswer('满意\n> 【回访】')).toBe('satisfied');
  });
});
