// The RabbitMQ and MQTT nodes against the real brokers (RabbitMQ guest/guest on 5672, Mosquitto on
// 1883): what they send arrives as sent, and bad credentials or a closed port fail clearly.
import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import mqttLib from 'mqtt';
import { describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const rabbit = { hostname: '127.0.0.1', port: 5672, username: 'guest', password: 'guest', vhost: '/' };
const id = randomUUID().slice(0, 8);

describe('RabbitMQ node', () => {
  it('sends each item to a queue and to an exchange, with headers', async () => {
    const queue = `weft-test-${id}`;
    const connection = await amqplib.connect('amqp://guest:guest@127.0.0.1:5672');
    const channel = await connection.createChannel();
    try {
      const result = await runChain([{
        name: 'Send', type: 'n8n-nodes-base.rabbitmq', typeVersion: 1.1,
        parameters: { queue, options: { durable: false, autoDelete: false, headers: { header: [{ key: 'x-n', value: '={{ $json.n }}' }] } } },
      }], { items: [{ json: { n: 1 } }, { json: { n: 2 } }], credentials: { rabbitmq: rabbit } });
      expect(outputOf(result, 'Send').map((i) => [i.json, i.pairedItem])).toEqual([[{ success: true }, { item: 0 }], [{ success: true }, { item: 1 }]]);
      const first = await channel.get(queue, { noAck: true });
      const second = await channel.get(queue, { noAck: true });
      expect(first && [first.content.toString(), first.properties.headers?.['x-n']]).toEqual(['{"n":1}', 1]);
      expect(second && second.content.toString()).toBe('{"n":2}');

      const exchange = `weft-test-x-${id}`;
      await channel.assertExchange(exchange, 'direct', { durable: false });
      const bound = (await channel.assertQueue('', { exclusive: true })).queue;
      await channel.bindQueue(bound, exchange, 'rk');
      await runChain([{
        name: 'Send', type: 'n8n-nodes-base.rabbitmq', typeVersion: 1,
        parameters: { mode: 'exchange', exchange, exchangeType: 'direct', routingKey: 'rk', sendInputData: false, message: '=hi {{ $json.n }}', options: { durable: false } },
      }], { items: [{ json: { n: 7 } }], credentials: { rabbitmq: rabbit } });
      const routed = await channel.get(bound, { noAck: true });
      expect(routed && routed.content.toString()).toBe('hi 7');
      await channel.deleteQueue(queue);
      await channel.deleteExchange(exchange);
    } finally {
      await connection.close();
    }
  });

  it('names the broker error for a wrong password and a closed port', async () => {
    const bad = await runChain([{ name: 'Send', type: 'n8n-nodes-base.rabbitmq', parameters: { queue: `weft-test-${id}-bad` } }], { credentials: { rabbitmq: { ...rabbit, password: 'wrong' } } });
    expect(bad.data.resultData.error?.message).toMatch(/ACCESS_REFUSED|403/);
    const closed = await runChain([{ name: 'Send', type: 'n8n-nodes-base.rabbitmq', parameters: { queue: 'q' } }], { credentials: { rabbitmq: { ...rabbit, port: 1 } } });
    expect(closed.data.resultData.error?.message).toMatch(/ECONNREFUSED/);
  });
});

describe('MQTT node', () => {
  it('publishes each item with its QoS and retain flag and passes the items on', async () => {
    const topic = `weft/test/${id}`;
    const sub = await mqttLib.connectAsync('mqtt://127.0.0.1:1883');
    const got: string[] = [];
    sub.on('message', (_t, m) => got.push(m.toString()));
    await sub.subscribeAsync(topic, { qos: 1 });
    const result = await runChain([{ name: 'Pub', type: 'n8n-nodes-base.mqtt', parameters: { topic, options: { qos: 1 } } }], {
      items: [{ json: { a: 1 } }, { json: { a: 2 } }], credentials: { mqtt: { protocol: 'mqtt', host: '127.0.0.1', port: 1883, clean: true } },
    });
    expect(outputOf(result, 'Pub').map((i) => i.json)).toEqual([{ a: 1 }, { a: 2 }]);
    for (let i = 0; i < 50 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual(['{"a":1}', '{"a":2}']);
    await sub.endAsync();
  });

  it('fails clearly when the broker port is closed', async () => {
    const closed = await runChain([{ name: 'Pub', type: 'n8n-nodes-base.mqtt', parameters: { topic: 't' } }], { credentials: { mqtt: { protocol: 'mqtt', host: '127.0.0.1', port: 1, clean: true } } });
    expect(closed.data.resultData.error?.message).toMatch(/ECONNREFUSED/);
  });
});
