// Redis Trigger (n8n-nodes-base.redisTrigger v1): subscribes to channels (comma-separated, `*`
// patterns as PSUBSCRIBE takes them) and starts a run per message. Its own connection keeps
// retrying after a drop and subscribes again (ioredis resubscribes on reconnect). A manual run
// waits for the first message.
import { NodeOperationError, type ExecuteContext, type Item, type NodeOutput, type NodeType, type TriggerContext } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { connectRedis } from '../redis/redis-client.ts';

function channelsOf(ctx: ExecuteContext): string[] {
  const channels = String(param(ctx, 'channels', 0, '')).split(',').map((c) => c.trim()).filter(Boolean);
  if (channels.length === 0) throw new NodeOperationError(ctx.node.name, 'Channels are mandatory!');
  return channels;
}

function messageItem(ctx: ExecuteContext, channel: string, text: string): Item {
  const options = collection(ctx, 'options', 0);
  let message: unknown = text;
  if (options.jsonParseBody === true) {
    try {
      message = JSON.parse(text);
    } catch {
      // n8n keeps text that is not JSON as it came.
    }
  }
  return { json: options.onlyMessage === true ? { message } : { channel, message } };
}

/**
 * Subscribes and calls `onItem` per message until the returned close is called; `onDrop` hears
 * each lost connection once (ioredis then retries, quietly, until the server answers again).
 */
async function subscribe(ctx: ExecuteContext, onItem: (item: Item) => void, onDrop?: () => void): Promise<() => Promise<void>> {
  const channels = channelsOf(ctx);
  // Named after the workflow and node, so an operator can find (or kill) it in CLIENT LIST.
  const name = `weft-trigger:${ctx.workflow.id}:${ctx.node.name}`.replace(/\s+/g, '_');
  const client = await connectRedis(await ctx.credentials.get('redis'), true, name);
  client.on('pmessage', (_pattern: string, channel: string, message: string) => onItem(messageItem(ctx, channel, message)));
  await client.psubscribe(...channels);
  let up = true;
  let closing = false;
  client.on('ready', () => (up = true));
  client.on('close', () => {
    if (!up || closing) return;
    up = false;
    onDrop?.();
  });
  return async () => {
    closing = true;
    await client.quit().catch(() => client.disconnect());
  };
}

/** The editor's test step: waits for one message (or the run's stop) and outputs it. */
async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  if (ctx.mode !== 'manual') return [ctx.getInputData()];
  let close: (() => Promise<void>) | undefined;
  let finished = false;
  try {
    const item = await new Promise<Item>((resolve, reject) => {
      const stop = () => reject(new NodeOperationError(ctx.node.name, 'The run was stopped before a message arrived'));
      if (ctx.signal.aborted) return stop();
      ctx.signal.addEventListener('abort', stop, { once: true });
      // A subscription that completes after the run stopped is closed at once.
      subscribe(ctx, resolve).then((c) => (finished ? void c() : (close = c)), reject);
    });
    return [[item]];
  } finally {
    finished = true;
    await close?.();
  }
}

async function trigger(ctx: TriggerContext) {
  const close = await subscribe(ctx, (item) => ctx.emit([[item]]), () => ctx.emitError(new Error('Redis Trigger: the connection dropped; reconnecting')));
  return { close };
}

export const redisTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.redisTrigger',
    displayName: 'Redis Trigger',
    group: ['trigger'],
    version: [1],
    description: 'Subscribe to redis channel',
    defaults: { name: 'Redis Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'redis', required: true }],
    triggerKind: 'trigger',
    properties: [
      {
        displayName: 'Channels', name: 'channels', type: 'string', default: '', required: true,
        description: 'Channels to subscribe to, multiple channels be defined with comma. Wildcard character(*) is supported.',
      },
      {
        displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
        options: [
          { displayName: 'JSON Parse Body', name: 'jsonParseBody', type: 'boolean', default: false, description: 'Whether to try to parse the message to an object' },
          { displayName: 'Only Message', name: 'onlyMessage', type: 'boolean', default: false, description: 'Whether to return only the message property' },
        ],
      },
    ],
  },
  execute,
  triggers: { trigger },
};
