// Extracting values from HTML with CSS selectors (n8n's HTML node, extractHtmlContent).
import * as cheerio from 'cheerio';

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

function rawValue(selection: Selection, value: ExtractionValue): string | string[] | undefined {
  switch (value.returnValue) {
    case 'attribute':
      return selection.attr(value.attribute ?? '');
    case 'html':
      return selection.html() || undefined;
    case 'text':
      return selection.text() || undefined;
    case 'value':
      return selection.val();
    default:
      throw new Error(`The return value "${value.returnValue}" is not known`);
  }
}

/** One extracted value with the trim/clean-up options applied; undefined when nothing matched. */
export function extractedValue(selection: Selection, value: ExtractionValue, options: ExtractOptions): string | string[] | undefined {
  let result = rawValue(selection, value);
  // A multiple <select> yields a list, left as is.
  if (result === undefined || typeof result !== 'string') return result;
  if (options.trimValues) result = result.trim();
  if (options.cleanUpText) {
    result = result.replace(/^\s+|\s+$/g, '').replace(/(\r\n|\n|\r)/gm, '').replace(/\s+/g, ' ');
  }
  return result;
}

/** The item json holding every extraction value's result for one HTML document. */
export function extractFromHtml(html: string, values: ExtractionValue[], options: ExtractOptions): Record<string, unknown> {
  const $ = cheerio.load(html);
  const json: Record<string, unknown> = {};
  for (const value of values) {
    const selection = $(value.cssSelector);
    if (value.returnArray) {
      const list: unknown[] = [];
      selection.each((_, element) => {
        list.push(extractedValue($(element), value, options));
      });
      json[value.key] = list;
    } else {
      json[value.key] = extractedValue(selection, value, options);
    }
  }
  return json;
}
