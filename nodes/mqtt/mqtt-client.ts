// MQTT clients from n8n's `mqtt` credential (mqtt.js): connect and wait until the broker accepts,
// failing with the broker's or the socket's reason instead of retrying forever.
import mqttLib, { type IClientOptions, type MqttClient } from 'mqtt';

export type MqttCredential = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export function mqttOptions(data: MqttCredential, reconnect: boolean, timeoutMs = 10_000): { url: string; options: IClientOptions } {
  const protocol = text(data.protocol) ?? 'mqtt';
  const options: IClientOptions = {
    port: Number(data.port ?? 1883), clean: data.clean !== false,
    clientId: text(data.clientId) ?? `mqttjs_${Math.random().toString(16).slice(2, 10)}`,
    username: text(data.username), password: text(data.password),
    reconnectPeriod: reconnect ? 1_000 : 0, connectTimeout: timeoutMs, resubscribe: false,
  };
  if (data.ssl === true) Object.assign(options, { ca: text(data.ca), cert: text(data.cert), key: text(data.key), rejectUnauthorized: data.rejectUnauthorized === true });
  return { url: `${protocol}://${String(data.host)}`, options };
}

export function connectMqtt(data: MqttCredential, reconnect = false, timeoutMs?: number): Promise<MqttClient> {
  const { url, options } = mqttOptions(data, reconnect, timeoutMs);
  const client = mqttLib.connect(url, options);
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      client.end(true);
      reject(error);
    };
    client.once('connect', () => {
      client.off('error', fail);
      client.on('error', () => {}); // later errors: mqtt.js reconnects (triggers) or the call fails
      resolve(client);
    });
    client.once('error', fail);
    if (!reconnect) client.once('close', () => fail(new Error(`Connection to ${url}:${options.port} closed before the broker accepted it`)));
  });
}

/** The credential test: connects until the broker accepts (or refuses, with its reason), then leaves. */
export async function checkMqttConnection(data: MqttCredential, timeoutMs?: number): Promise<void> {
  // A random client ID: the credential's own would take over a running trigger's connection.
  const client = await connectMqtt({ ...data, clientId: '' }, false, timeoutMs);
  await client.endAsync().catch(() => client.end(true));
}
