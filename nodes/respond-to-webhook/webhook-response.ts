// The answer a Respond to Webhook node chose, as the webhook server reads it from the run's
// WebhookResponseSent event.

export type WebhookResponseBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; value: string }
  | { kind: 'binary'; data: string; mimeType: string; fileName?: string }
  | { kind: 'none' };

export interface WebhookResponse {
  statusCode: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: WebhookResponseBody;
}
