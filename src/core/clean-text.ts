/**
 * Strings PostgreSQL cannot store. A NUL (\u0000) is refused in text and in
 * jsonb (22021, 22P05), and a lone UTF-16 surrogate (half of an emoji, left by
 * a cut at the wrong place) makes invalid jsonb (22P02). One such string from
 * one sender would fail the whole group-committed INSERT of everyone's
 * messages, so they are cleaned before storing, not refused.
 */

// eslint-disable-next-line no-control-regex -- the NUL is what is looked for
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` without NULs and lone surrogates; everything else is kept as it was. */
export function cleanText(s: string): string {
  return s.replace(NUL, '').replace(LONE_SURROGATE, '');
}

/** `value` with cleanText applied to every string in it, keys included (plain data: objects, arrays, scalars). */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => cleanStrings(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanStrings(v)])) as T;
  }
  return value;
}

/** The first `n` code points of `s`: a cut that never splits a surrogate pair. */
export function cutText(s: string, n: number): string {
  return s.length <= n ? s : [...s].slice(0, n).join('');
}
