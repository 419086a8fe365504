// RabbitMQ Trigger (n8n-nodes-base.rabbitmqTrigger v1): consumes a queue and starts a run per
// message. n8n's acknowledge modes: `immediately` acks on receipt; `executionFinishes` after the
// run, however it ended; `executionFinishesSuccessfully` only after a successful run (a failed one
// puts the message back on the queue); `laterMessageNode` acks when the run ends, as the run's
// result cannot reach this trigger from a later node here. `parallelMessages` caps unacked
// messages (prefetch). The consumer reconnects after its connection drops or the broker closes its
// channel or cancels it (a deleted queue is declared again).
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput, type NodeType, type TriggerContext } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { connectRabbit, queueOptions } from '../rabbitmq/rabbitmq-connection.ts';
import { rabbitmqTriggerProperties } from './rabbitmq-trigger.description.ts';

type AckMode = 'immediately' | 'executionFinishes' | 'executionFinishesSuccessfully' | 'laterMessageNode';

/** The item n8n makes of a message: the message with its content as text (or parsed), or binary. */
export function messageItem(message: ConsumeMessage, options: JsonObject): Item {
  const { fields, properties } = JSON.parse(JSON.stringify({ fields: message.fields, properties: message.properties })) as JsonObject;
  if (options.contentIsBinary === true) {
    return {
      json: { fields, properties },
      binary: { data: { data: message.content.toString('base64'), mimeType: String((properties as JsonObject).contentType ?? 'application/octet-stream'), fileSize: String(message.content.length) } },
    };
  }
  let content: unknown = message.content.toString();
  if (options.jsonParseBody === true) content = JSON.parse(content as string);
  if (options.onlyContent === true) return { json: typeof content === 'object' && content !== null ? (content as JsonObject) : { content } };
  return { json: { fields, properties, content } };
}

interface Consumer {
  queue: string;
  options: JsonObject;
  mode: AckMode;
  parallel: number;
}

function consumerOf(ctx: ExecuteContext): Consumer {
  const options = collection(ctx, 'options', 0);
  const parallel = Number(options.parallelMessages ?? -1);
  if (Number.isNaN(parallel) || parallel === 0 || parallel < -1) {
    throw new NodeOperationError(ctx.node.name, 'Parallel message processing limit must be a number greater than zero (or -1 for no limit)');
  }
  let mode = String(options.acknowledge ?? 'immediately') as AckMode;
  // As in n8n: a limit needs acks after the run, so "immediately" becomes "executionFinishes".
  if (parallel !== -1 && mode === 'immediately') mode = 'executionFinishes';
  return { queue: String(param(ctx, 'queue', 0, '')), options, mode, parallel };
}

async function openChannel(connection: ChannelModel, c: Consumer): Promise<Channel> {
  const channel = await connection.createChannel();
  channel.on('error', () => {});
  await channel.assertQueue(c.queue, queueOptions(c.options));
  const bindings = ((c.options.binding as JsonObject | undefined)?.bindings as JsonObject[] | undefined) ?? [];
  for (const b of bindings) await channel.bindQueue(c.queue, String(b.exchange), String(b.routingKey ?? ''));
  return channel;
}

/** The editor's test step: takes one message (waiting for it, until the run stops) and acks it. */
async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  if (ctx.mode !== 'manual') return [ctx.getInputData()];
  const consumer = consumerOf(ctx);
  const connection = await connectRabbit(await ctx.credentials.get('rabbitmq'), `weft manual ${ctx.workflow.id} ${ctx.node.name}`);
  try {
    const channel = await openChannel(connection, consumer);
    await channel.prefetch(1);
    const message = await new Promise<ConsumeMessage>((resolve, reject) => {
      const stop = () => reject(new NodeOperationError(ctx.node.name, 'The run was stopped before a message arrived'));
      if (ctx.signal.aborted) return stop();
      ctx.signal.addEventListener('abort', stop, { once: true });
      channel.consume(consumer.queue, (m) => (m ? resolve(m) : reject(new Error('The consumer was cancelled by the broker')))).catch(reject);
    });
    const item = messageItem(message, consumer.options);
    channel.ack(message);
    // Closing the channel first waits for the broker to take the ack; a bare connection close can
    // drop it, and the message would come back.
    await channel.close().catch(() => {});
    return [[item]];
  } finally {
    await connection.close().catch(() => {});
  }
}

async function trigger(ctx: TriggerContext) {
  const consumer = consumerOf(ctx);
  const credential = await ctx.credentials.get('rabbitmq');
  const name = `weft ${ctx.workflow.id} ${ctx.node.name}`;
  let closing = false;
  let connection: ChannelModel | undefined;
  let consuming: Channel | undefined;
  let retry: NodeJS.Timeout | undefined;
  let pending = 0;

  const handle = (channel: Channel, message: ConsumeMessage) => {
    let item: Item;
    try {
      item = messageItem(message, consumer.options);
    } catch (error) {
      // A body that is not JSON cannot run; n8n drops it the same way.
      ctx.emitError(new Error(`RabbitMQ Trigger: ${errorMessage(error)}`));
      channel.nack(message, false, false);
      return;
    }
    if (consumer.mode === 'immediately') {
      channel.ack(message);
      return ctx.emit([[item]]);
    }
    pending++;
    ctx.emit([[item]], (result, error) => {
      pending--;
      const ok = !error && (result as { status?: string } | undefined)?.status === 'success';
      try {
        // Acks go to the channel that delivered the message; after a reconnect it has been redelivered.
        if (consumer.mode === 'executionFinishesSuccessfully' && !ok) channel.nack(message, false, true);
        else channel.ack(message);
      } catch {
        // The channel closed meanwhile: the broker requeues the message itself.
      }
    });
  };

  const connect = async (attempt: number): Promise<void> => {
    if (closing) return;
    try {
      const current = await connectRabbit(credential, name);
      connection = current;
      const channel = await openChannel(current, consumer);
      consuming = channel;
      if (consumer.parallel !== -1) await channel.prefetch(consumer.parallel);
      // A channel the broker closed (an error) or a consumer it cancelled (the queue was deleted)
      // would stop the trigger silently: drop the connection, so the reconnect below opens anew.
      channel.on('close', () => {
        if (!closing) void current.close().catch(() => {});
      });
      await channel.consume(consumer.queue, (message) => {
        if (message) handle(channel, message);
        else void channel.close().catch(() => {});
      });
      current.on('close', () => {
        if (closing) return;
        ctx.emitError(new Error('RabbitMQ Trigger: the connection closed; reconnecting'));
        retry = setTimeout(() => void connect(1), 500);
      });
    } catch (error) {
      // A connection whose channel or consumer could not be set up is of no use.
      void connection?.close().catch(() => {});
      if (attempt === 0) throw new NodeOperationError(ctx.node.name, `RabbitMQ: ${errorMessage(error)}`);
      ctx.emitError(new Error(`RabbitMQ Trigger: reconnecting failed (${errorMessage(error)}); trying again`));
      retry = setTimeout(() => void connect(attempt + 1), Math.min(500 * 2 ** attempt, 10_000));
    }
  };
  await connect(0);

  return {
    async close() {
      closing = true;
      clearTimeout(retry);
      // Runs still under way may ack when they end (n8n waits up to five minutes too).
      for (let waited = 0; pending > 0 && waited < 300_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
      // The channel's close waits until the broker has taken the last acks (see execute).
      await consuming?.close().catch(() => {});
      await connection?.close().catch(() => {});
    },
  };
}

export const rabbitmqTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.rabbitmqTrigger',
    displayName: 'RabbitMQ Trigger',
    group: ['trigger'],
    version: [1],
    description: 'Listens to RabbitMQ messages',
    defaults: { name: 'RabbitMQ Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'rabbitmq', required: true }],
    triggerKind: 'trigger',
    properties: rabbitmqTriggerProperties,
  },
  execute,
  triggers: { trigger },
};
