// The per-item run shared by the extractor, classifier and sentiment nodes: a system prompt with the
// JSON instructions, the text as the user message, the parsed answer, errors per item honouring
// continue-on-fail, in n8n's batches (options.batching, from 1.1).
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { z } from 'zod';
import type { ExecuteContext } from '../../engine/index.ts';
import { batchingOptions, chatModel, inBatches } from './chain-inputs.ts';
import { jsonFormatInstructions } from './chain-output-parsers.ts';
import { askForJson } from './chain-structured.ts';

export type ItemOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

export async function structuredPerItem<T>(ctx: ExecuteContext, options: {
  schema: z.ZodType<T>;
  systemPrompt: string;
  text: (itemIndex: number) => string;
  autoFix: boolean;
}): Promise<Array<ItemOutcome<T>>> {
  const items = ctx.getInputData();
  const batching = ctx.node.typeVersion >= 1.1 ? batchingOptions(ctx, 'options.batching', 5) : { batchSize: 1, delayBetweenBatches: 0 };
  const model = await chatModel(ctx, 0);
  const system = `${options.systemPrompt}\n${jsonFormatInstructions(options.schema)}`;
  return inBatches(items.length, batching, ctx.signal, async (i): Promise<ItemOutcome<T>> => {
    try {
      const messages = [new SystemMessage(system), new HumanMessage(options.text(i))];
      return { ok: true, value: await askForJson({ model, messages, schema: options.schema, autoFix: options.autoFix, signal: ctx.signal }) };
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
