// The record of every delivery attempt and its outcome: sent, failed (with the error), or held
// back by the rule's rate limit for the digest.
import { randomUUID } from 'node:crypto';
import type { ReadModelStore } from '../../projections/index.ts';

export const NOTIFICATION_DELIVERIES = 'notification_deliveries';

export interface DeliveryRecord {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  /** null for a channel's test message. */
  ruleId: string | null;
  workflowId: string | null;
  /** null when held back (no channel was tried). */
  channelId: string | null;
  channelKind: string | null;
  status: 'sent' | 'failed' | 'suppressed';
  error?: string;
  digest: boolean;
  title: string;
  at: string;
}

export type Deliveries = Awaited<ReturnType<typeof createDeliveries>>;

export async function createDeliveries(vault: ReadModelStore) {
  await vault.ensureCollection({ name: NOTIFICATION_DELIVERIES, indexes: [{ fields: ['ruleId', 'at'] }] });
  const store = vault.collection<DeliveryRecord>(NOTIFICATION_DELIVERIES);
  return {
    newId: () => randomUUID(),
    async record(entry: Omit<DeliveryRecord, 'id' | 'at'> & { id?: string }): Promise<DeliveryRecord> {
      const record = { ...entry, id: entry.id ?? randomUUID(), at: new Date().toISOString() } as DeliveryRecord;
      await store.upsert(record);
      return record;
    },
    async listByRule(ruleId: string, limit: number): Promise<DeliveryRecord[]> {
      return (await store.find({ filter: { ruleId }, sort: [{ field: 'at', direction: 'desc' }], limit })).items;
    },
  };
}
