/**
 * Starts a worker thread on a module beside the caller: the compiled
 * JavaScript file when running from dist, else the TypeScript file loaded
 * through tsx (npm start, the tests). Used by the mail parse pool and the router's retraining.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** `callerUrl`: the caller's import.meta.url; `name`: the module's file name without extension, in the same folder. */
export function startModuleWorker(callerUrl: string, name: string): Worker {
  if (fileURLToPath(callerUrl).endsWith('.js')) return new Worker(new URL(`./${name}.js`, callerUrl));
  // tsx's ESM API (its package maps `require` to .cjs and `import` to .mjs beside it).
  const tsx = pathToFileURL(
    createRequire(callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  // An eval'd bootstrap registers tsx's loader in the thread, then imports the TypeScript entry.
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}
