import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, normalizePhone } from '../../src/core/contact-address.js';
import { caseNoPrefix } from '../../src/core/time.js';
import { renderReceipt } from '../../src/intake/receipt.js';

describe('phone numbers', () => {
  it.each([
    ['13800001234', '+8613800001234'],
    ['+86 138-0000-1234', '+8613800001234'],
    ['8613800001234', '+8613800001234'],
    ['+14155550100', '+14155550100'],
    ['12345', null],
    ['23800001234', null],
  ])('should normalize %s to %s', (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it('should mask for staff', () => {
    expect(maskPhone('+8613812341234')).toBe('138****1234');
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
  });
});

describe('case numbers', () => {
  it("should start with the office's local date, not the server's", () => {
    // 2026-11-30 17:30 UTC is already 1 December in Kunming.
    expect(caseNoPrefix(new Date('2026-11-30T17:30:00Z'), 'Asia/Shanghai')).toBe('261201');
    expect(caseNoPrefix(new Date('2026-11-30T15:30:00Z'), 'Asia/Shanghai')).toBe('261130');
  });
});

describe('receipt', () => {
  it('should fit two concatenated UCS-2 SMS segments in Chinese', () => {
    const text = renderReceipt({
      caseNo: '26113000042',
      categoryZh: '社会保障',
      categoryEn: 'Social security',
      zoneName: '黑林铺街道某某社区第一居民小组',
      deadline: new Date('2026-12-07T09:30:00Z'),
      language: 'zh',
      timeZone: 'Asia/Shanghai',
    });
    expect(text).toContain('26113000042');
    expect(text).toContain('2026-12-07 17:30');
    expect(text.length).toBeLessThanOrEqual(2 * 67);
  });

  it('should put the emergency number first on an urgent receipt, still within two segments', () => {
    const text = renderReceipt({
      caseNo: '26113000042',
      categoryZh: '社会治安',
      categoryEn: 'Public safety',
      zoneName: '黑林铺街道某某社区第一居民小组',
      deadline: new Date('2026-12-01T09:30:00Z'),
      language: 'zh',
      timeZone: 'Asia/Shanghai',
      call: ['119', '120'],
    });
    expect(text.startsWith('如有危险请立即拨打119/120')).toBe(true);
    expect(text).toContain('26113000042');
    expect(text.length).toBeLessThanOrEqual(2 * 67);
  });
});
