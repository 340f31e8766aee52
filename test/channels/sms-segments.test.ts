import { describe, expect, it } from 'vitest';
import { segmentsOf, splitSms } from '../../src/channels/twilio/sms-segments.js';

describe('SMS segments', () => {
  it.each([
    ['你好', 'UCS-2', 1],
    ['长'.repeat(70), 'UCS-2', 1],
    ['长'.repeat(71), 'UCS-2', 2],
    ['长'.repeat(134), 'UCS-2', 2],
    ['长'.repeat(135), 'UCS-2', 3],
    ['Reply STOP to opt out', 'GSM-7', 1],
    ['x'.repeat(161), 'GSM-7', 2],
  ])('should count %#: %s… as %s in %d segment(s)', (text, encoding, segments) => {
    expect(segmentsOf(text)).toEqual({ encoding, segments });
  });

  it('should keep a short text whole', () => {
    expect(splitSms('您好，您反映的问题已转交翠湖社区。')).toEqual(['您好，您反映的问题已转交翠湖社区。']);
  });

  it('should split a long Chinese reply at sentence ends into numbered parts of at most five segments', () => {
    const sentence = '关于您反映的翠湖南路路灯问题，社区已联系市政部门现场查看并更换了灯具。';
    const reply = sentence.repeat(15);
    const parts = splitSms(reply);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(p.endsWith(`(${i + 1}/${parts.length})`)).toBe(true);
      expect(segmentsOf(p).segments).toBeLessThanOrEqual(5);
      expect(p.replace(/ \(\d+\/\d+\)$/, '').endsWith('。')).toBe(true); // cut at a sentence end
    });
    expect(parts.map((p) => p.replace(/ \(\d+\/\d+\)$/, '')).join('')).toBe(reply);
  });

  it('should cut a single overlong sentence at clauses, and a clause without any at the limit', () => {
    const parts = splitSms('长'.repeat(800));
    expect(parts.map((p) => p.replace(/ \(\d+\/\d+\)$/, '')).join('')).toBe('长'.repeat(800));
    parts.forEach((p) => expect(segmentsOf(p).segments).toBeLessThanOrEqual(5));
  });
});
