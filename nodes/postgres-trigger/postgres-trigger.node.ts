// Postgres Trigger (n8n-nodes-base.postgresTrigger v1): starts a run for every NOTIFY on a channel.
// 'createTrigger' first creates a function and a row trigger on the table that notify the row as
// JSON (dropped again on deactivation, as n8n does); 'listenTrigger' listens on an existing channel.
// The listening connection reconnects by itself after the server drops it.
import pg from 'pg';
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { pgConfig } from '../shared/pg-config.ts';
import { locatorValue } from '../shared/sql-build.ts';
import { ident, listen, type Listener, type PgNotification } from './pg-listener.ts';
import { postgresTriggerProperties } from './postgres-trigger.description.ts';
import { postgresTriggerMethods } from './postgres-trigger-methods.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_$]*$/;

interface TriggerNames {
  channel: string;
  functionName: string;
  triggerName: string;
}

/** n8n's default names, from the node id (hyphens become underscores). */
export function triggerNames(ctx: ExecuteContext): TriggerNames {
  const fields = collection(ctx, 'additionalFields', 0);
  const id = String(ctx.node.id ?? ctx.node.name).replace(/[^A-Za-z0-9_]/g, '_');
  const names = {
    channel: String(fields.channelName || `n8n_channel_${id}`),
    functionName: String(fields.functionName || `n8n_trigger_function_${id}`).replace(/\(\)$/, ''),
    triggerName: String(fields.triggerName || `n8n_trigger_${id}`),
  };
  if (param(ctx, 'triggerMode', 0, 'createTrigger') === 'listenTrigger') names.channel = param(ctx, 'channelName', 0, '');
  for (const [what, name] of Object.entries(names)) {
    if (!NAME.test(name)) {
      throw new NodeOperationError(ctx.node.name, `The ${what === 'channel' ? 'channel' : what === 'functionName' ? 'function' : 'trigger'} name '${name}' is not valid`, {
        description: 'Use letters, digits and underscores (names cannot contain hyphens)',
      });
    }
  }
  return names;
}

function tableOf(ctx: ExecuteContext): { schema: string; table: string } {
  const schema = locatorValue(param<unknown>(ctx, 'schema', 0, 'public')) || 'public';
  const table = locatorValue(param<unknown>(ctx, 'tableName', 0, ''));
  if (!table) throw new NodeOperationError(ctx.node.name, 'No table given: set the Table Name parameter');
  return { schema, table };
}

/** Creates (or, with "Replace if Exists" or default names, replaces) the notify function and the row trigger. */
async function createRowTrigger(ctx: ExecuteContext, client: pg.Client, names: TriggerNames): Promise<void> {
  const { schema, table } = tableOf(ctx);
  const firesOn = param(ctx, 'firesOn', 0, 'INSERT');
  if (!['INSERT', 'UPDATE', 'DELETE'].includes(firesOn)) throw new NodeOperationError(ctx.node.name, `Unknown event '${firesOn}'`);
  const fields = collection(ctx, 'additionalFields', 0);
  const replace = fields.replaceIfExists === true || !(fields.triggerName || fields.functionName);
  const target = `${ident(schema)}.${ident(table)}`;
  const channel = names.channel.replace(/'/g, "''");
  // A deleted row has no NEW: notify the OLD one then.
  await client.query(
    `CREATE ${replace ? 'OR REPLACE ' : ''}FUNCTION ${ident(names.functionName)}() RETURNS trigger LANGUAGE plpgsql AS $weft$ ` +
      `begin perform pg_notify('${channel}', row_to_json(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END)::text); return null; end; $weft$`,
  );
  if (replace) await client.query(`DROP TRIGGER IF EXISTS ${ident(names.triggerName)} ON ${target}`);
  await client.query(`CREATE TRIGGER ${ident(names.triggerName)} AFTER ${firesOn} ON ${target} FOR EACH ROW EXECUTE FUNCTION ${ident(names.functionName)}()`);
}

/** Drops the function, and with it (CASCADE) the row trigger. */
async function dropRowTrigger(credentials: Record<string, unknown>, names: TriggerNames): Promise<void> {
  const client = new pg.Client(pgConfig(credentials, 10));
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(`DROP FUNCTION IF EXISTS ${ident(names.functionName)}() CASCADE`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Starts listening as the node's parameters say; `onEvent` hears each notification as n8n's item. */
async function armListener(ctx: ExecuteContext, onEvent: (item: Item) => void, onError: (error: Error) => void): Promise<{ close(): Promise<void> }> {
  const credentials = await ctx.credentials.get('postgres');
  const names = triggerNames(ctx);
  const createMode = param(ctx, 'triggerMode', 0, 'createTrigger') === 'createTrigger';
  if (createMode) tableOf(ctx);
  let created = false;
  const listener: Listener = listen({
    credentials,
    channel: names.channel,
    connectionTimeout: Number(collection(ctx, 'options', 0).connectionTimeout ?? 30),
    setup: createMode ? async (client) => {
      if (created) return; // the function and trigger outlive a dropped connection
      await createRowTrigger(ctx, client, names);
      created = true;
    } : undefined,
    onNotification: (n: PgNotification) => onEvent({ json: { channel: n.channel, payload: n.payload as never, processId: n.processId } }),
    onError,
  });
  try {
    await listener.ready;
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, (error as Error).message, { description: `Could not listen on Postgres channel '${names.channel}'` });
  }
  return {
    async close() {
      await listener.close();
      if (createMode) await dropRowTrigger(credentials, names).catch(() => {});
    },
  };
}

export const postgresTriggerNode: NodeType = {
  methods: postgresTriggerMethods,
  description: {
    name: 'n8n-nodes-base.postgresTrigger',
    displayName: 'Postgres Trigger',
    group: ['trigger'],
    version: [1],
    description: 'Listens to Postgres messages',
    icon: 'file:postgres.svg',
    defaults: { name: 'Postgres Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'postgres', required: true }],
    triggerKind: 'trigger',
    properties: postgresTriggerProperties,
  },
  triggers: {
    async trigger(ctx) {
      return armListener(ctx, (item) => ctx.emit([[item]]), (error) => ctx.emitError(error));
    },
  },
  /** A manual run ("test step"): listen until the first notification, or until the run is stopped. */
  async execute(ctx) {
    let settle: (item: Item | Error) => void = () => {};
    const first = new Promise<Item | Error>((resolve) => (settle = resolve));
    const armed = await armListener(ctx, (item) => settle(item), () => {});
    const abort = () => settle(new NodeOperationError(ctx.node.name, 'Stopped before a notification arrived'));
    ctx.signal.addEventListener('abort', abort, { once: true });
    if (ctx.signal.aborted) abort();
    try {
      const result = await first;
      if (result instanceof Error) throw result;
      return [[{ ...result, pairedItem: { item: 0 } }]];
    } finally {
      ctx.signal.removeEventListener('abort', abort);
      await armed.close();
    }
  },
};
