// Evaluating an ad-hoc expression for an item (n8n's evaluateExpression), for nodes that
// resolve `{{ }}` snippets inside raw text themselves (Set's JSON mode).
import type { ExecuteContext } from '../../engine/index.ts';

interface ExpressionCapable {
  evaluateExpression?: (expression: string, itemIndex: number) => unknown;
}

const PROBE_PARAMETER = '__weftAdHocExpression';

/**
 * The value of `expression` (text with `{{ }}` parts, without the leading '=') for one item.
 * Uses the engine's `evaluateExpression` when offered; otherwise asks for an absent parameter
 * with the expression as its fallback, which n8n-style engines resolve like a stored value.
 */
export function evaluateExpression(ctx: ExecuteContext, expression: string, itemIndex: number): unknown {
  const capable = ctx as ExecuteContext & ExpressionCapable;
  if (typeof capable.evaluateExpression === 'function') return capable.evaluateExpression(expression, itemIndex);
  return ctx.getNodeParameter(PROBE_PARAMETER, itemIndex, `=${expression}`);
}

/** Every `{{ … }}` segment of a template, in order (n8n's getResolvables). */
export function getResolvables(text: string): string[] {
  if (!text) return [];
  return [...text.matchAll(/({{[\s\S]*?}})/g)].map((match) => match[1]);
}

/**
 * n8n's resolveRawData: each `{{ }}` segment replaced by its value, objects as JSON, so JSON
 * text with embedded expressions stays JSON.
 */
export function resolveRawData(ctx: ExecuteContext, raw: string, itemIndex: number): string {
  let result = raw;
  for (const resolvable of getResolvables(raw)) {
    const value = evaluateExpression(ctx, resolvable, itemIndex);
    const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    result = result.replace(resolvable, text);
  }
  return result;
}
