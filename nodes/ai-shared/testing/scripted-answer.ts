// Test support: what a scripted model answer is, the provider-neutral view of a chat request that a
// scripted function reads, and how a queued answer becomes text and/or tool calls with token usage.

export type Provider = 'openai' | 'anthropic' | 'ollama' | 'gemini';

export interface Usage { input: number; output: number }

export interface ScriptedToolCall { name: string; args: Record<string, unknown>; id?: string }

export type ScriptedAnswer =
  | { text: string; usage?: Usage }
  // Models may say something before calling tools, so a tool-call answer can carry text too.
  | { toolCalls: ScriptedToolCall[]; text?: string; usage?: Usage }
  | { json: unknown; usage?: Usage }
  | ((request: NormalizedChatRequest) => ScriptedAnswer);

export interface NormalizedMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  /** The message's text parts joined; for a tool result, the result as the client sent it. */
  content: string;
  toolCalls?: Array<{ id?: string; name: string; args: Record<string, unknown> }>;
  toolCallId?: string;
  /** The tool a result belongs to, where the wire format names it (Ollama, Gemini). */
  toolName?: string;
}

export interface NormalizedTool { name: string; description: string; parameters: unknown }

export interface NormalizedChatRequest {
  provider: Provider;
  model: string;
  messages: NormalizedMessage[];
  tools: NormalizedTool[];
  stream: boolean;
  raw: unknown;
}

/** A resolved answer: what every provider module renders in its own wire format. */
export interface ModelAnswer {
  text: string;
  toolCalls: Array<{ id: string; name: string; args: Record<string, unknown> }>;
  usage: Usage;
}

/** A deterministic stand-in for a tokenizer: about four characters a token, as vendors estimate. */
export const countTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

export function lastUserText(request: NormalizedChatRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i--) if (request.messages[i].role === 'user') return request.messages[i].content;
  return '';
}

export function resolveAnswer(scripted: ScriptedAnswer | undefined, request: NormalizedChatRequest, newId: () => string): ModelAnswer {
  let answer: ScriptedAnswer = scripted ?? { text: `echo: ${lastUserText(request)}` };
  // A function may return another function; a bound keeps a buggy script from looping forever.
  for (let depth = 0; typeof answer === 'function'; depth++) {
    if (depth > 10) throw new Error('scripted answer functions nested more than 10 deep');
    answer = answer(request);
  }
  const text = 'json' in answer ? JSON.stringify(answer.json) : (answer.text ?? '');
  const toolCalls = 'toolCalls' in answer ? answer.toolCalls.map((c) => ({ id: c.id ?? newId(), name: c.name, args: c.args })) : [];
  const input = countTokens(request.messages.map((m) => m.content).join('\n'));
  const output = countTokens(text + toolCalls.map((c) => c.name + JSON.stringify(c.args)).join(''));
  return { text, toolCalls, usage: answer.usage ?? { input, output } };
}

/** Cuts text into a few pieces so that streamed answers really arrive in more than one delta. */
export function pieces(text: string, size = 6): string[] {
  if (text === '') return [];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
