/**
 * A parsed mail header as text: mailparser gives strings, lists, address
 * objects (`text`), structured headers (`value` plus parameters) and dates.
 */
import type { HeaderValue } from 'mailparser';

export function headerText(v: HeaderValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => headerText(x)).join(' ');
  if (v instanceof Date) return v.toISOString();
  const o = v as { text?: unknown; value?: unknown };
  if (typeof o.text === 'string') return o.text;
  return typeof o.value === 'string' ? o.value : '';
}
