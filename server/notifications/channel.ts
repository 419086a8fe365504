// Notification channels: where a rule's messages go (email over SMTP, Slack, Microsoft Teams and
// Discord incoming webhooks, a signed webhook, the in-app bell), and their config's shape. The
// config holds secrets (SMTP password, webhook URLs), so it is sealed like a credential's data.
import { z } from 'zod';

export const CHANNEL_KINDS = ['email', 'slack', 'teams', 'discord', 'webhook', 'inApp'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

const httpUrl = z.string().url().max(2048).refine((u) => /^https?:$/.test(new URL(u).protocol), 'an http or https URL');
const email = z.string().email().max(254);

export const channelConfigs = {
  email: z.object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535).default(587),
    /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    user: z.string().max(256).optional(),
    password: z.string().max(256).optional(),
    from: email,
    to: z.array(email).min(1).max(50),
  }).strict(),
  slack: z.object({ url: httpUrl }).strict(),
  teams: z.object({ url: httpUrl }).strict(),
  discord: z.object({ url: httpUrl }).strict(),
  /** The HMAC-SHA256 key of the X-Weft-Signature header. */
  webhook: z.object({ url: httpUrl, secret: z.string().min(16).max(256) }).strict(),
  inApp: z.object({}).strict(),
} satisfies Record<ChannelKind, z.ZodTypeAny>;

export type ChannelConfig<K extends ChannelKind = ChannelKind> = z.output<(typeof channelConfigs)[K]>;
export type OpenChannel = { [K in ChannelKind]: { id: string; kind: K; name: string; config: ChannelConfig<K> } }[ChannelKind];

/** As kept in the vault: the config sealed with the channel's own data key. */
export interface ChannelRecord {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  name: string;
  kind: ChannelKind;
  /** What the API shows of the config: nothing secret. */
  summary: string;
  sealed: string;
  wrappedKey: string;
  createdAt: string;
  updatedAt: string;
}

/** A line telling the channel apart without its secrets (a webhook URL's token is one). */
export function channelSummary(kind: ChannelKind, config: Record<string, unknown>): string {
  if (kind === 'inApp') return 'The bell in the top bar';
  if (kind === 'email') {
    const c = config as ChannelConfig<'email'>;
    return `${c.host}:${c.port} → ${c.to.join(', ')}`;
  }
  return new URL(String(config.url)).host;
}

export function publicChannel(record: ChannelRecord) {
  const { sealed: _s, wrappedKey: _w, ...rest } = record;
  return rest;
}
