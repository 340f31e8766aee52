/**
 * Builds the staff console (console/ → dist/console) when its sources changed:
 * a hash of every file under console/ and of package-lock.json is kept beside
 * the output, and a build whose hash matches is skipped. Run before `npm start`
 * (prestart), by the test run's global setup, and as `npm run console:build`
 * (`-- --force` rebuilds whatever the hash says).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CONSOLE_SOURCE_DIR = join(ROOT, 'console');
export const CONSOLE_OUTPUT_DIR = join(ROOT, 'dist', 'console');
const HASH_FILE = join(CONSOLE_OUTPUT_DIR, '.source-hash');

/** A hash of the console's sources and the locked dependency versions, in a stable order. */
export async function consoleSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(CONSOLE_SOURCE_DIR, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, join(ROOT, 'package-lock.json')]) {
    hash
      .update(relative(ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
}

async function builtHash(): Promise<string | null> {
  try {
    await readFile(join(CONSOLE_OUTPUT_DIR, 'index.html'));
    return (await readFile(HASH_FILE, 'utf8')).trim();
  } catch {
    return null;
  }
}

/** Builds the console unless the output was built from these very sources; says which it did. */
export async function ensureConsoleBuilt(options: { force?: boolean } = {}): Promise<'built' | 'unchanged'> {
  const hash = await consoleSourceHash();
  if (!options.force && (await builtHash()) === hash) return 'unchanged';
  const { build } = await import('vite');
  // Vite and the React plugin choose React's development build (and its JSX runtime) from NODE_ENV: the test
  // run's is "test", and npm start would later serve that build under the same hash. A build is production's.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(CONSOLE_SOURCE_DIR, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await writeFile(HASH_FILE, `${hash}\n`);
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const outcome = await ensureConsoleBuilt({ force: process.argv.includes('--force') });
  console.log(
    `console ${outcome === 'built' ? 'built' : 'up to date'} in ${relative(ROOT, CONSOLE_OUTPUT_DIR)} (${Math.round(performance.now() - started)} ms)`,
  );
}
