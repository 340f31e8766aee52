/**
 * The one way to build HTML, SVG and XML from strings: the `html` tagged template. Every interpolated
 * value is escaped unless it is Markup already (another `html` template, or a string marked `trusted` on
 * purpose); arrays are joined with nothing between them (`lines` puts each on a line of its own); null,
 * undefined and false give nothing, so `${cond && html`…`}` works. Attribute values must be quoted in the
 * template (`value="${v}"`).
 *
 * Our own rather than a library: the candidates are JSX runtimes (@kitajs/html), client-side renderers
 * (lit-html) or little-used tags (escape-html-template-tag, html-template-tag) for what is these few lines.
 */

/** Text safe to place in a document as it is. Made only by the functions below. */
class Markup {
  constructor(private readonly text: string) {}
  toString(): string {
    return this.text;
  }
}
export type { Markup };

export type Interpolation = string | number | Markup | null | undefined | false | readonly Interpolation[];

/**
 * `v` as text for HTML or XML content and quoted attributes: & < > " ' become numeric character
 * references (valid in both, unlike &apos; in old HTML); null and undefined become ''.
 */
export function escapeHtml(v: string | number | null | undefined): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(v: Interpolation): string {
  if (v instanceof Markup) return v.toString();
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(v as string | number);
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Markup(out);
}

/** The items one to a line (joined with "\n"), each rendered as an interpolation of `html`. */
export function lines(items: readonly Interpolation[]): Markup {
  return new Markup(items.map(render).join('\n'));
}

/** A string that is markup already and must not be escaped (e.g. a prolog); never anything a user wrote. */
export function trusted(text: string): Markup {
  return new Markup(text);
}

/**
 * A value as JSON for a `<script type="application/json">` data block: "<" is written as \u003c so
 * neither "</script>" nor "<!--" can end or change the block, and U+2028/U+2029 as escapes.
 */
export function scriptJson(v: unknown): Markup {
  const json = JSON.stringify(v) ?? 'null';
  return new Markup(
    json
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
