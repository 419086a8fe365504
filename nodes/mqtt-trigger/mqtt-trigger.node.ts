// MQTT Trigger (n8n-nodes-base.mqttTrigger v1): subscribes to topics (`a,b:1` — a QoS after a
// colon) and starts a run per message; with parallelProcessing off, a message waits for the run
// of the one before. mqtt.js reconnects after the broker drops the client (and this trigger after
// the broker refuses a reconnect, where mqtt.js gives up), and the topics are subscribed again on
// every connect. A manual run waits for the first message.
import type { ISubscriptionMap, MqttClient } from 'mqtt';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput, type NodeType, type TriggerContext } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { connectMqtt } from '../mqtt/mqtt-client.ts';

function topicsOf(ctx: ExecuteContext): ISubscriptionMap {
  const map: ISubscriptionMap = {};
  for (const entry of String(param(ctx, 'topics', 0, '')).split(',')) {
    const [topic, qos] = entry.trim().split(':');
    if (topic) map[topic] = { qos: (qos ? parseInt(qos, 10) : 0) as 0 | 1 | 2 };
  }
  if (Object.keys(map).length === 0) throw new NodeOperationError(ctx.node.name, 'Topics are mandatory!');
  return map;
}

function messageItem(options: JsonObject, topic: string, payload: Buffer): Item {
  let message: unknown = payload.toString();
  if (options.jsonParseBody === true) {
    try {
      message = JSON.parse(message as string);
    } catch {
      // Text that is not JSON stays text, as in n8n.
    }
  }
  if (options.onlyMessage === true) return { json: typeof message === 'object' && message !== null ? (message as JsonObject) : { message } };
  return { json: { message, topic } };
}

async function subscribe(ctx: ExecuteContext, reconnect: boolean, onMessage: (topic: string, payload: Buffer) => void): Promise<MqttClient> {
  const topics = topicsOf(ctx);
  let client: MqttClient;
  try {
    client = await connectMqtt(await ctx.credentials.get('mqtt'), reconnect);
    await client.subscribeAsync(topics);
  } catch (error) {
    throw error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, `MQTT: ${errorMessage(error)}`);
  }
  client.on('message', onMessage);
  // After a reconnect the broker may have forgotten the subscriptions (clean session).
  client.on('connect', () => void client.subscribeAsync(topics).catch(() => {}));
  return client;
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  if (ctx.mode !== 'manual') return [ctx.getInputData()];
  const options = collection(ctx, 'options', 0);
  let client: MqttClient | undefined;
  let finished = false;
  try {
    const item = await new Promise<Item>((resolve, reject) => {
      const stop = () => reject(new NodeOperationError(ctx.node.name, 'The run was stopped before a message arrived'));
      if (ctx.signal.aborted) return stop();
      ctx.signal.addEventListener('abort', stop, { once: true });
      // A client that connects after the run stopped is ended at once.
      subscribe(ctx, false, (topic, payload) => resolve(messageItem(options, topic, payload)))
        .then((c) => (finished ? void c.endAsync().catch(() => {}) : (client = c)), reject);
    });
    return [[item]];
  } finally {
    finished = true;
    await client?.endAsync().catch(() => {});
  }
}

const REFUSED_RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * mqtt.js stops reconnecting for good once a broker answers a reconnect with a refusal (a CONNACK
 * with a reason code, e.g. "Server unavailable" from a broker that is still starting), so the
 * trigger would go silent while its workflow stays active. Reconnects again with a growing pause
 * until the broker accepts or the trigger closes; returns what stops that.
 */
function retryRefusedReconnects(ctx: TriggerContext, client: MqttClient): () => void {
  let refusals = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  client.on('connect', () => (refusals = 0));
  client.on('error', (error: Error & { code?: unknown }) => {
    if (stopped || typeof error.code !== 'number' || timer) return; // socket errors: mqtt.js retries by itself
    const delay = REFUSED_RETRY_MS[Math.min(refusals++, REFUSED_RETRY_MS.length - 1)];
    ctx.emitError(new Error(`MQTT Trigger: the broker refused the reconnect (${error.message}); trying again in ${delay / 1000} s`));
    timer = setTimeout(() => {
      timer = undefined;
      client.reconnect();
    }, delay);
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

async function trigger(ctx: TriggerContext) {
  const options = collection(ctx, 'options', 0);
  const parallel = options.parallelProcessing !== false;
  let previous: Promise<unknown> = Promise.resolve();
  const client = await subscribe(ctx, true, (topic, payload) => {
    const item = messageItem(options, topic, payload);
    if (parallel) return ctx.emit([[item]]);
    // In order: each message's run starts once the previous one has ended.
    previous = previous.then(() => new Promise<void>((done) => ctx.emit([[item]], () => done())));
  });
  client.on('offline', () => ctx.emitError(new Error('MQTT Trigger: the broker connection dropped; reconnecting')));
  const stopRetrying = retryRefusedReconnects(ctx, client);
  return {
    async close() {
      stopRetrying();
      await client.endAsync(true).catch(() => {});
    },
  };
}

export const mqttTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.mqttTrigger',
    displayName: 'MQTT Trigger',
    group: ['trigger'],
    version: [1],
    description: 'Listens to MQTT events',
    defaults: { name: 'MQTT Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'mqtt', required: true }],
    triggerKind: 'trigger',
    properties: [
      {
        displayName: 'Topics', name: 'topics', type: 'string', default: '',
        description: 'Topics to subscribe to, multiple can be defined with comma. Wildcards (+ and #) are supported. A QoS other than 0 goes after a colon, e.g. topicA:1,topicB:2',
      },
      {
        displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
        options: [
          { displayName: 'JSON Parse Body', name: 'jsonParseBody', type: 'boolean', default: false, description: 'Whether to try parse the message to an object' },
          { displayName: 'Only Message', name: 'onlyMessage', type: 'boolean', default: false, description: 'Whether to return only the message property' },
          { displayName: 'Parallel Processing', name: 'parallelProcessing', type: 'boolean', default: true, description: 'Whether to process messages in parallel or by keeping the message in order' },
        ],
      },
    ],
  },
  execute,
  triggers: { trigger },
};
