/**
 * The pages' style and scripts: the files in ./assets, read once at start-up and served
 * (routes.ts) under /assets/ with a name carrying their content's hash, so they may be cached
 * for good and a changed file is a new address. Never inline: the pages' Content-Security-Policy
 * allows scripts and styles from this origin only.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const TYPES = { css: 'text/css', js: 'text/javascript' } as const;
const NAMES = ['window.css', 'lang.js', 'window.js'] as const;
export type AssetName = (typeof NAMES)[number];

export interface PageAsset {
  /** The name it is served under: `window.<hash>.css`. */
  file: string;
  type: string;
  body: string;
}

export const PAGE_ASSETS: ReadonlyMap<AssetName, PageAsset> = new Map(
  NAMES.map((name) => {
    const body = readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const ext = name.slice(name.lastIndexOf('.') + 1) as keyof typeof TYPES;
    return [name, { file: name.replace('.', `.${hash}.`), type: `${TYPES[ext]}; charset=utf-8`, body }];
  }),
);

export function assetHref(name: AssetName): string {
  return `/assets/${PAGE_ASSETS.get(name)!.file}`;
}
