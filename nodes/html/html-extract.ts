// Extracting values from HTML with CSS selectors (n8n's HTML node, extractHtmlContent).
import * as cheerio from 'cheerio';
import { convert, type HtmlToTextOptions } from 'html-to-text';

export interface ExtractionValue {
  key: string;
  cssSelector: string;
  returnValue: string;
  attribute?: string;
  skipSelectors?: string;
  returnArray?: boolean;
}

export interface ExtractOptions {
  trimValues?: boolean;
  cleanUpText?: boolean;
}

type Selection = ReturnType<cheerio.CheerioAPI>;

/**
 * Text as HTML node v1.2 renders it: html-to-text (the library and defaults n8n uses, so block
 * breaks, upper-case headings, `[link]` targets and 80-column wrapping match) over the inner HTML
 * of the first match, leaving out the elements the comma-separated `skipSelectors` name.
 */
function renderedText(selection: Selection, skipSelectors: string | undefined): string {
  let options: HtmlToTextOptions | undefined;
  if (skipSelectors) {
    options = { selectors: skipSelectors.split(',').map((selector) => ({ selector: selector.trim(), format: 'skip' })) };
  }
  return convert(selection.html() || '', options);
}

function rawValue(selection: Selection, value: ExtractionValue, version: number): unknown {
  switch (value.returnValue) {
    case 'attribute':
      // No attribute name gives every attribute as an object, as cheerio (and so n8n) does.
      return selection.attr(value.attribute ?? '');
    case 'html':
      return selection.html() || undefined;
    case 'text':
      return version <= 1.1 ? selection.text() || undefined : renderedText(selection, value.skipSelectors);
    case 'value': {
      const found = selection.val();
      return Array.isArray(found) ? found.join(',') : found;
    }
    default:
      throw new Error(`The return value "${value.returnValue}" is not known`);
  }
}

/** One extracted value with the trim/clean-up options applied; undefined when nothing matched. */
export function extractedValue(selection: Selection, value: ExtractionValue, options: ExtractOptions, version = 1.1): unknown {
  const raw = rawValue(selection, value, version);
  if (typeof raw !== 'string') return raw;
  let result = raw;
  if (options.trimValues) result = result.trim();
  if (options.cleanUpText) {
    // Line breaks are dropped, not turned into spaces: n8n joins wrapped lines and paragraphs.
    result = result.replace(/^\s+|\s+$/g, '').replace(/(\r\n|\n|\r)/gm, '').replace(/\s+/g, ' ');
  }
  return result;
}

/** The item json holding every extraction value's result for one HTML document. */
export function extractFromHtml(html: string, values: ExtractionValue[], options: ExtractOptions, version = 1.1): Record<string, unknown> {
  const $ = cheerio.load(html);
  const json: Record<string, unknown> = {};
  for (const value of values) {
    const selection = $(value.cssSelector);
    if (value.returnArray) {
      const list: unknown[] = [];
      selection.each((_, element) => {
        list.push(extractedValue($(element), value, options, version));
      });
      json[value.key] = list;
    } else {
      json[value.key] = extractedValue(selection, value, options, version);
    }
  }
  return json;
}
