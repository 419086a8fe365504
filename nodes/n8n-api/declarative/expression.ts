// Expressions in declarative descriptions and credential types (`={{ $credentials.token }}`,
// `={{ $value }}`, `={{ $response.body.next }}`): n8n's template syntax evaluated in an
// isolated-vm isolate, with the `$` variables handed in as copied data. Used when the running node
// brings no evaluator of its own; user text never runs in the host.
import ivm from 'isolated-vm';
import { isExpression, splitTemplate, isWholeValue } from '../../../engine/index.ts';

export interface SandboxEvaluator {
  /** Resolves a value: '='-strings are expressions, objects and arrays are walked, the rest kept. */
  resolve(value: unknown, vars: Record<string, unknown>): unknown;
  dispose(): void;
}

const TIMEOUT_MS = 1000;

/** JSON-safe copy of the variables (functions and buffers do not cross into the isolate). */
function toTransferable(vars: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(vars, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : Buffer.isBuffer(v) ? v.toString('base64') : v)) ?? '{}');
}

export function createSandboxEvaluator(): SandboxEvaluator {
  let isolate: ivm.Isolate | undefined;
  let context: ivm.Context | undefined;
  const scripts = new Map<string, ivm.Script>();

  function ensure(): { iso: ivm.Isolate; ctx: ivm.Context } {
    if (!isolate || isolate.isDisposed || !context) {
      isolate = new ivm.Isolate({ memoryLimit: 32 });
      context = isolate.createContextSync();
      scripts.clear();
    }
    return { iso: isolate, ctx: context };
  }

  function run(code: string, vars: Record<string, unknown>): unknown {
    const { iso, ctx } = ensure();
    ctx.global.setSync('__vars', new ivm.ExternalCopy(toTransferable(vars)).copyInto());
    let script = scripts.get(code);
    if (!script) {
      // `with` gives every `$name` handed in; the result goes back through JSON so it is plain data.
      const source = `(function () { with (__vars) { const __r = (${code}\n); return __r === undefined ? '__undefined__' : JSON.stringify(__r); } })()`;
      script = iso.compileScriptSync(source);
      scripts.set(code, script);
    }
    const out = script.runSync(ctx, { timeout: TIMEOUT_MS }) as string;
    return out === '__undefined__' ? undefined : JSON.parse(out);
  }

  function resolveString(text: string, vars: Record<string, unknown>): unknown {
    const chunks = splitTemplate(text.slice(1));
    if (isWholeValue(chunks)) return run(chunks[1].text, vars);
    return chunks
      .map((c) => {
        if (c.type === 'text') return c.text;
        const v = run(c.text, vars);
        if (v === undefined || v === null) return '';
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
      })
      .join('');
  }

  function resolve(value: unknown, vars: Record<string, unknown>): unknown {
    if (isExpression(value)) return resolveString(value, vars);
    if (Array.isArray(value)) return value.map((v) => resolve(v, vars));
    if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, vars)]));
    }
    return value;
  }

  return {
    resolve,
    dispose() {
      if (isolate && !isolate.isDisposed) isolate.dispose();
      isolate = undefined;
      context = undefined;
    },
  };
}
