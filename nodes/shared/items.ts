// Item helpers shared by the flow nodes: positional pairing as n8n's engine stamps it.
import type { ExecuteContext, Item, PairedItem } from '../../engine/index.ts';

/**
 * The input items as n8n hands them to a node: each stamped with its position in that input
 * (`{item}` on input 0, `{item, input}` on the others). Copies; the inputs are left untouched.
 */
export function stampedInput(items: Item[], input = 0): Item[] {
  return items.map((item, index) => ({
    ...item,
    pairedItem: input ? { item: index, input } : { item: index },
  }));
}

/** pairedItem as a list (n8n's preparePairedItemDataArray). */
export function pairedItemList(pairedItem: Item['pairedItem']): PairedItem[] {
  if (pairedItem === undefined) return [];
  if (typeof pairedItem === 'number') return [{ item: pairedItem }];
  return Array.isArray(pairedItem) ? pairedItem : [pairedItem];
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Splits the (stamped) input into [passing, failing] by `test`. With `catchErrors`, an item whose
 * test throws goes to "failing" when the node continues on failure.
 */
export function partitionInput(
  ctx: ExecuteContext,
  test: (itemIndex: number) => boolean,
  catchErrors = true,
): [Item[], Item[]] {
  const passing: Item[] = [];
  const failing: Item[] = [];
  stampedInput(ctx.getInputData()).forEach((item, itemIndex) => {
    if (!catchErrors) {
      (test(itemIndex) ? passing : failing).push(item);
      return;
    }
    try {
      (test(itemIndex) ? passing : failing).push(item);
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      failing.push(item);
    }
  });
  return [passing, failing];
}
