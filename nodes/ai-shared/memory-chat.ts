// A chat memory in LangChain's BaseChatMemory shape (what n8n's memories hand the AI Agent: a
// BufferMemory or BufferWindowMemory with returnMessages over some chat history), recording each
// load and save as a use of the memory sub-node the way n8n's logWrapper shows it in runData.
import type { BaseChatMessageHistory, BaseListChatMessageHistory } from '@langchain/core/chat_history';
import { AIMessage, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { NodeOperationError, type JsonObject, type SupplyDataContext } from '../../engine/index.ts';

export interface ChatMemoryOptions {
  /** Interactions (a human and an AI message each) handed to the model; undefined keeps all (BufferMemory). */
  windowLength?: number;
}

type Values = Record<string, unknown>;

/** Messages as they appear in run data: LangChain's serialized form, as in n8n. */
const asJson = (messages: BaseMessage[]): unknown[] => JSON.parse(JSON.stringify(messages)) as unknown[];

/** LangChain's getInputValue: the named key, else the only key. */
function valueOf(values: Values, key: string, what: string): unknown {
  if (key in values) return values[key];
  const keys = Object.keys(values);
  if (keys.length === 1) return values[keys[0]];
  throw new Error(`${what} values have ${keys.length} keys, you must specify an ${what.toLowerCase()} key or pass only 1 key as ${what.toLowerCase()}`);
}

const messageText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export class TracedChatMemory {
  readonly memoryKey = 'chat_history';
  readonly inputKey = 'input';
  readonly outputKey = 'output';
  readonly returnMessages = true;

  constructor(
    readonly chatHistory: BaseChatMessageHistory | BaseListChatMessageHistory,
    private readonly ctx: SupplyDataContext,
    private readonly options: ChatMemoryOptions = {},
  ) {}

  get memoryKeys(): string[] {
    return [this.memoryKey];
  }

  async loadMemoryVariables(values: Values = {}): Promise<{ chat_history: BaseMessage[] }> {
    const call = this.ctx.startCall('ai_memory', { action: 'loadMemoryVariables', values: values as JsonObject });
    try {
      const messages = await this.chatHistory.getMessages();
      const { windowLength } = this.options;
      // BufferWindowMemory keeps the last k interactions: 2k messages (k = 0 keeps all, as slice(-0)).
      const window = windowLength === undefined ? messages : messages.slice(-windowLength * 2);
      await call.end({ action: 'loadMemoryVariables', chatHistory: asJson(window) });
      return { chat_history: window };
    } catch (error) {
      await call.fail(error);
      throw error;
    }
  }

  async saveContext(inputValues: Values, outputValues: Values): Promise<void> {
    const call = this.ctx.startCall('ai_memory', { action: 'saveContext', input: inputValues, output: outputValues });
    try {
      const input = messageText(valueOf(inputValues, this.inputKey, 'Input'));
      const output = messageText(valueOf(outputValues, this.outputKey, 'Output'));
      await this.chatHistory.addMessages([new HumanMessage(input), new AIMessage(output)]);
      await call.end({ action: 'saveContext', chatHistory: asJson(await this.chatHistory.getMessages()) });
    } catch (error) {
      await call.fail(error);
      throw error;
    }
  }

  async clear(): Promise<void> {
    await this.chatHistory.clear();
  }
}

/**
 * n8n's getSessionId: the chat trigger's `sessionId` of the root's input item ('fromInput'), or
 * the `sessionKey` parameter ('customKey'), failing with n8n's messages when it is empty.
 */
export function sessionIdOf(ctx: SupplyDataContext, itemIndex: number): string {
  const type = ctx.getNodeParameter('sessionIdType', itemIndex, 'fromInput') as string;
  if (type === 'fromInput') {
    const id = ctx.evaluateExpression('{{ $json.sessionId }}', itemIndex);
    if (id === '' || id === undefined || id === null) {
      throw new NodeOperationError(ctx.node.name, 'No session ID found', {
        description: "Expected to find the session ID in an input field called 'sessionId' (this is what the chat trigger node outputs). To use something else, change the 'Session ID' parameter",
        itemIndex,
      });
    }
    return String(id);
  }
  const key = ctx.getNodeParameter('sessionKey', itemIndex, '');
  if (key === '' || key === undefined || key === null) {
    throw new NodeOperationError(ctx.node.name, 'Key parameter is empty', {
      description: "Provide a key to use as session ID in the 'Key' parameter or use the 'Connected Chat Trigger Node' option to use the session ID from your Chat Trigger",
      itemIndex,
    });
  }
  return String(key);
}

/** The session id for a memory at its typeVersion: v1/v1.1 read `sessionKey` as is; later ones follow sessionIdType. */
export function memorySessionId(ctx: SupplyDataContext, itemIndex: number, selectorFrom: number): string {
  if (ctx.node.typeVersion >= selectorFrom) return sessionIdOf(ctx, itemIndex);
  return String(ctx.getNodeParameter('sessionKey', itemIndex, ''));
}
