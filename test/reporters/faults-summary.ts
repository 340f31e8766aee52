/**
 * Prints, at the end of a run, one table of the fault scenarios (every test in
 * test/faults/*.test.ts): scenario (the test's title), result, duration. Runs
 * beside vitest's default reporter (vitest.config.ts); prints nothing when no
 * fault scenario ran.
 */
import { relative, sep } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const FAULTS_DIR = `test${sep}faults${sep}`;

interface Row {
  file: string;
  scenario: string;
  result: 'pass' | 'FAIL' | 'skip';
  ms: number | null;
}

export default class FaultsSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows: Row[] = [];
    for (const module of testModules) {
      const file = relative(process.cwd(), module.moduleId);
      if (!file.startsWith(FAULTS_DIR)) continue;
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests++;
        const state = test.result().state;
        rows.push({
          file: file.slice(FAULTS_DIR.length),
          scenario: test.name,
          result: state === 'passed' ? 'pass' : state === 'failed' ? 'FAIL' : 'skip',
          ms: test.diagnostic()?.duration ?? null,
        });
      }
      // A file that failed before its tests ran (an import, a beforeAll) still gets a line.
      if (module.state() === 'failed' && (tests === 0 || module.errors().length > 0)) {
        rows.push({ file: file.slice(FAULTS_DIR.length), scenario: `(the file itself: ${module.errors()[0]?.message ?? 'failed'})`, result: 'FAIL', ms: null });
      }
    }
    if (rows.length) process.stdout.write(formatTable(rows));
  }
}

export function formatTable(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.file,
    r.scenario,
    r.result,
    r.ms === null ? '-' : r.ms >= 1000 ? `${(r.ms / 1000).toFixed(1)} s` : `${Math.round(r.ms)} ms`,
  ]);
  const header = ['file', 'scenario', 'result', 'duration'];
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
  const line = (c: string[]) => `| ${c.map((v, i) => v + ' '.repeat(widths[i]! - width(v))).join(' | ')} |`;
  const count = (result: Row['result']) => rows.filter((r) => r.result === result).length;
  return [
    '',
    ` Fault scenarios (test/faults): ${count('pass')} passed, ${count('FAIL')} failed, ${count('skip')} skipped`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
    '',
  ].join('\n');
}

/** Display width: CJK titles take two columns a character. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}
