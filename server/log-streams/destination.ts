// A log-streaming destination (n8n's log streaming): where the audit log is sent, how, and how far
// it got. Kept in the vault, because a webhook destination holds its signing secret.
import { z } from 'zod';

const name = z.string().trim().min(1).max(128);
/** 'now': only entries recorded after the destination is created; 'beginning': the whole audit log first. */
const startAt = z.enum(['now', 'beginning']).default('now');

export const syslogInput = z.object({
  kind: z.literal('syslog'),
  name,
  enabled: z.boolean().default(true),
  startAt,
  host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:\-[\]]+$/, 'a host name or IP address'),
  port: z.number().int().min(1).max(65535).default(514),
  protocol: z.enum(['udp', 'tcp']).default('udp'),
  /** RFC 5424 facility code: 16 is local0. */
  facility: z.number().int().min(0).max(23).default(16),
  appName: z.string().regex(/^[!-~]{1,48}$/, 'printable ASCII without spaces, at most 48 characters').default('weft'),
}).strict();

export const webhookInput = z.object({
  kind: z.literal('webhook'),
  name,
  enabled: z.boolean().default(true),
  startAt,
  url: z.string().url().max(2048).refine((u) => /^https?:$/.test(new URL(u).protocol), 'an http or https URL'),
  /** The HMAC-SHA256 key of the X-Weft-Signature header. */
  secret: z.string().min(16).max(256),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(1024)).refine((h) => Object.keys(h).length <= 20, 'at most 20 headers').optional(),
}).strict();

export const destinationInput = z.discriminatedUnion('kind', [syslogInput, webhookInput]);
export type DestinationInput = z.output<typeof destinationInput>;

/** Delivery state: how far the destination got in the audit log and what went wrong last. */
export interface DeliveryState {
  /** Position of the last audit entry delivered. */
  checkpoint: number;
  delivered: number;
  failures: number;
  /** Failures since the last success: the backoff grows with them. */
  consecutiveFailures: number;
  lastError?: string;
  lastErrorAt?: string;
  lastDeliveredAt?: string;
  /** No attempt before this time (backoff after a failure). */
  retryAt?: string | null;
}

export type DestinationDoc = { id: string; createdAt: string; updatedAt: string } & DestinationInput & DeliveryState & Record<string, unknown>;

/** What the API shows: never the secret. */
export function publicView(doc: DestinationDoc): Record<string, unknown> {
  const { secret, consecutiveFailures: _c, startAt: _s, ...rest } = doc as DestinationDoc & { secret?: string };
  return secret === undefined ? rest : { ...rest, secretSet: true };
}
