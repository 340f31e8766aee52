/**
 * HTML mail is kept only sanitized (a pinned, well-kept sanitizer: no
 * scripts, event handlers, styles, frames or remote images), and its plain
 * text is made from the sanitized copy, so nothing executable reaches the
 * stored text either.
 */
import sanitizeHtml from 'sanitize-html';
import { convert } from 'html-to-text';

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'div',
    'span',
    'b',
    'strong',
    'i',
    'em',
    'u',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'td',
    'th',
    'a',
    'hr',
  ],
  allowedAttributes: { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'object', 'template'],
};

export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, POLICY);
}

/** Plain text of already sanitized HTML: paragraphs on lines of their own, link targets left out. */
export function htmlToPlainText(safeHtml: string): string {
  return convert(safeHtml, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  }).trim();
}
