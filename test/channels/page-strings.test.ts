import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every strings/ folder under src/ holds a page family's words: zh-CN.json and en.json, alike in shape.
const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const LANGUAGES = ['zh-CN', 'en'];

function stringsFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    !e.isDirectory() ? [] : e.name === 'strings' ? [join(dir, e.name)] : stringsFolders(join(dir, e.name)),
  );
}

/** Every leaf as `path: kind`, where an array counts as one leaf of strings (its lines may differ in number). */
function shape(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return [`${path}: ${v.every((x) => typeof x === 'string') ? 'string[]' : 'mixed[]'}`];
  if (v && typeof v === 'object')
    return Object.entries(v)
      .flatMap(([k, x]) => shape(x, path ? `${path}.${k}` : k))
      .sort();
  return [`${path}: ${typeof v}`];
}

function leaves(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [];
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const folders = stringsFolders(SRC);

describe("pages' strings", () => {
  it('should find the strings of the web form and the contact card', () => {
    expect(folders.map((f) => relative(SRC, f)).sort()).toEqual(['channels/contact-card/strings', 'channels/web-form/strings']);
  });

  describe.each(folders.map((f) => [relative(SRC, f), f]))('%s', (_name, folder) => {
    const read = (lang: string) => JSON.parse(readFileSync(join(folder, `${lang}.json`), 'utf8')) as unknown;

    it('should have the same keys, of the same kinds, in both languages', () => {
      const [zh, en] = LANGUAGES.map(read);
      expect(shape(en)).toEqual(shape(zh));
      expect(shape(zh).every((leaf) => leaf.endsWith(': string') || leaf.endsWith(': string[]'))).toBe(true);
    });

    it('should have no empty text, and the same {placeholders} in both languages', () => {
      const [zh, en] = LANGUAGES.map((lang) => new Map(leaves(read(lang))));
      for (const [path, text] of [...zh!, ...en!]) expect(text.trim(), path).not.toBe('');
      for (const [path, text] of zh!) {
        if (en!.has(path)) expect(placeholders(en!.get(path)!), path).toEqual(placeholders(text));
      }
    });
  });
});
