// The LangChain shapes root nodes expect from sub-nodes (what n8n hands over too), kept structural so
// community sub-nodes that return LangChain's own classes fit.
import type { BaseChatMessageHistory } from '@langchain/core/chat_history';
import type { BaseMessage } from '@langchain/core/messages';

/** LangChain's BaseChatMemory as n8n's memory sub-nodes supply it (returnMessages on). */
export interface ChainMemory {
  chatHistory: BaseChatMessageHistory;
  memoryKey?: string;
  loadMemoryVariables(values: Record<string, unknown>): Promise<Record<string, unknown>>;
  saveContext(input: Record<string, unknown>, output: Record<string, unknown>): Promise<void>;
}

/** An output parser sub-node: instructions for the prompt, and a parse of the model's answer. */
export interface ChainOutputParser {
  getFormatInstructions(): string;
  parse(text: string): Promise<unknown>;
  /** Structured parsers: the zod schema the answer must fit (the agent makes a final tool of it). */
  getSchema?(): unknown;
}

/** A retriever (ai_retriever): documents for a query. */
export interface ChainRetriever {
  invoke(query: string): Promise<Array<{ pageContent: string; metadata?: Record<string, unknown> }>>;
}

/** The history a memory holds, as messages. */
export async function memoryMessages(memory: ChainMemory): Promise<BaseMessage[]> {
  const values = await memory.loadMemoryVariables({});
  const history = values[memory.memoryKey ?? 'chat_history'];
  return Array.isArray(history) ? (history as BaseMessage[]) : [];
}
