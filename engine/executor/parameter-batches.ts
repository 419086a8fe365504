// Resolving one parameter for many items: a node that asks for the same parameter item after item
// gets the next items' values evaluated ahead, in one call into the expression isolate rather
// than one per item (the crossing, not the expression, is most of the cost).
import type { ExpressionContext, ExpressionEvaluator, ItemOutcome } from '../expression-context.ts';

/** The batch grows ×4 while a node keeps reading items in order, up to this many at once. */
const MAX_BATCH = 512;

interface Batch {
  value: unknown;
  first: number;
  outcomes: (ItemOutcome | undefined)[];
  /** The item that, asked for next, means the node reads in order. */
  next: number;
  size: number;
}

export class ParameterBatches {
  private readonly batches = new Map<string, Batch>();

  constructor(
    private readonly evaluator: ExpressionEvaluator,
    private readonly context: (itemIndex: number) => ExpressionContext,
    /** Items in the node's largest input: no item past these is evaluated ahead. */
    private readonly itemCount: number,
  ) {}

  resolve(name: string, value: unknown, itemIndex: number): unknown {
    const batch = this.batches.get(name);
    const same = batch !== undefined && batch.value === value;
    const offset = same ? itemIndex - batch.first : -1;
    if (same && offset >= 0 && offset < batch.outcomes.length) {
      const ready = batch.outcomes[offset];
      // Each value is handed out once (the node may change it); asked again, it is evaluated anew.
      if (!ready) return this.evaluator.resolve(value, this.context(itemIndex), { parameter: name });
      batch.outcomes[offset] = undefined;
      batch.next = itemIndex + 1;
      return take(ready);
    }
    const inOrder = same && itemIndex === batch.next;
    const size = Math.min(inOrder ? Math.min(batch.size * 4, MAX_BATCH) : 1, this.itemCount - itemIndex);
    if (size <= 1 || !this.evaluator.resolveItems) {
      this.batches.set(name, { value, first: itemIndex, outcomes: [], next: itemIndex + 1, size: 1 });
      return this.evaluator.resolve(value, this.context(itemIndex), { parameter: name });
    }
    const outcomes: (ItemOutcome | undefined)[] = this.evaluator.resolveItems(value, this.context(itemIndex), { parameter: name }, size);
    const first = outcomes[0]!;
    outcomes[0] = undefined;
    this.batches.set(name, { value, first: itemIndex, outcomes, next: itemIndex + 1, size });
    return take(first);
  }
}

function take(outcome: ItemOutcome): unknown {
  if (outcome.error !== undefined) throw outcome.error;
  return outcome.value;
}
