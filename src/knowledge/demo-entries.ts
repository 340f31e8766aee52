/**
 * The demo knowledge base shipped in src/knowledge/entries.jsonl (45 answers
 * to the questions residents of the district ask most), one JSON object a line:
 * {id, category, questions[], answerZh, answerEn, validUntil}.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { KnowledgeEntryInfo } from './matcher.js';

export const DEMO_ENTRIES_FILE = fileURLToPath(new URL('./entries.jsonl', import.meta.url));

const DemoEntry = z.object({
  id: z.string().min(2),
  category: z.string().nullable(),
  questions: z.array(z.string().min(1)).min(1),
  answerZh: z.string().min(1),
  answerEn: z.string().min(1),
  validUntil: z.iso.date().nullable(),
});
export type DemoEntry = z.infer<typeof DemoEntry>;

/** Parsed and checked; a bad line fails with its number. */
export function loadDemoEntries(file = DEMO_ENTRIES_FILE): DemoEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, n) => ({ line, n: n + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, n }) => {
      const parsed = DemoEntry.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${n}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** As the matcher sees them (for scripts and tests that run without a database). */
export function demoEntryInfos(entries = loadDemoEntries()): KnowledgeEntryInfo[] {
  return entries.map((e, n) => ({
    id: n + 1,
    slug: e.id,
    questions: e.questions,
    answerZh: e.answerZh,
    answerEn: e.answerEn,
    categoryCode: e.category,
    zoneCodes: [],
    validUntil: e.validUntil,
    active: true,
  }));
}
