/**
 * `npm run eval:router`: how well the router does, in three parts.
 * 1. The held-out split of the training examples (same writers as the training share: an optimistic figure).
 * 2. The blind evaluation set (src/router/evaluation/heldout.jsonl, another writer; the model is trained on
 *    every training example and never on it): category and kind macro-F1, urgency.
 * 3. The blind urgency set (src/router/evaluation/urgency.jsonl): recall and false alarms per kind of danger.
 * 4. The blind knowledge set (src/router/evaluation/knowledge.jsonl, when present): consultations answered
 *    on the spot from the demo knowledge base at KNOWLEDGE_MIN_SCORE, how many rightly, how many missed.
 * Then the time one classification takes.
 *
 * `npm run eval:router -- --cv` instead sweeps the urgency thresholds by 5-fold cross-validation on the
 * training examples alone: how URGENCY_THRESHOLDS in urgency.ts were chosen.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TextClassifier } from '../src/router/classifier.js';
import { RouterModel } from '../src/router/router-model.js';
import { detectUrgency, URGENCY_THRESHOLDS } from '../src/router/urgency.js';
import {
  EVALUATION_DIR,
  evaluate,
  evaluateUrgency,
  evaluateWith,
  formatReport,
  formatUrgencyReport,
  loadJsonl,
  type UrgencyExample,
} from '../src/router/evaluate.js';
import { loadTrainingExamples, split, type Labelled } from '../src/router/training.js';
import { existsSync } from 'node:fs';
import { formatKnowledgeReport, scoreKnowledge, summarise, type KnowledgeExample } from '../src/knowledge/evaluate.js';
import { demoEntryInfos } from '../src/knowledge/demo-entries.js';
import { loadConfig } from '../src/config.js';

const { values } = parseArgs({
  options: { 'held-out': { type: 'string', default: '20' }, 'min-confidence': { type: 'string', default: '0.3' }, cv: { type: 'boolean', default: false } },
});
const minConfidence = Number(values['min-confidence']);
const examples = loadTrainingExamples();

if (values.cv) {
  crossValidateThreshold(examples);
} else {
  const { train, test } = split(examples, Number(values['held-out']));
  console.log('== 1. held-out split of the training examples (same writers) ==');
  console.log(formatReport(evaluate(train, test, minConfidence)));

  const classifier = new TextClassifier(examples, minConfidence);
  const blind = loadJsonl<Labelled>(join(EVALUATION_DIR, 'heldout.jsonl'));
  console.log('\n== 2. blind evaluation set (written by someone who never saw the training data) ==');
  console.log(formatReport(evaluateWith(classifier, examples.length, blind)));

  const urgency = loadJsonl<UrgencyExample>(join(EVALUATION_DIR, 'urgency.jsonl'));
  const categories = [...new Set(examples.map((e) => e.category))].map((code) => ({
    code,
    nameZh: code,
    nameEn: code,
    deadlineHours: 0,
    keywords: [],
    active: true,
  }));
  console.log(`\n== 3. blind urgency set (model threshold ${URGENCY_THRESHOLDS.model}, pattern floor ${URGENCY_THRESHOLDS.patternFloor}) ==`);
  console.log(formatUrgencyReport(evaluateUrgency(classifier, urgency, categories)));

  const knowledgeFile = join(EVALUATION_DIR, 'knowledge.jsonl');
  if (existsSync(knowledgeFile)) {
    const minScore = loadConfig().KNOWLEDGE_MIN_SCORE;
    const knowledge = loadJsonl<KnowledgeExample>(knowledgeFile);
    console.log(`\n== 4. blind knowledge set (answers on the spot from src/knowledge/entries.jsonl) ==`);
    console.log(formatKnowledgeReport(summarise(scoreKnowledge(knowledge, demoEntryInfos(), classifier, withFallback(categories)), minScore)));
  } else {
    console.log('\n== 4. blind knowledge set: src/router/evaluation/knowledge.jsonl not there, skipped ==');
  }

  const texts = [...blind, ...urgency].map((e) => e.text);
  for (const t of texts) classifier.classify(t, categories);
  const started = performance.now();
  const rounds = 5;
  for (let i = 0; i < rounds; i++) for (const t of texts) classifier.classify(t, categories);
  console.log(
    `\nclassification: ${((performance.now() - started) / (rounds * texts.length)).toFixed(3)} ms per message (${texts.length} messages × ${rounds})`,
  );
}

/** The router falls back on `other`, which the examples may not name. */
function withFallback<C extends { code: string }>(categories: C[]): C[] {
  return categories.some((c) => c.code === 'other') ? categories : [...categories, { ...categories[0]!, code: 'other' }];
}

/** Urgency recall and false alarms of the whole detector for each pair of thresholds, over 5 folds of the training examples. */
function crossValidateThreshold(all: Labelled[]): void {
  const judged = all.filter((e) => e.urgent !== undefined);
  const scored: { urgent: boolean; text: string; score: number }[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const model = RouterModel.train(judged.filter((_, i) => i % 5 !== fold))!;
    for (const e of judged.filter((_, i) => i % 5 === fold)) scored.push({ urgent: e.urgent!, text: e.text, score: model.read(e.text).urgency ?? 0 });
  }
  console.log(`model  floor  recall  false alarms   (5-fold CV on ${judged.length} training examples)`);
  for (const model of [0.2, 0.3, 0.35, 0.4, 0.5]) {
    for (const patternFloor of [0, 0.02, 0.05, 0.1, 0.2]) {
      let tp = 0,
        fn = 0,
        fp = 0,
        tn = 0;
      for (const e of scored) {
        const flagged = detectUrgency(e.text, e.score, { model, patternFloor }).urgent;
        if (e.urgent && flagged) tp++;
        else if (e.urgent) fn++;
        else if (flagged) fp++;
        else tn++;
      }
      console.log(
        `${model.toFixed(2).padStart(5)}  ${patternFloor.toFixed(2)}  ${((100 * tp) / (tp + fn)).toFixed(1).padStart(5)}%  ${((100 * fp) / (fp + tn)).toFixed(1).padStart(10)}%`,
      );
    }
  }
}
