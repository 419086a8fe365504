// MQTT (n8n-nodes-base.mqtt v1): publishes each item's JSON (or a message) to a topic with the
// item's QoS and retain options, and passes the items on. One connection per run, ended once the
// broker has every QoS 1/2 message, as n8n does (a shared client would fight a trigger over a fixed
// client ID).
import type { MqttClient } from 'mqtt';
import { NodeOperationError, type ExecuteContext, type Item, type NodeOutput, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { connectMqtt } from './mqtt-client.ts';

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  let client: MqttClient;
  try {
    client = await connectMqtt(await ctx.credentials.get('mqtt'));
  } catch (error) {
    if (error instanceof NodeOperationError) throw error;
    throw new NodeOperationError(ctx.node.name, `MQTT: ${errorMessage(error)}`, { itemIndex: 0 });
  }
  const out: Item[] = [];
  try {
    const sendInputData = param(ctx, 'sendInputData', 0, true);
    for (let i = 0; i < items.length; i++) {
      try {
        const topic = String(param(ctx, 'topic', i, ''));
        const message = sendInputData ? JSON.stringify(items[i].json) : String(param(ctx, 'message', i, ''));
        const options = collection(ctx, 'options', i);
        const qos = Number(options.qos ?? 0) as 0 | 1 | 2;
        await client.publishAsync(topic, message, { qos, retain: options.retain === true });
        out.push({ ...items[i], pairedItem: { item: i } });
      } catch (error) {
        if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.node.name, `MQTT: ${errorMessage(error)}`, { itemIndex: i });
        out.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await client.endAsync().catch(() => client.end(true));
  }
  return [out];
}

export const mqttNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.mqtt',
    displayName: 'MQTT',
    group: ['input'],
    version: [1],
    description: 'Push messages to MQTT',
    defaults: { name: 'MQTT' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'mqtt', required: true }],
    properties: [
      { displayName: 'Topic', name: 'topic', type: 'string', required: true, default: '', description: 'The topic to publish to' },
      { displayName: 'Send Input Data', name: 'sendInputData', type: 'boolean', default: true, description: 'Whether to send the data the node receives as JSON' },
      {
        displayName: 'Message', name: 'message', type: 'string', required: true, default: '', displayOptions: { show: { sendInputData: [false] } },
        description: 'The message to publish',
      },
      {
        displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
        options: [
          {
            displayName: 'QoS', name: 'qos', type: 'options', default: 0, description: 'QoS subscription level',
            options: [{ name: 'Received at Most Once', value: 0 }, { name: 'Received at Least Once', value: 1 }, { name: 'Exactly Once', value: 2 }],
          },
          { displayName: 'Retain', name: 'retain', type: 'boolean', default: false, description: 'Whether the broker keeps the last message on the topic for new subscribers' },
        ],
      },
    ],
  },
  execute,
};
