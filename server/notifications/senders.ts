// Sending one message through one channel, in the payload shape each service documents: Slack's
// incoming webhook (text + Block Kit), a Teams incoming webhook (an Adaptive Card attachment),
// Discord's execute-webhook (content + embed), email over SMTP, and our signed webhook.
import nodemailer from 'nodemailer';
import { signature } from '../log-streams/index.ts';
import type { ChannelConfig, OpenChannel } from './channel.ts';
import type { Message } from './message.ts';

const TIMEOUT_MS = 10_000;
const COLOR = { error: 0xd92d20, warning: 0xf79009, success: 0x12b76a, info: 0x2e90fa } as const;
const TEAMS_COLOR = { error: 'attention', warning: 'warning', success: 'good', info: 'accent' } as const;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function slackPayload(m: Message) {
  return {
    // The fallback shown in notifications; the blocks are what the channel shows.
    text: cut(m.title, 3000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cut(m.title, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: cut(m.url ? `${m.text}\n<${m.url}|Open in Weft>` : m.text, 3000) } },
    ],
  };
}

export function teamsPayload(m: Message) {
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.2',
        body: [
          { type: 'TextBlock', size: 'Medium', weight: 'Bolder', color: TEAMS_COLOR[m.level], text: m.title, wrap: true },
          { type: 'TextBlock', text: m.text, wrap: true },
        ],
        ...(m.url ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in Weft', url: m.url }] } : {}),
      },
    }],
  };
}

export function discordPayload(m: Message) {
  return {
    content: cut(m.title, 2000),
    embeds: [{ title: cut(m.title, 256), description: cut(m.text, 4096), color: COLOR[m.level], ...(m.url ? { url: m.url } : {}) }],
    // A workflow's error text must never ping anyone.
    allowed_mentions: { parse: [] },
  };
}

/** The generic webhook's body; the X-Weft-Signature header signs "<X-Weft-Timestamp>.<body>". */
export function webhookPayload(m: Message, meta: { ruleId: string | null; deliveryId: string }) {
  return { type: m.digest ? 'notification.digest' : 'notification', id: meta.deliveryId, ruleId: meta.ruleId, title: m.title, text: m.text, level: m.level, url: m.url, notices: m.notices };
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}, raw = JSON.stringify(body)): Promise<void> {
  const res = await fetch(url, {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: raw, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const answer = await res.text().catch(() => '');
  if (res.status < 200 || res.status > 299) throw new Error(`${new URL(url).host} answered ${res.status}${answer ? `: ${cut(answer, 200)}` : ''}`);
}

async function sendEmail(c: ChannelConfig<'email'>, m: Message): Promise<void> {
  const transport = nodemailer.createTransport({
    host: c.host, port: c.port, secure: c.secure, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS,
    ...(c.user ? { auth: { user: c.user, pass: c.password ?? '' } } : {}),
  });
  try {
    await transport.sendMail({ from: c.from, to: c.to, subject: m.title, text: m.url ? `${m.text}\n\n${m.url}` : m.text });
  } finally {
    transport.close();
  }
}

/** Sends through an outside channel (in-app messages are stored, not sent: see inbox.ts). */
export async function sendThrough(channel: Exclude<OpenChannel, { kind: 'inApp' }>, m: Message, meta: { ruleId: string | null; deliveryId: string }): Promise<void> {
  switch (channel.kind) {
    case 'email': return sendEmail(channel.config, m);
    case 'slack': return postJson(channel.config.url, slackPayload(m));
    case 'teams': return postJson(channel.config.url, teamsPayload(m));
    case 'discord': return postJson(channel.config.url, discordPayload(m));
    case 'webhook': {
      const raw = JSON.stringify(webhookPayload(m, meta));
      const timestamp = String(Math.floor(Date.now() / 1000));
      return postJson(channel.config.url, undefined, {
        'x-weft-event-id': meta.deliveryId, 'x-weft-timestamp': timestamp, 'x-weft-signature': signature(channel.config.secret, timestamp, raw),
      }, raw);
    }
  }
}
