// RabbitMQ (n8n-nodes-base.rabbitmq v1, 1.1): sends each item (its JSON, or a message) to a queue
// or an exchange over the credential's shared connection, on a confirm channel so an item counts
// as sent only once the broker has it. "Delete From Queue" passes items on: a RabbitMQ Trigger
// set to "Specified Later in Workflow" acknowledges when the run ends (see rabbitmq-trigger).
import type { ConfirmChannel } from 'amqplib';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { exchangeOptions, pairs, queueOptions, withRabbit } from './rabbitmq-connection.ts';
import { rabbitmqProperties } from './rabbitmq.description.ts';

function publishOne(channel: ConfirmChannel, target: { exchange: string; routingKey: string }, body: Buffer, headers: JsonObject): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.publish(target.exchange, target.routingKey, body, { headers }, (error) => (error ? reject(error) : resolve()));
  });
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  if (param(ctx, 'operation', 0, 'sendMessage') === 'deleteMessage') return [items.map((item, i) => ({ ...item, pairedItem: { item: i } }))];
  const mode = param(ctx, 'mode', 0, 'queue');
  const options = collection(ctx, 'options', 0);
  const credential = await ctx.credentials.get('rabbitmq');
  try {
    return await withRabbit(credential, async (connection) => {
      const channel = await connection.createConfirmChannel();
      channel.on('error', () => {}); // the failing call reports it
      try {
        let target: { exchange: string; routingKey: string };
        if (mode === 'exchange') {
          const exchange = String(param(ctx, 'exchange', 0, ''));
          await channel.assertExchange(exchange, param(ctx, 'exchangeType', 0, 'fanout'), exchangeOptions(options));
          target = { exchange, routingKey: String(param(ctx, 'routingKey', 0, '')) };
        } else {
          const queue = String(param(ctx, 'queue', 0, ''));
          await channel.assertQueue(queue, queueOptions(options));
          target = { exchange: '', routingKey: queue };
        }
        const sendInputData = param(ctx, 'sendInputData', 0, true);
        const out: Item[] = [];
        for (let i = 0; i < items.length; i++) {
          try {
            const message = sendInputData ? JSON.stringify(items[i].json) : String(param(ctx, 'message', i, ''));
            const headers = pairs((collection(ctx, 'options', i).headers as JsonObject | undefined)?.header);
            await publishOne(channel, target, Buffer.from(message), headers);
            out.push({ json: { success: true }, pairedItem: { item: i } });
          } catch (error) {
            if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.node.name, `RabbitMQ: ${errorMessage(error)}`, { itemIndex: i });
            out.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
          }
        }
        return [out];
      } finally {
        await channel.close().catch(() => {});
      }
    });
  } catch (error) {
    if (error instanceof NodeOperationError) throw error;
    if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.node.name, `RabbitMQ: ${errorMessage(error)}`, { itemIndex: 0 });
    return [items.map((_, i) => ({ json: { error: errorMessage(error) }, pairedItem: { item: i } }))];
  }
}

export const rabbitmqNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.rabbitmq',
    displayName: 'RabbitMQ',
    group: ['transform'],
    version: [1, 1.1],
    description: 'Sends messages to a RabbitMQ topic',
    defaults: { name: 'RabbitMQ' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'rabbitmq', required: true }],
    properties: rabbitmqProperties,
  },
  execute,
};
