import { describe, expect, it } from 'vitest';
import { cleanStrings, cleanText, cutText } from '../../src/core/clean-text.js';
import { isDataError } from '../../src/core/errors.js';

describe('text PostgreSQL can store', () => {
  it.each([
    ['a NUL', 'a\u0000b', 'ab'],
    ['a lone high surrogate at the end', 'ab\ud83d', 'ab'],
    ['a lone low surrogate at the start', '\ude00ab', 'ab'],
    ['a whole emoji', 'a😀b', 'a😀b'],
    ['Chinese from outside the BMP', '𠀀字', '𠀀字'],
  ])('should clean %s', (_title, input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it('should clean every string of a message, keys and nested lists included, and leave other values alone', () => {
    expect(cleanStrings({ text: 'x\u0000', n: 1, ok: true, none: null, list: ['\ud800y'], deep: { 'k\u0000': 'v' } })).toEqual({
      text: 'x',
      n: 1,
      ok: true,
      none: null,
      list: ['y'],
      deep: { k: 'v' },
    });
  });

  it('should cut by code point, never inside a surrogate pair', () => {
    expect(cutText('ab😀c', 3)).toBe('ab😀');
    expect(cutText('abc', 5)).toBe('abc');
  });

  it('should know data errors (SQLSTATE classes 22 and 54) from others', () => {
    expect(['22021', '22P05', '22P02', '54000'].map((code) => isDataError({ code }))).toEqual([true, true, true, true]);
    expect(['08006', '23505', 'ECONNREFUSED', undefined].map((code) => isDataError({ code }))).toEqual([false, false, false, false]);
  });
});
