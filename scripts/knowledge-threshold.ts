/**
 * `npx tsx scripts/knowledge-threshold.ts`: how KNOWLEDGE_MIN_SCORE's default was picked. Over
 * src/knowledge/tuning.jsonl (paraphrases of the demo answers' questions and messages no answer fits,
 * written by the developer, never the blind set in src/router/evaluation/), the answers given, right and
 * missed at each threshold; then the time one match takes over the 45 demo answers.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadJsonl } from '../src/router/evaluate.js';
import { loadTrainingExamples } from '../src/router/training.js';
import { demoEntryInfos } from '../src/knowledge/demo-entries.js';
import { scoreKnowledge, summarise, type KnowledgeExample } from '../src/knowledge/evaluate.js';
import { shippedClassifier } from '../src/knowledge/classifier-for-eval.js';
import { indexOf } from '../src/knowledge/matcher.js';

const tuning = loadJsonl<KnowledgeExample>(fileURLToPath(new URL('../src/knowledge/tuning.jsonl', import.meta.url)));
const entries = demoEntryInfos();
const classifier = await shippedClassifier(process.env.ROUTER_MODEL_CACHE_DIR ?? join(tmpdir(), 'minqing-test-models'));
const codes = new Set([...loadTrainingExamples().map((e) => e.category), 'other']);
const categories = [...codes].map((code) => ({ code, nameZh: code, nameEn: code, deadlineHours: 72, keywords: [], active: true }));
const scored = scoreKnowledge(tuning, entries, classifier, categories);

console.log(
  `${tuning.length} messages, ${tuning.filter((t) => t.expected).length} naming an answer; ${scored.filter((s) => s.eligible).length} consultations to the router`,
);
console.log('threshold  answered  right  wrong  missed (by the router)');
for (let t = 0.2; t <= 0.801; t += 0.05) {
  const r = summarise(scored, Number(t.toFixed(2)));
  console.log(
    `${r.minScore.toFixed(2).padStart(9)}  ${String(r.answered).padStart(8)}  ${String(r.right).padStart(5)}  ${String(r.wrong).padStart(5)}  ${String(r.missed).padStart(6)} (${r.missedByRouter})`,
  );
}
if (process.argv.includes('--each')) {
  for (const s of scored)
    console.log(
      `${s.eligible ? 'C' : '-'} ${s.best?.score.toFixed(3) ?? '  -  '} ${s.best?.slug === s.example.expected ? 'ok ' : 'XX '} ${s.best?.slug ?? '-'} ← ${s.example.text}`,
    );
}

const index = indexOf(entries);
for (const t of tuning) index.rank(t.text);
const rounds = 50;
const started = performance.now();
for (let i = 0; i < rounds; i++) for (const t of tuning) index.rank(t.text);
console.log(`matching: ${((performance.now() - started) / (rounds * tuning.length)).toFixed(3)} ms per message over ${entries.length} answers`);
