// The host side of the isolate's data proxy: one callback answering small questions about the
// current context (`input`, `locate`, `items`, `paired`, …). Answers are plain data, copied in.
import { createHash } from 'node:crypto';
import type { ExpressionContext } from '../expression-context.ts';
import type { JsonObject } from '../node-sdk.ts';
import { DataLookupError, toPayload } from './host-error.ts';
import { connectionInput, itemsOf, locateForAccessor, locateOutput, nodeExists, nodeMissing, outputKey, parseOutputKey } from './node-data.ts';
import { resolvePairedItem } from './paired-item.ts';
import { getCustomData, setAllCustomData, setCustomData, type CrossedKey, type CrossedValue } from '../execution-custom-data.ts';

export type HostOp = (op: string, a?: unknown, b?: unknown, c?: unknown, d?: unknown) => unknown;

const HASH_ALGORITHMS: Record<string, string> = {
  md5: 'md5', sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', sha3: 'sha3-512',
};

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export interface HostOpsDeps {
  /** The context of the evaluation in progress. */
  current(): ExpressionContext;
  /** Turns a nested expression (`$parameter.x` holding `={{…}}`) into isolate source. */
  prepare(expression: string): string;
}

export function createHostOps(deps: HostOpsDeps): HostOp {
  function answer(op: string, a: unknown, b: unknown, c: unknown, d: unknown): unknown {
    const ctx = deps.current();
    switch (op) {
      case 'input':
        return connectionInput(ctx).items;
      case 'inputWindow': {
        // Per-item access ($json, $input.item) asks for a slice: a run of a million items must not
        // copy all of them into the isolate for `$json.i`.
        const items = connectionInput(ctx).items;
        const start = num(a) ?? 0;
        return { start, length: items.length, items: items.slice(start, start + (num(b) ?? 0)) };
      }
      case 'items':
        return itemsOf(ctx, parseOutputKey(String(a)));
      case 'locate': {
        const name = String(a);
        const ref =
          d === 'dollar' ? locateForAccessor(ctx, name, num(b), num(c))
          : d === 'items' ? locateOutput(ctx, name, num(b) ?? 0, num(c))
          : locateOutput(ctx, name, num(b), num(c));
        return { key: outputKey(ref) };
      }
      case 'paired':
        return resolvePairedItem(ctx, String(a), Number(b), String(c));
      case 'node': {
        const name = String(a);
        if (!nodeExists(ctx, name)) throw nodeMissing();
        const node = ctx.workflow.nodes.find((n) => n.name === name)!;
        const runs = ctx.runData[name];
        return { params: node.parameters ?? {}, executed: runs !== undefined, runIndex: runs ? runs.length - 1 : -1 };
      }
      case 'context': {
        // Read at each access, not cached: the node's state changes between runs (loops).
        const name = String(a);
        if (!nodeExists(ctx, name)) throw nodeMissing();
        const data = ctx.contextData?.[`node:${name}`] ?? {};
        return b === undefined ? data : Object.hasOwn(data, String(b)) ? data[String(b)] : undefined;
      }
      case 'customData':
        return customData(ctx, String(a), b, c);
      case 'staticData':
        return staticData(ctx, String(a), String(b), c);
      case 'prepare':
        return deps.prepare(String(a));
      case 'hash':
        return createHash(HASH_ALGORITHMS[String(a)]).update(String(b)).digest('hex');
      case 'b64enc':
        return Buffer.from(String(a), 'utf8').toString('base64');
      case 'b64dec':
        return Buffer.from(String(a), 'base64').toString('utf8');
      default:
        throw new DataLookupError(`Unknown data request '${op}'`);
    }
  }
  return (op, a, b, c, d) => {
    try {
      return answer(op, a, b, c, d);
    } catch (e) {
      if (e instanceof DataLookupError) return toPayload(e);
      return toPayload(new DataLookupError(e instanceof Error ? e.message : String(e)));
    }
  };
}

/** `$execution.customData`: the run's own map, so a later node (or a resumed run) sees what was set. */
function customData(ctx: ExpressionContext, action: string, a: unknown, b: unknown): unknown {
  const data = ctx.customData;
  if (!data) throw new DataLookupError('Custom data is only available while a workflow runs');
  const manual = ctx.execution.mode === 'manual';
  switch (action) {
    case 'set':
      setCustomData(data, a as CrossedKey, b as CrossedValue, manual);
      return undefined;
    case 'setAll':
      setAllCustomData(data, a as [string, CrossedValue][], manual);
      return undefined;
    case 'get':
      return getCustomData(data, a);
    default:
      return { ...data };
  }
}

/**
 * `$getWorkflowStaticData` in code: a scope of the run's static data is copied in ('get'), and what
 * the code left in it is written back as JSON when the code ends ('put').
 */
function staticData(ctx: ExpressionContext, action: string, scope: string, json: unknown): unknown {
  const data = ctx.staticData;
  if (!data) throw new DataLookupError('Static data is only available while a workflow runs');
  const key = scope === 'global' ? 'global' : `node:${ctx.node.name}`;
  if (action === 'put') {
    data[key] = JSON.parse(String(json)) as JsonObject;
    return undefined;
  }
  const current = data[key];
  return current !== null && typeof current === 'object' && !Array.isArray(current) ? current : {};
}
