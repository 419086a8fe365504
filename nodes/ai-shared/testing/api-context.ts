// Test support: what the stand-in hands each provider module for one request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ModelAnswer, NormalizedChatRequest } from './scripted-answer.ts';

export interface Failure { status: number; retryAfterSeconds?: number; message?: string }

export type ChatOutcome = { answer: ModelAnswer; failure?: undefined } | { failure: Failure; answer?: undefined };

export interface ApiContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  invalidJson: boolean;
  /** The one key the stand-in accepts, for every provider that authenticates. */
  apiKey: string;
  /** The stand-in's own base URL, for answers that link back to it (image URLs). */
  baseUrl: string;
  /** Takes the next armed failure or scripted answer (or the echo answer) for a chat call. */
  chat(request: NormalizedChatRequest): ChatOutcome;
  newId(prefix: string): string;
}

export const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Joins the text of a content value that is a string or a list of typed parts. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => {
      const p = asRecord(part);
      if (typeof p.text === 'string') return p.text;
      if (p.type === 'tool_result' || p.type === 'function_call_output') return textOf(p.content ?? p.output);
      return '';
    })
    .filter((t) => t !== '')
    .join('\n');
}

export function parseArgs(json: unknown): Record<string, unknown> {
  if (typeof json !== 'string') return asRecord(json);
  try {
    return asRecord(JSON.parse(json));
  } catch {
    return {};
  }
}
