// What the declarative runner needs from the running node: a small slice of n8n's
// IExecuteFunctions, so the n8n-api layer's execute-functions object satisfies it as is, and
// tests can build one from real parts (fetchHttpRequest, authenticateRequest).
import type { BinaryData, Item } from '../../../engine/index.ts';
import type { N8nHttpRequestOptions } from '../n8n-types.ts';

/** The response as the routing engine sees it: n8n's IN8nHttpFullResponse. */
export interface N8nFullResponse {
  body: unknown;
  headers: Record<string, unknown>;
  statusCode: number;
  statusMessage?: string;
}

/** Resolves an n8n expression value (`={{ … }}` strings, walked through objects) with extra `$` variables. */
export type EvaluateWithKeys = (value: unknown, itemIndex: number, additionalKeys: Record<string, unknown>) => unknown;

export interface DeclarativeFunctions {
  getInputData(inputIndex?: number): Item[];
  /** A parameter's value for one item (dot paths allowed, as n8n's `getNodeParameter`). */
  getNodeParameter(name: string, itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }): unknown;
  getNode(): { name: string; type?: string; typeVersion: number; parameters: Record<string, unknown> };
  getCredentials(type: string, itemIndex?: number): Promise<Record<string, unknown>>;
  continueOnFail(): boolean;
  /**
   * Resolves expressions in description values with `$credentials`, `$value`, `$response`, … .
   * Optional: without it the runner evaluates in its own isolate (./expression.ts) with
   * `$parameter`, `$json` and the node's data.
   */
  evaluate?: EvaluateWithKeys;
  helpers: {
    /** n8n's httpRequest; called with returnFullResponse: true, so it answers an N8nFullResponse. */
    httpRequest(options: N8nHttpRequestOptions): Promise<unknown>;
    httpRequestWithAuthentication(credentialType: string, options: N8nHttpRequestOptions): Promise<unknown>;
    /** For postReceive `binaryData`; a base64 fallback is used when absent. */
    prepareBinaryData?(data: Buffer, fileName?: string, mimeType?: string): Promise<BinaryData>;
  };
}
