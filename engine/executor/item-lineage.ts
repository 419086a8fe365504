// Item lineage rules: re-stamping input pairing, n8n's `assignPairedItems` auto-fill, the
// `alwaysOutputData` item, and the legacy `$error` / `item.error` normalisation.
import type { Item, PairedItem } from '../node-sdk.ts';
import type { InputData } from './run-state.ts';

/**
 * Input items as a node sees them: shallow copies whose pairedItem points at their own position
 * (`{item: i}`, plus `input` when not 0), so lineage is always exact one step back.
 */
export function restampInput(main: InputData): InputData {
  return main.map((items, input) => {
    if (items === null) return null;
    return items.map((item, index) => ({ ...item, pairedItem: input ? { item: index, input } : { item: index } }));
  });
}

/**
 * Fills a missing pairedItem where it is certain: a single input item (all outputs come from it),
 * or one input and one output of equal length (position i ↔ i). Stops at the first item it cannot
 * pair, as n8n does.
 */
export function assignPairedItems(output: Item[][], input: InputData): void {
  if (output.length === 0) return;
  const single = input.length === 1 && input[0]?.length === 1;
  const sameCount = output.length === 1 && input.length === 1 && input[0]?.length === output[0]?.length;
  for (const items of output) {
    if (!items) continue;
    for (let i = 0; i < items.length; i++) {
      if (items[i].pairedItem !== undefined) continue;
      if (single) items[i].pairedItem = { item: 0 };
      else if (sameCount) items[i].pairedItem = { item: i };
      else return;
    }
  }
}

/** The one empty item `alwaysOutputData` emits, paired with every input item. */
export function alwaysOutputItem(input: InputData): Item {
  const pairedItem: PairedItem[] = [];
  input.forEach((items, inputIndex) => {
    items?.forEach((_item, itemIndex) => pairedItem.push({ item: itemIndex, input: inputIndex }));
  });
  return { json: {}, pairedItem };
}

/** Older nodes report per-item errors as `$error`/`error`; the json then only keeps the message. */
export function normalizeItemErrors(output: Item[][]): void {
  for (const items of output) {
    for (const item of items ?? []) {
      const json = item.json as { $error?: unknown; $json?: unknown } | undefined;
      if (json !== undefined && json.$error !== undefined && json.$json !== undefined) {
        item.error = json.$error;
        item.json = { error: messageOf(json.$error) };
      } else if (item.error !== undefined) {
        item.json = { error: messageOf(item.error) };
      }
    }
  }
}

export function messageOf(error: unknown): unknown {
  return error !== null && typeof error === 'object' ? (error as { message?: unknown }).message : undefined;
}
