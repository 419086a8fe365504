// The batching state machine shared by Split In Batches v1–v3 (n8n SplitInBatches/v1..v3): the
// first run (or a reset) stores the input and returns the first batch; every later run returns
// the next batch and, from v2, collects the items fed back as "processed".
import type { ExecuteContext, Item, JsonObject, PairedItem } from '../../engine/index.ts';
import { stampedInput } from '../shared/items.ts';
import { inputSourceData, nodeContext } from '../shared/node-context.ts';
import { deepCopy } from '../shared/objects.ts';
import { collection, param } from '../shared/params.ts';

export interface BatchResult {
  batch: Item[];
  /** All processed items, once no batch is left (v2+). */
  done: boolean;
  processed: Item[];
}

type Paired = PairedItem & { sourceOverwrite?: unknown };

function withSource(pairedItem: Item['pairedItem'], source: unknown): Item['pairedItem'] {
  const add = (paired: PairedItem | number): Paired => {
    const base = typeof paired === 'number' ? { item: paired } : { ...paired };
    return source === undefined ? base : { ...base, sourceOverwrite: source };
  };
  if (pairedItem === undefined) return add(0);
  return Array.isArray(pairedItem) ? pairedItem.map(add) : add(pairedItem);
}

export function nextBatch(ctx: ExecuteContext, defaultBatchSize: number, collectProcessed: boolean): BatchResult {
  const items = stampedInput(ctx.getInputData());
  const context = nodeContext(ctx);
  const batchSize = Number(param(ctx, 'batchSize', 0, defaultBatchSize));
  const options = collection(ctx, 'options', 0);
  let batch: Item[];

  if (context.items === undefined || options.reset === true) {
    context.currentRunIndex = 0;
    context.maxRunIndex = Math.ceil(items.length / batchSize);
    context.sourceData = deepCopy(inputSourceData(ctx) ?? null) as JsonObject | null;
    batch = items.splice(0, batchSize);
    context.items = [...items];
    if (collectProcessed) context.processedItems = [];
  } else {
    context.currentRunIndex = Number(context.currentRunIndex) + 1;
    batch = (context.items as Item[]).splice(0, batchSize);
    if (collectProcessed) {
      const source = inputSourceData(ctx);
      const processed = items.map((item, index) => ({
        ...item,
        pairedItem: (source === undefined ? { item: index } : { sourceOverwrite: source, item: index }) as PairedItem,
      }));
      context.processedItems = [...((context.processedItems as Item[]) ?? []), ...processed];
    }
    const stored = context.sourceData ?? undefined;
    batch = batch.map((item) => ({ ...item, pairedItem: withSource(item.pairedItem, stored) }));
  }

  context.noItemsLeft = (context.items as Item[]).length === 0;
  const done = batch.length === 0;
  if (collectProcessed) context.done = done;
  return { batch, done, processed: (context.processedItems as Item[] | undefined) ?? [] };
}
