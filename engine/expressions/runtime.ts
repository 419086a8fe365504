// The expression side of the isolate: one long-lived context holding compiled expressions and
// the current node run's state. Dropped and rebuilt whenever the isolate is replaced.
import type { ExpressionContext } from '../expression-context.ts';
import type { Item } from '../node-sdk.ts';
import type { TaskSource } from '../run-data.ts';
import { ivm, type HostCallback, type IsolateHost } from '../sandbox/isolate-host.ts';
import { connectionInput } from './node-data.ts';

/** Compiled expressions kept per context; past this the context is rebuilt to free them. */
const MAX_COMPILED = 20_000;

/** What the isolate caches per node run; a change in any of these starts a new state. */
interface Snapshot {
  node: unknown;
  nodeName: string;
  inputs: Item[][];
  source: (TaskSource | null)[];
  runIndex: number;
  runData: unknown;
  pinData: unknown;
  workflow: unknown;
  execution: string;
  vars: unknown;
  env: unknown;
  timezone: string;
  fromAI: unknown;
}

const sameList = <T>(a: T[], b: T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function snapshot(ctx: ExpressionContext): Snapshot {
  return {
    node: ctx.node,
    nodeName: ctx.node.name,
    inputs: [...ctx.inputItems],
    source: [...ctx.source],
    runIndex: ctx.runIndex,
    runData: ctx.runData,
    pinData: ctx.pinData,
    workflow: ctx.workflow,
    execution: executionKey(ctx),
    vars: ctx.vars,
    env: ctx.env,
    timezone: ctx.timezone,
    fromAI: ctx.fromAI,
  };
}

const executionKey = (ctx: ExpressionContext) => `${ctx.execution.id}\u0000${ctx.execution.mode}\u0000${ctx.execution.resumeUrl ?? ''}`;

/** The answers the isolate has cached (inputs, outputs, node lookups) are still valid. */
function sameData(s: Snapshot, ctx: ExpressionContext): boolean {
  return (
    s.runData === ctx.runData && s.pinData === ctx.pinData && s.workflow === ctx.workflow && s.nodeName === ctx.node.name &&
    s.execution === executionKey(ctx) && sameList(s.inputs, ctx.inputItems) && sameList(s.source, ctx.source)
  );
}

function unchanged(s: Snapshot, ctx: ExpressionContext): boolean {
  return (
    s.node === ctx.node && s.runIndex === ctx.runIndex && s.runData === ctx.runData && s.pinData === ctx.pinData &&
    s.workflow === ctx.workflow && s.vars === ctx.vars && s.env === ctx.env && s.timezone === ctx.timezone && s.fromAI === ctx.fromAI &&
    sameList(s.inputs, ctx.inputItems) && sameList(s.source, ctx.source) &&
    s.execution === executionKey(ctx)
  );
}

/** The per-run constants the isolate's data proxy reads (inputs and outputs are fetched lazily). */
export function stateBlob(ctx: ExpressionContext): Record<string, unknown> {
  const { index } = connectionInput(ctx);
  const src = ctx.source[index] ?? ctx.source[0] ?? null;
  const resumeUrl = ctx.execution.resumeUrl;
  return {
    nodeName: ctx.node.name,
    params: ctx.node.parameters ?? {},
    nodeVersion: ctx.node.typeVersion,
    nodeId: ctx.node.id,
    webhookId: ctx.node.webhookId,
    runIndex: ctx.runIndex,
    execution: {
      id: ctx.execution.id,
      mode: ctx.execution.mode,
      resumeUrl,
      resumeFormUrl: resumeUrl?.replace('/webhook-waiting/', '/form-waiting/'),
    },
    workflow: { id: ctx.workflow.id, name: ctx.workflow.name, active: ctx.workflow.active },
    vars: ctx.vars ?? {},
    env: ctx.env ?? null,
    timezone: ctx.timezone,
    fromAI: ctx.fromAI ?? null,
    prevNode: src ? { name: src.previousNode, outputIndex: src.previousNodeOutput ?? 0, runIndex: src.previousNodeRun ?? 0 } : null,
  };
}

/** One item's answer from a batch: its value, or its error as the isolate encoded it. */
export type BatchEntry = { v: unknown; e?: undefined } | { e: string; v?: undefined };

export class ExpressionRuntime {
  private context: ivm.Context | undefined;
  private generation = -1;
  private fns: { run: ivm.Reference; runBatch: ivm.Reference; compile: ivm.Reference; setState: ivm.Reference } | undefined;
  private compiled = new Map<string, number>();
  private last: Snapshot | undefined;
  private token = 0;

  constructor(
    private readonly host: IsolateHost,
    private readonly callback: HostCallback,
  ) {}

  private ensure(): NonNullable<ExpressionRuntime['fns']> {
    if (!this.fns || !this.host.alive || this.generation !== this.host.generation || this.compiled.size > MAX_COMPILED) {
      try {
        this.context?.release();
      } catch {
        // The isolate it lived in is already gone.
      }
      this.context = this.host.createContext(this.callback);
      this.generation = this.host.generation;
      const W = this.context.global.getSync('__W', { reference: true });
      this.fns = {
        run: W.getSync('run', { reference: true }),
        runBatch: W.getSync('runBatch', { reference: true }),
        compile: W.getSync('compile', { reference: true }),
        setState: W.getSync('setState', { reference: true }),
      };
      this.compiled.clear();
      this.last = undefined;
    }
    return this.fns;
  }

  /** Evaluates compiled `source` for `ctx`'s current item. Throws isolated-vm's errors as they come. */
  run(source: string, ctx: ExpressionContext, timeoutMs: number): unknown {
    const { fns, id } = this.prepare(source, ctx);
    return fns.run.applySync(undefined, [id, ctx.itemIndex], { result: { copy: true }, timeout: timeoutMs });
  }

  /**
   * Evaluates compiled `source` for `count` items from `ctx.itemIndex` in one call into the isolate
   * (one crossing instead of one per item). Each entry holds the value or the item's encoded error;
   * a timeout or memory kill throws for the whole batch. Answers fewer items than asked when they
   * take long: the batch stops once a quarter of the timeout has passed.
   */
  runBatch(source: string, ctx: ExpressionContext, count: number, timeoutMs: number): BatchEntry[] {
    const { fns, id } = this.prepare(source, ctx);
    return fns.runBatch.applySync(undefined, [id, ctx.itemIndex, count, timeoutMs / 4], { result: { copy: true }, timeout: timeoutMs }) as BatchEntry[];
  }

  private prepare(source: string, ctx: ExpressionContext): { fns: NonNullable<ExpressionRuntime['fns']>; id: number } {
    const fns = this.ensure();
    let id = this.compiled.get(source);
    if (id === undefined) {
      id = fns.compile.applySync(undefined, [source]) as number;
      this.compiled.set(source, id);
    }
    if (!this.last || !unchanged(this.last, ctx)) {
      // Same inputs and run data (say, a fresh context object per item): keep the fetched data.
      const keepData = !!this.last && sameData(this.last, ctx);
      fns.setState.applySync(undefined, [++this.token, stateBlob(ctx), keepData], { arguments: { copy: true } });
      this.last = snapshot(ctx);
    }
    return { fns, id };
  }

  /** Forgets the cached node-run state (the host data it mirrors may have changed in place). */
  invalidate(): void {
    this.last = undefined;
  }
}
