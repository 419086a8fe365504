// The markup users may put in a form (Custom HTML elements, the form description): cleaned with
// sanitize-html to the tags and attributes n8n allows, so no script, style, handler or form control
// gets through. Frames are sandboxed. Custom CSS keeps its text only.
import sanitize from 'sanitize-html';

const ALLOWED_TAGS = [
  'a', 'b', 'br', 'code', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'iframe', 'img', 'li', 'ol', 'p', 'pre',
  'source', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul', 'video',
];

const TABLE_CELL = ['colspan', 'rowspan', 'scope', 'headers'];

export function sanitizeFormHtml(html: string): string {
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'target', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      video: ['controls', 'autoplay', 'loop', 'muted', 'poster', 'width', 'height'],
      iframe: ['src', 'width', 'height', 'frameborder', 'allow', 'allowfullscreen', 'referrerpolicy', 'sandbox'],
      source: ['src', 'type'],
      td: TABLE_CELL,
      th: TABLE_CELL,
    },
    // An empty sandbox is the strictest one: it must survive the empty-attribute cleanup.
    allowedEmptyAttributes: ['alt', 'sandbox'],
    allowedSchemes: ['https', 'http'],
    allowProtocolRelative: false,
    transformTags: {
      // An embedded page runs with no rights over this one.
      iframe: sanitize.simpleTransform('iframe', { sandbox: '', referrerpolicy: 'strict-origin-when-cross-origin' }),
    },
    // allowedEmptyAttributes is missing from @types/sanitize-html 2.16.
  } as sanitize.IOptions);
}

/** Custom CSS: markup is dropped; `<` is escaped so the text cannot close its <style> block. */
export function sanitizeFormCss(css: string): string {
  return sanitize(css, { allowedTags: [], allowedAttributes: {} })
    .replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/</g, '\\3c ');
}
