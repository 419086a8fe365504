// XML ↔ JSON conversion with the xml2js settings n8n's XML node uses (its defaults differ from xml2js's).
import { Builder, Parser } from 'xml2js';

/** n8n overrides two xml2js parser defaults; user options win over both. */
const PARSER_DEFAULTS = { mergeAttrs: true, explicitArray: false };

export async function xmlToJson(xml: string, options: Record<string, unknown> = {}): Promise<unknown> {
  const parser = new Parser({ ...PARSER_DEFAULTS, ...options });
  return parser.parseStringPromise(xml);
}

export function jsonToXml(json: Record<string, unknown>, options: Record<string, unknown> = {}): string {
  return new Builder(options).buildObject(json);
}
