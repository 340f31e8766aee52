import { describe, expect, it } from 'vitest';
import { escapeHtml, html, lines, scriptJson, trusted } from '../../src/core/markup.js';

const s = (m: { toString(): string }) => m.toString();

describe('escapeHtml', () => {
  it.each([
    ['an ampersand, even one that looks like an entity', 'A&B &amp; &#60;', 'A&#38;B &#38;amp; &#38;#60;'],
    ['angle brackets', '<b>x</b>', '&#60;b&#62;x&#60;/b&#62;'],
    ['both quotes', `"it's"`, '&#34;it&#39;s&#34;'],
    ['a closing script tag', '</script><script>alert(1)</script>', '&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;'],
    ['Chinese text and other characters', '翠湖社区 · 第一居民小组（3栋）\u00a0└ é', '翠湖社区 · 第一居民小组（3栋）\u00a0└ é'],
    ['a number', 42, '42'],
    ['null', null, ''],
    ['undefined', undefined, ''],
  ])('should escape %s', (_title, input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('html', () => {
  it('should escape every interpolation, in text and in quoted attributes', () => {
    const value = `" onmouseover="alert(1)`;
    const text = `</textarea><script>alert('x')</script>`;
    expect(s(html`<input value="${value}"><textarea>${text}</textarea>`)).toBe(
      '<input value="&#34; onmouseover=&#34;alert(1)"><textarea>&#60;/textarea&#62;&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;</textarea>',
    );
    expect(s(html`<a title='${"it's"}'>`)).toBe(`<a title='it&#39;s'>`);
  });

  it('should keep the template text as written', () => {
    expect(s(html`<p class="a">x & y</p>\n<br>`)).toBe('<p class="a">x & y</p>\n<br>');
    expect(s(html``)).toBe('');
  });

  it('should render null, undefined and false as nothing, and numbers as text', () => {
    const none: string | undefined = undefined;
    expect(s(html`<p>${null}|${none}|${false}|${0}|${''}|${1.5}</p>`)).toBe('<p>|||0||1.5</p>');
    const shown = false;
    expect(s(html`<div>${shown && html`<b>hidden</b>`}</div>`)).toBe('<div></div>');
  });

  it('should insert nested templates as markup, escaping their own interpolations once', () => {
    const name = '<A&B>';
    const inner = html`<strong>${name}</strong>`;
    expect(s(html`<p>${inner}</p>`)).toBe('<p><strong>&#60;A&#38;B&#62;</strong></p>');
    expect(s(html`<div>${html`<p>${html`<i>${'"'}</i>`}</p>`}</div>`)).toBe('<div><p><i>&#34;</i></p></div>');
  });

  it('should join arrays with nothing between, escaping strings and keeping markup, at any depth', () => {
    const items = ['<1>', '&2'].map((i) => html`<li>${i}</li>`);
    expect(s(html`<ol>${items}</ol>`)).toBe('<ol><li>&#60;1&#62;</li><li>&#38;2</li></ol>');
    expect(s(html`${['<a>', trusted('<b>'), [null, 'c"', [html`<d/>`]]]}`)).toBe('&#60;a&#62;<b>c&#34;<d/>');
    expect(s(html`<ul>${[]}</ul>`)).toBe('<ul></ul>');
  });

  it('should pass trusted text through as it is, and nothing else', () => {
    expect(s(html`${trusted('<?xml version="1.0"?>')}<svg/>`)).toBe('<?xml version="1.0"?><svg/>');
    // Something that only looks like markup is still text.
    const lookalike = { toString: () => '<b>' } as unknown as string;
    expect(s(html`${lookalike}`)).toBe('&#60;b&#62;');
  });
});

describe('lines', () => {
  it('should put each item on a line of its own, escaped like an interpolation', () => {
    expect(s(html`<select>\n${lines([html`<option>${'a&b'}</option>`, '<b>', null, html`<option>c</option>`])}</select>`)).toBe(
      '<select>\n<option>a&#38;b</option>\n&#60;b&#62;\n\n<option>c</option></select>',
    );
    expect(s(lines([]))).toBe('');
  });
});

describe('scriptJson', () => {
  it('should keep a data block closed whatever the strings hold, and parse back to the same value', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'line\u2028sep\u2029', d: `"'&`, n: [1, null] };
    const out = s(scriptJson(value));
    expect(out).not.toMatch(/<|\u2028|\u2029/);
    expect(JSON.parse(out)).toEqual(value);
    expect(s(html`<script type="application/json">${scriptJson(value)}</script>`)).toBe(`<script type="application/json">${out}</script>`);
  });

  it('should write undefined as null', () => {
    expect(s(scriptJson(undefined))).toBe('null');
  });
});
