// The plain values and functions community packages take from `n8n-workflow` at run time:
// connection type names, JSON helpers, sleep, the logger proxy. Behaviour follows n8n's documented
// semantics; the code is Weft's own.
import { deepCopy as domainDeepCopy } from '../../../domain/index.ts';
import { ApplicationError } from './errors.ts';

export const BINARY_ENCODING = 'base64';

/** n8n's connection types: `main` plus the AI ones (ai_tool, ai_languageModel, …). */
export const NodeConnectionTypes = Object.freeze({
  AiAgent: 'ai_agent',
  AiChain: 'ai_chain',
  AiDocument: 'ai_document',
  AiEmbedding: 'ai_embedding',
  AiLanguageModel: 'ai_languageModel',
  AiMemory: 'ai_memory',
  AiOutputParser: 'ai_outputParser',
  AiRetriever: 'ai_retriever',
  AiReranker: 'ai_reranker',
  AiTextSplitter: 'ai_textSplitter',
  AiTool: 'ai_tool',
  AiVectorStore: 'ai_vectorStore',
  Main: 'main',
} as const);
/** Older packages use the enum name (`NodeConnectionType.Main`); same values. */
export const NodeConnectionType = NodeConnectionTypes;

export function deepCopy<T>(value: T): T {
  return domainDeepCopy(value);
}

/** n8n's jsonParse: JSON.parse with an optional fallback and a custom error message. */
export function jsonParse<T = unknown>(text: string, options: { acceptJSObject?: boolean; errorMessage?: string; fallbackValue?: T } = {}): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    if (options.acceptJSObject) {
      try {
        // Unquoted keys and single quotes, as n8n's acceptJSObject allows.
        const fixed = text.replace(/'([^'\\]*)'/g, '"$1"').replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":');
        return JSON.parse(fixed) as T;
      } catch { /* fall through */ }
    }
    if (options.fallbackValue !== undefined) return options.fallbackValue;
    if (options.errorMessage) throw new ApplicationError(options.errorMessage);
    throw error;
  }
}

/** n8n's jsonStringify: JSON with circular references replaced instead of throwing. */
export function jsonStringify(value: unknown, options: { replaceCircularRefs?: boolean } = {}): string {
  if (!options.replaceCircularRefs) return JSON.stringify(value);
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '[Circular Reference]';
      seen.add(v);
    }
    return v;
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isObjectEmpty(value: object | null | undefined): boolean {
  return value === null || value === undefined || Object.keys(value).length === 0;
}

export function randomString(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

/** n8n's removeCircularRefs: mutates `obj`, replacing repeats with a marker. */
export function removeCircularRefs(obj: Record<string, unknown>, seen = new Set<unknown>()): void {
  seen.add(obj);
  for (const [key, value] of Object.entries(obj)) {
    if (value && typeof value === 'object') {
      if (seen.has(value)) obj[key] = { circularReference: true };
      else removeCircularRefs(value as Record<string, unknown>, new Set(seen));
    }
  }
}

type LogFn = (message: string, meta?: object) => void;
export interface Logger { error: LogFn; warn: LogFn; info: LogFn; debug: LogFn; verbose: LogFn }

/** n8n's LoggerProxy: a module-level logger packages call directly; quiet until one is set. */
let current: Logger | undefined;
const forward = (level: keyof Logger): LogFn => (message, meta) => current?.[level](message, meta);
export const LoggerProxy = {
  init(logger: Logger) { current = logger; },
  error: forward('error'),
  warn: forward('warn'),
  info: forward('info'),
  debug: forward('debug'),
  verbose: forward('verbose'),
};

/** n8n's NodeHelpers subset packages call: parameter-path helpers are not exposed. */
export const NodeHelpers = {
  /** Default values of the properties, as a flat object (packages use it to pre-fill parameters). */
  getNodeParameters(properties: Array<{ name: string; default: unknown }>): Record<string, unknown> {
    return Object.fromEntries(properties.map((p) => [p.name, deepCopy(p.default)]));
  },
};
