/**
 * The CJK font printed cards need (PNG and PDF; the SVG names the font and
 * leaves it to the viewer). Debian's fonts-noto-cjk by default. Without it the
 * gateway runs as usual and only those two formats answer 503, saying why.
 */
import { existsSync } from 'node:fs';

export interface CjkFont {
  path: string;
  /** The face to take from a font collection (.ttc); ignored for single fonts. */
  postscriptName: string;
}

export interface CjkFonts {
  /** The family name SVGs ask for, as the font file calls itself. */
  family: string;
  regular: CjkFont;
  bold: CjkFont;
}

export class FontUnavailableError extends Error {
  constructor(readonly path: string) {
    super(`the CJK font for printed cards is missing (${path}): install Debian's fonts-noto-cjk or set CJK_FONT_PATH`);
    this.name = 'FontUnavailableError';
  }
}

/** The regular face at `path` and, beside it, its bold face when there is one. */
export function cjkFonts(path: string): CjkFonts {
  if (!existsSync(path)) throw new FontUnavailableError(path);
  const regular = { path, postscriptName: 'NotoSansCJKsc-Regular' };
  const boldPath = path.replace(/Regular(?=[^/]*$)/, 'Bold');
  const bold = boldPath !== path && existsSync(boldPath) ? { path: boldPath, postscriptName: 'NotoSansCJKsc-Bold' } : regular;
  return { family: 'Noto Sans CJK SC', regular, bold };
}
