import { describe, expect, it } from 'vitest';
import { unstorableField } from '../../src/http/plugins/input-guard.js';

describe('unstorableField', () => {
  it.each([
    [{ zone: 'wh\u0000' }, 'zone'],
    [{ a: { b: ['ok', '\ud800'] } }, 'a.b.1'],
    [{ ['k\u0000']: 'v' }, 'k\u0000'],
    ['\udc00x', 'body'],
    [{ text: '好😀' }, null], // a whole surrogate pair is fine
    [{ photo: Buffer.from([0]) }, null], // files are bytes, not text
    [{ n: 1, b: true, z: null }, null],
  ])('should find %j at %s', (value, field) => {
    expect(unstorableField(value)).toBe(field);
  });
});
