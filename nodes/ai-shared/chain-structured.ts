// Asking a model for JSON that fits a schema, as the extractor, classifier and sentiment nodes do
// (LangChain's StructuredOutputParser, optionally behind its OutputFixingParser): one call, and with
// auto-fixing one more call that shows the model its bad answer and the error.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { z } from 'zod';
import { answerText } from './agent-tools-loop.ts';
import { FIX_PROMPT, jsonFormatInstructions, jsonTextOf } from './chain-output-parsers.ts';

export interface StructuredAsk<T> {
  model: BaseChatModel;
  messages: BaseMessage[];
  schema: z.ZodType<T>;
  autoFix: boolean;
  signal: AbortSignal;
}

export async function askForJson<T>(ask: StructuredAsk<T>): Promise<T> {
  const answer = answerText(await ask.model.invoke(ask.messages, { signal: ask.signal }));
  try {
    return await parseWith(ask.schema, answer);
  } catch (error) {
    if (!ask.autoFix) throw error;
    const prompt = FIX_PROMPT.replaceAll('{instructions}', jsonFormatInstructions(ask.schema)).replaceAll('{completion}', answer).replaceAll('{error}', (error as Error).message);
    return await parseWith(ask.schema, answerText(await ask.model.invoke(prompt, { signal: ask.signal })));
  }
}

async function parseWith<T>(schema: z.ZodType<T>, text: string): Promise<T> {
  let value: unknown;
  try {
    value = JSON.parse(jsonTextOf(text));
  } catch (error) {
    throw new Error(`Failed to parse. Text: "${text}". Error: ${(error as Error).message}`);
  }
  const result = await schema.safeParseAsync(value);
  if (!result.success) throw new Error(`Failed to parse. Text: "${text}". Error: ${result.error.message}`);
  return result.data;
}
