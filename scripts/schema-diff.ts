/**
 * Migration SQL from Prisma's own schema engine, offline, for
 * `npm run db:migration` (scripts/new-migration.ts): a development tool,
 * never loaded by the gateway.
 *
 * The Prisma CLI downloads a native schema engine that these machines cannot
 * fetch, so `prisma migrate dev` is unavailable. The engine also ships as
 * WebAssembly (@prisma/schema-engine-wasm); its `diff` between two schema
 * texts is exactly what `prisma migrate diff` prints. This is an internal
 * Prisma API: it lives in this one module, and test/store/migrations.test.ts
 * (the committed migrations must equal the diff of the schema) fails loudly if
 * an upgrade changes it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

// @types/node does not declare the WebAssembly global; this is the part used here.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

type Glue = Record<string, unknown> & {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
  SchemaEngine: {
    new: (options: unknown, log: (line: string) => void, adapter: unknown) => Promise<Engine>;
  };
};
type DiffTarget = { tag: 'empty' } | { tag: 'schemaDatamodel'; files: { path: string; content: string }[] };
interface Engine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
}

let glueLoaded: Promise<Glue> | null = null;

/** The glue module is a singleton holding views of one wasm memory: instantiate it once per process. */
function loadEngineGlue(): Promise<Glue> {
  glueLoaded ??= instantiateEngine();
  return glueLoaded;
}

async function instantiateEngine(): Promise<Glue> {
  const glueUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = (await import(glueUrl)) as Glue;
  const bytes = await readFile(fileURLToPath(glueUrl).replace(/\.js$/, '.wasm'));
  // The wasm module imports its JS glue under the glue's own file name.
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * The SQL that takes a database from schema `from` (null: empty) to schema `to`.
 * The engine insists on a reachable database; it does not read or change it.
 */
export async function diffSchemas(from: string | null, to: string, connectionString: string): Promise<string> {
  const glue = await loadEngineGlue();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const engine = await glue.SchemaEngine.new({ datamodels: [['schema.prisma', to]] }, () => {}, adapter);
  const target = (content: string): DiffTarget => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] });
  const result = await engine.diff({
    from: from === null ? { tag: 'empty' } : target(from),
    to: target(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? '';
}
