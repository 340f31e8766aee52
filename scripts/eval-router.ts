/**
 * `npm run eval:router [-- --held-out 20]`: trains the classifier on the
 * training split of src/router/training/*.jsonl and prints accuracy, macro-F1
 * and a per-category table for the held-out split it never saw.
 */
import { parseArgs } from 'node:util';
import { evaluate, formatReport } from '../src/router/evaluate.js';
import { loadTrainingExamples, split } from '../src/router/training.js';

const { values } = parseArgs({ options: { 'held-out': { type: 'string', default: '20' }, 'min-confidence': { type: 'string', default: '0.3' } } });
const { train, test } = split(loadTrainingExamples(), Number(values['held-out']));
console.log(formatReport(evaluate(train, test, Number(values['min-confidence']))));
