// AMQP connections from n8n's `rabbitmq` credential, a shared connection per credential for the
// RabbitMQ node, and n8n's queue/exchange options (durable, exclusive, autoDelete, arguments …).
import amqplib, { type ChannelModel, type Options } from 'amqplib';
import type { JsonObject } from '../../engine/index.ts';
import { credentialKey, sharedClients } from '../shared/shared-clients.ts';

export type RabbitCredential = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Opens a connection named `name` (shown in the broker's connection list). */
export async function connectRabbit(data: RabbitCredential, name = 'weft', timeoutMs = 10_000): Promise<ChannelModel> {
  const ssl = data.ssl === true;
  const external = ssl && data.passwordless === true && text(data.cert);
  const socket: Record<string, unknown> = { clientProperties: { connection_name: name }, timeout: timeoutMs };
  if (ssl) {
    if (text(data.ca)) socket.ca = [Buffer.from(String(data.ca))];
    if (external) {
      socket.cert = Buffer.from(String(data.cert));
      if (text(data.key)) socket.key = Buffer.from(String(data.key));
      if (text(data.passphrase)) socket.passphrase = data.passphrase;
      socket.credentials = amqplib.credentials.external();
    }
  }
  const vhost = text(data.vhost) ?? '/';
  const connection = await amqplib.connect({
    protocol: ssl ? 'amqps' : 'amqp', hostname: text(data.hostname) ?? 'localhost', port: Number(data.port ?? 5672),
    username: text(data.username), password: text(data.password), vhost,
  }, socket).catch((error: Error) => {
    // amqplib drops the broker's reason when it refuses the vhost (the only close after login).
    if (/Expected ConnectionOpenOk; got <ConnectionClose/.test(error.message)) {
      throw new Error(`NOT_ALLOWED - the broker refused the vhost '${vhost}': it does not exist or the user may not use it`);
    }
    throw error;
  });
  connection.on('error', () => {}); // reported through 'close' and the failing call
  return connection;
}

/** The credential test: connects (authenticating, opening the vhost), then leaves. */
export async function checkRabbitConnection(data: RabbitCredential, timeoutMs?: number): Promise<void> {
  const connection = await connectRabbit(data, 'weft credential test', timeoutMs);
  await connection.close().catch(() => {});
}

const connections = sharedClients<ChannelModel>(async (connection) => {
  await connection.close().catch(() => {});
});

/** Runs `fn` with the credential's shared connection; one that closed is replaced first. */
export async function withRabbit<R>(data: RabbitCredential, fn: (connection: ChannelModel) => Promise<R>): Promise<R> {
  const key = credentialKey(data);
  const open = async () => {
    const connection = await connectRabbit(data);
    connection.on('close', () => void connections.discard(key));
    return connection;
  };
  return connections.use(key, open, fn);
}

/** n8n's `key`/`value` list (arguments, headers) as an object. */
export function pairs(list: unknown): JsonObject {
  const out: JsonObject = {};
  for (const entry of Array.isArray(list) ? (list as JsonObject[]) : []) out[String(entry.key)] = entry.value;
  return out;
}

export function queueOptions(options: JsonObject): Options.AssertQueue {
  return {
    durable: options.durable !== false, exclusive: options.exclusive === true, autoDelete: options.autoDelete === true,
    arguments: pairs((options.arguments as JsonObject | undefined)?.argument),
  };
}

export function exchangeOptions(options: JsonObject): Options.AssertExchange {
  return {
    durable: options.durable !== false, autoDelete: options.autoDelete === true,
    ...(text(options.alternateExchange) ? { alternateExchange: String(options.alternateExchange) } : {}),
    arguments: pairs((options.arguments as JsonObject | undefined)?.argument),
  };
}
