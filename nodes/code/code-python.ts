// The Code node's Python: "Python (Beta)" (n8n's Pyodide sandbox: the JavaScript globals with `$`
// renamed `_`, JS objects seen as proxies) and "Python (Native)" (n8n 2.x's native runner: `_items`
// and `_item` as plain dicts). Both run in the engine's Python sandbox; their results follow n8n's
// rules for Python, worded with "dictionary".
import { type ExecuteContext, type Item, type PythonLanguage, type PythonRunContext } from '../../engine/index.ts';
import { codeFailure, codeNodeError } from './code-errors.ts';
import { itemFromEachItemResult, itemsFromAllItemsResult, PYTHON_WORDS } from './code-result.ts';

type Mode = 'runOnceForAllItems' | 'runOnceForEachItem';

function tryEvaluate(ctx: ExecuteContext, expression: string, fallback: unknown): unknown {
  try {
    return ctx.evaluateExpression(expression, 0);
  } catch {
    return fallback;
  }
}

/** Values of the Beta globals, read once per node run through the expression engine. */
function betaContext(ctx: ExecuteContext): PythonRunContext {
  const env = tryEvaluate(ctx, '{{ $env }}', undefined);
  return {
    workflow: ctx.workflow,
    execution: tryEvaluate(ctx, '{{ ({ id: $execution.id, mode: $execution.mode, resumeUrl: $execution.resumeUrl }) }}', { id: ctx.executionId }),
    prevNode: tryEvaluate(ctx, '{{ $prevNode }}', {}),
    runIndex: ctx.runIndex,
    vars: tryEvaluate(ctx, '{{ $vars }}', {}),
    // As n8n: `_env` exists only where environment access is allowed.
    ...(env && typeof env === 'object' ? { env } : {}),
    mode: ctx.mode,
    timezone: ctx.timezone,
  };
}

/** Runs the code in the run's Python sandbox, which sends what it prints to the run's console output. */
async function runPython(ctx: ExecuteContext, language: PythonLanguage, mode: Mode, code: string, itemIndex: number, context?: PythonRunContext): Promise<unknown> {
  if (!ctx.runPython) throw new Error('Python cannot run here');
  return await ctx.runPython({
    code,
    language,
    mode,
    items: ctx.getInputData(),
    itemIndex,
    context,
    resolve: (expression, index) => ctx.evaluateExpression(expression, index),
  });
}

async function betaForAllItems(ctx: ExecuteContext, code: string): Promise<Item[]> {
  try {
    return itemsFromAllItemsResult(await runPython(ctx, 'python', 'runOnceForAllItems', code, 0, betaContext(ctx)), PYTHON_WORDS);
  } catch (error) {
    if (!ctx.continueOnFail()) throw codeNodeError(ctx.node.name, error);
    return [{ json: { error: codeFailure(error).message } }];
  }
}

async function betaForEachItem(ctx: ExecuteContext, code: string): Promise<Item[]> {
  const output: Item[] = [];
  const context = betaContext(ctx);
  const count = ctx.getInputData().length;
  for (let index = 0; index < count; index++) {
    try {
      const item = itemFromEachItemResult(await runPython(ctx, 'python', 'runOnceForEachItem', code, index, context), index, PYTHON_WORDS);
      if (item) output.push(item);
    } catch (error) {
      if (!ctx.continueOnFail()) throw codeNodeError(ctx.node.name, error, index);
      output.push({ json: { error: codeFailure(error, index).message }, pairedItem: { item: index } });
    }
  }
  return output;
}

/** n8n's native runner runs every item in one task and tags each result with its item's index. */
function nativeEachItemResults(result: unknown): Item[] {
  const list = Array.isArray(result) ? (result as Array<Record<string, unknown>>) : [];
  const output: Item[] = [];
  for (const entry of list) {
    const { pairedItem, ...rest } = entry;
    const index = (pairedItem as { item: number }).item;
    const item = itemFromEachItemResult(rest, index, PYTHON_WORDS);
    if (item) output.push(item);
  }
  return output;
}

async function native(ctx: ExecuteContext, code: string, mode: Mode): Promise<Item[]> {
  try {
    const result = await runPython(ctx, 'pythonNative', mode, code, 0);
    if (mode === 'runOnceForEachItem') return nativeEachItemResults(result);
    // The native runner answers `None` with no items.
    return itemsFromAllItemsResult(result ?? [], PYTHON_WORDS);
  } catch (error) {
    // As n8n's native runner: with "continue", one error item for the whole run.
    if (!ctx.continueOnFail()) throw codeNodeError(ctx.node.name, error);
    return [{ json: { error: codeFailure(error).message } }];
  }
}

/** Runs the node's `pythonCode` in the given language and mode. */
export async function executePython(ctx: ExecuteContext, language: PythonLanguage, mode: Mode, code: string): Promise<Item[]> {
  if (language === 'pythonNative') return native(ctx, code, mode);
  return mode === 'runOnceForEachItem' ? betaForEachItem(ctx, code) : betaForAllItems(ctx, code);
}
