import { describe, expect, it } from 'vitest';
import { maskText } from '../../src/core/mask.js';

describe('maskText', () => {
  it.each([
    ['a mobile', '请打13912345678联系我', '请打139****5678联系我'],
    ['a mobile with spaces', '电话 139 1234 5678。', '电话 139****5678。'],
    ['a mobile with dashes and +86', '+86 139-1234-5678', '139****5678'],
    ['a mobile with 86 run together', '8613912345678', '139****5678'],
    ['a landline with an area code', '座机0871-63600000', '座机0871-****0000'],
    ['a landline in brackets', '(0871) 6360 1234', '0871-****1234'],
    ['an ID card number', '身份证530102199003071234', '身份证5301**********1234'],
    ['an ID card number ending in X', '53010219900307123X号', '5301**********123X号'],
    ['an email', '邮箱 zhang.san@example.com 谢谢', '邮箱 z***@example.com 谢谢'],
    ['a mobile as a mail address', '13912345678@qq.com', '1***@qq.com'],
  ])('should mask %s', (_title, input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it.each([
    ['a case number', '案件2611300042还没人管'],
    ['a long case number', '编号 2611300000001234'],
    ['a longer run of digits', '单号12345678901234567890'],
    ['an amount and a date', '花了1380元，2026年11月30日'],
    ['a short local number', '分机 8001'],
  ])('should leave %s alone', (_title, input) => {
    expect(maskText(input)).toBe(input);
  });
});
