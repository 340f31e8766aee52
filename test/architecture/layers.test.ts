/**
 * Layering cannot silently erode: every relative import in src/ must point to
 * the importer's own folder or to a lower layer of test/architecture/layers.ts.
 * Type-only imports count too: they are dependencies as much as any other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAYERS } from './layers.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The top folder of src/ a file is in, or its name for files at the top (main.ts, config.ts). */
const unitOf = (file: string) => relative(SRC, file).split('/')[0]!;

const layerOf = new Map(LAYERS.flatMap((units, n) => units.map((u) => [u, n] as const)));

interface Import {
  from: string;
  to: string;
}

function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => ({ from: file, to: resolve(dirname(file), name.replace(/\.js$/, '.ts')) }));
}

/** Why an import breaks the layers, or null. */
export function violation({ from, to }: Import): string | null {
  const a = unitOf(from);
  const b = unitOf(to);
  if (a === b) return null;
  const la = layerOf.get(a);
  const lb = layerOf.get(b);
  const at = `${relative(SRC, from)} imports ${relative(SRC, to)}`;
  if (la === undefined) return `${at}: src/${a} has no layer in test/architecture/layers.ts`;
  if (lb === undefined) return `${at}: src/${b} has no layer in test/architecture/layers.ts`;
  if (lb > la) return `${at}: ${a} may not import from ${b}, a higher layer`;
  if (lb === la) return `${at}: ${a} and ${b} are peers and may not import each other`;
  return null;
}

describe('the layers of src/', () => {
  const files = sourceFiles(SRC);

  it('should give every folder of src/ a layer', () => {
    const units = [...new Set(files.map(unitOf))].sort();
    expect(units.filter((u) => !layerOf.has(u))).toEqual([]);
  });

  it('should have every import point to its own folder or a lower layer', () => {
    const broken = files
      .flatMap(importsOf)
      .map(violation)
      .filter((v) => v !== null);
    expect(broken).toEqual([]);
  });

  it('should catch an import that reaches up or sideways', () => {
    const at = (path: string) => join(SRC, path);
    expect(violation({ from: at('router/route.ts'), to: at('supervision/deadlines.ts') })).toMatch(/router may not import from supervision/);
    expect(violation({ from: at('channels/email/inbound.ts'), to: at('workers/sweeper.ts') })).toMatch(/peers/);
    expect(violation({ from: at('intake/process.ts'), to: at('router/route.ts') })).toBeNull();
    expect(violation({ from: at('nowhere/file.ts'), to: at('core/log.ts') })).toMatch(/has no layer/);
  });
});
