// The expression evaluator: resolves `={{ … }}` parameter values in an isolated-vm isolate with
// n8n's semantics (template typing, extension functions, data proxy, error swallowing).
import type { ExpressionContext, ExpressionEvaluator, ExpressionLocation, ItemOutcome } from '../expression-context.ts';
import { ExpressionError } from '../expression-context.ts';
import { IsolateHost, isMemoryKill, isTimeout } from '../sandbox/isolate-host.ts';
import { createHostOps } from './host-ops.ts';
import { ExpressionRuntime } from './runtime.ts';
import { buildSource, isExpression, splitTemplate } from './template.ts';
import { fromIsolate } from './transfer.ts';

export interface ExpressionEvaluatorOptions {
  /** Longest a single expression may run, in ms. Default 1000. */
  timeoutMs?: number;
  /** Heap limit of the isolate, in MB (isolated-vm's minimum is 8). Default 128. */
  memoryLimitMb?: number;
}

export const EXPRESSION_DEFAULTS = { timeoutMs: 1000, memoryLimitMb: 128 } satisfies Required<ExpressionEvaluatorOptions>;

export interface WeftExpressionEvaluator extends ExpressionEvaluator {
  /** Evaluates one expression string (with its leading '='). */
  evaluate(expression: string, ctx: ExpressionContext, where: ExpressionLocation): unknown;
  resolveItems(value: unknown, ctx: ExpressionContext, where: ExpressionLocation, count: number): ItemOutcome[];
  /** Frees the isolate; the evaluator recreates it if used again. */
  dispose(): void;
}

/** An ExpressionError with n8n's extra fields (description, error type) when known. */
export class DetailedExpressionError extends ExpressionError {
  constructor(
    message: string,
    node: string,
    parameter: string,
    expression: string,
    itemIndex: number | undefined,
    readonly description?: string,
    readonly type?: string,
  ) {
    super(message, node, parameter, expression, itemIndex);
  }
}

interface Prepared {
  /** Set when the template has no code: its text is the value. */
  text?: string;
  source: string;
}

const MAX_PREPARED = 10_000;
const ERROR_PREFIX = '\u0001WEFT';

interface IsolateErrorInfo {
  name: string;
  message: string;
  description?: string;
  type?: string;
}

export function createExpressionEvaluator(options: ExpressionEvaluatorOptions = {}): WeftExpressionEvaluator {
  const { timeoutMs, memoryLimitMb } = { ...EXPRESSION_DEFAULTS, ...options };
  const host = new IsolateHost({ memoryLimitMb });
  const prepared = new Map<string, Prepared>();
  let current: ExpressionContext | undefined;

  function prepare(expression: string): Prepared {
    let p = prepared.get(expression);
    if (p) return p;
    if (/\.\s*constructor/.test(expression)) {
      throw Object.assign(new Error('Expression contains invalid constructor function call'), {
        description: 'Constructor override attempt is not allowed due to security concerns',
      });
    }
    const chunks = splitTemplate(expression.slice(1));
    p = chunks.some((c) => c.type === 'code')
      ? { source: buildSource(chunks) }
      : { text: chunks.map((c) => c.text).join(''), source: '' };
    if (prepared.size >= MAX_PREPARED) prepared.clear();
    prepared.set(expression, p);
    return p;
  }

  const runtime = new ExpressionRuntime(
    host,
    createHostOps({
      current: () => current!,
      prepare: (expression) => {
        const p = prepare(expression);
        return p.text !== undefined ? `(function () { return function () { return ${JSON.stringify(p.text)}; }; })()` : p.source;
      },
    }),
  );

  function fail(e: unknown, ctx: ExpressionContext, where: ExpressionLocation, expression: string): never {
    const make = (message: string, description?: string, type?: string) =>
      new DetailedExpressionError(message, ctx.node.name, where.parameter, expression, ctx.itemIndex, description, type);
    if (e instanceof ExpressionError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (message.startsWith(ERROR_PREFIX)) {
      const info = JSON.parse(message.slice(ERROR_PREFIX.length)) as IsolateErrorInfo;
      throw make(info.message, info.description, info.type);
    }
    if (isTimeout(e)) throw make(`Expression timed out after ${timeoutMs} ms`, 'Check the expression for endless loops', 'timeout');
    if (isMemoryKill(e, host)) {
      host.dispose();
      throw make(`Expression ran out of memory (limit ${memoryLimitMb} MB)`, 'The expression allocated too much memory and was stopped', 'memory_limit');
    }
    if (e instanceof Error && /SyntaxError/.test(`${e.name} ${message}`)) throw make('invalid syntax', message, 'syntax');
    const description = (e as { description?: string }).description;
    throw make(message, description);
  }

  function evaluate(expression: string, ctx: ExpressionContext, where: ExpressionLocation): unknown {
    try {
      const p = prepare(expression);
      if (p.text !== undefined) return p.text;
      current = ctx;
      return fromIsolate(runtime.run(p.source, ctx, timeoutMs));
    } catch (e) {
      return fail(e, ctx, where, expression);
    } finally {
      current = undefined;
    }
  }

  /** Copies `value` with each expression replaced by `leaf(expression, path)`, depth first. */
  function walk(value: unknown, path: string, leaf: (expression: string, path: string) => unknown): unknown {
    if (isExpression(value)) return leaf(value, path);
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`, leaf));
    if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, path ? `${path}.${k}` : k, leaf);
      return out;
    }
    return value;
  }

  /** What `compute` returns, or the error it throws, as one item's outcome. */
  function attempt(compute: () => unknown): ItemOutcome {
    try {
      return { value: compute() };
    } catch (error) {
      return { error };
    }
  }

  /** One expression over `count` items in one isolate call; item by item if the batch as a whole fails. */
  function evaluateItems(expression: string, ctx: ExpressionContext, where: ExpressionLocation, count: number): ItemOutcome[] {
    const at = (k: number): ExpressionContext => ({ ...ctx, itemIndex: ctx.itemIndex + k });
    try {
      const p = prepare(expression);
      if (p.text !== undefined) return Array.from({ length: count }, () => ({ value: p.text }));
      current = ctx;
      const entries = runtime.runBatch(p.source, ctx, count, timeoutMs);
      current = undefined;
      return entries.map((entry, k) => attempt(() => (entry.e === undefined ? fromIsolate(entry.v) : fail(new Error(entry.e), at(k), where, expression))));
    } catch {
      // A timeout, memory kill or bad syntax: each item then meets the error it would have alone.
      current = undefined;
      return Array.from({ length: count }, (_, k) => attempt(() => evaluate(expression, at(k), where)));
    }
  }

  /** Up to `count` items' outcomes (fewer when the expressions are slow; at least one). */
  function resolveItems(value: unknown, ctx: ExpressionContext, where: ExpressionLocation, count: number): ItemOutcome[] {
    const leaves: ItemOutcome[][] = [];
    let answered = count;
    walk(value, where.parameter, (expression, path) => {
      const results = evaluateItems(expression, ctx, { parameter: path }, answered);
      answered = results.length;
      leaves.push(results);
    });
    return Array.from({ length: answered }, (_, k): ItemOutcome => {
      // The item fails with its first failing expression, in the order `resolve` meets them.
      const failed = leaves.find((results) => results[k].error !== undefined);
      if (failed) return { error: failed[k].error };
      let next = 0;
      return { value: walk(value, where.parameter, () => leaves[next++][k].value) };
    });
  }

  return {
    evaluate,
    resolve: (value, ctx, where) => walk(value, where.parameter, (expression, path) => evaluate(expression, ctx, { parameter: path })),
    resolveItems,
    dispose: () => host.dispose(),
  };
}
