// A workspace's notification channels, kept in the vault with their config sealed under a data
// key of their own (wrapped by the master key), as credentials are: the API never returns it.
import { randomUUID } from 'node:crypto';
import { NotFoundError, ValidationError, zodDetails } from '../../domain/index.ts';
import type { ReadModelStore } from '../../projections/index.ts';
import { decryptJson, encryptJson, newDataKey, unwrapKey, wrapKey } from '../credentials/envelope.ts';
import { channelConfigs, channelSummary, type ChannelKind, type ChannelRecord, type OpenChannel } from './channel.ts';

export const NOTIFICATION_CHANNELS = 'notification_channels';

export type ChannelService = Awaited<ReturnType<typeof createChannelService>>;

function checkConfig(kind: ChannelKind, config: unknown): Record<string, unknown> {
  const parsed = channelConfigs[kind].safeParse(config ?? {});
  if (!parsed.success) throw new ValidationError(`Invalid ${kind} channel config`, zodDetails(parsed.error).map((d) => ({ ...d, path: d.path ? `body.config.${d.path}` : 'body.config' })));
  return parsed.data as Record<string, unknown>;
}

export async function createChannelService(deps: { vault: ReadModelStore; masterKey: Buffer }) {
  await deps.vault.ensureCollection({ name: NOTIFICATION_CHANNELS, indexes: [{ fields: ['workspaceId'] }] });
  const store = deps.vault.collection<ChannelRecord>(NOTIFICATION_CHANNELS);

  const seal = (id: string, config: Record<string, unknown>) => {
    const key = newDataKey();
    return { sealed: encryptJson(key, config, id), wrappedKey: wrapKey(deps.masterKey, key, id) };
  };

  /** The channel, if it is this workspace's (another workspace's is not found, as a missing one). */
  async function get(workspaceId: string, id: string): Promise<ChannelRecord> {
    const record = await store.get(id);
    if (!record || record.workspaceId !== workspaceId) throw new NotFoundError('Notification channel', id);
    return record;
  }

  return {
    get,
    async list(workspaceId: string): Promise<ChannelRecord[]> {
      return (await store.find({ filter: { workspaceId }, sort: [{ field: 'name', direction: 'asc' }], limit: 1000 })).items;
    },
    async create(workspaceId: string, input: { name: string; kind: ChannelKind; config?: unknown }): Promise<ChannelRecord> {
      const config = checkConfig(input.kind, input.config);
      const id = randomUUID();
      const now = new Date().toISOString();
      const record: ChannelRecord = { id, workspaceId, name: input.name, kind: input.kind, summary: channelSummary(input.kind, config), ...seal(id, config), createdAt: now, updatedAt: now };
      await store.upsert(record);
      return record;
    },
    /** A new config replaces the old one whole (secrets included), so nothing of it is read back. */
    async update(workspaceId: string, id: string, changes: { name?: string; config?: unknown }): Promise<ChannelRecord> {
      const record = await get(workspaceId, id);
      const next: ChannelRecord = { ...record, ...(changes.name ? { name: changes.name } : {}), updatedAt: new Date().toISOString() };
      if (changes.config !== undefined) {
        const config = checkConfig(record.kind, changes.config);
        Object.assign(next, { summary: channelSummary(record.kind, config), ...seal(id, config) });
      }
      await store.upsert(next);
      return next;
    },
    async remove(workspaceId: string, id: string): Promise<void> {
      await get(workspaceId, id);
      await store.delete(id);
    },
    /** The channel with its config opened, for sending. */
    async open(id: string): Promise<OpenChannel | undefined> {
      const record = await store.get(id);
      if (!record) return undefined;
      const config = decryptJson(unwrapKey(deps.masterKey, record.wrappedKey, id), record.sealed, id);
      return { id, kind: record.kind, name: record.name, config } as OpenChannel;
    },
  };
}
