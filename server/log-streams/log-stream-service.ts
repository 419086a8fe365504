// Log streaming: the destinations (CRUD) and their delivery. Each destination follows the audit
// read model from its own checkpoint, entry by entry in position order, and moves the checkpoint
// only after the entry was accepted: nothing is skipped, and after a restart it goes on where it
// stopped (an entry in flight at a crash may be sent twice; its X-Weft-Event-Id tells).
import { randomUUID } from 'node:crypto';
import { NotFoundError, ValidationError, zodDetails } from '../../domain/index.ts';
import { AUDIT, createMutex, type AuditDoc, type Collection, type ProjectionRunner, type ReadModelStore } from '../../projections/index.ts';
import type { Logger } from '../logger.ts';
import { destinationInput, type DestinationDoc, type DestinationInput } from './destination.ts';
import { formatSyslog, sendSyslog } from './syslog.ts';
import { postEntry } from './webhook-sender.ts';

export const LOG_STREAMS = 'log_streams';
const BATCH = 100;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface LogStreamService {
  list(): Promise<DestinationDoc[]>;
  get(id: string): Promise<DestinationDoc>;
  create(input: unknown): Promise<DestinationDoc>;
  /** Changes some fields; the result must still be a valid destination of the same kind. */
  update(id: string, changes: Record<string, unknown>): Promise<DestinationDoc>;
  remove(id: string): Promise<void>;
  /** Starts delivering every `pollMs`, while `delivers()` says this process should. */
  start(): void;
  /** Delivers what is pending now (the timer calls it; tests may too). */
  deliverNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface LogStreamDeps {
  vault: ReadModelStore;
  audit: ProjectionRunner;
  logger: Logger;
  pollMs: number;
  /** Whether this process delivers (one server of several: the trigger leader). */
  delivers(): boolean;
}

export async function createLogStreamService(deps: LogStreamDeps): Promise<LogStreamService> {
  await deps.vault.ensureCollection({ name: LOG_STREAMS });
  const store = deps.vault.collection<DestinationDoc>(LOG_STREAMS);
  const entries = (): Collection<AuditDoc> => deps.audit.collection<AuditDoc>(AUDIT);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  // Changes to a destination and the delivery's progress on it are written one at a time, so an
  // edit never puts back an older checkpoint.
  const serial = createMutex();

  const validate = (input: unknown): DestinationInput => {
    const parsed = destinationInput.safeParse(input);
    if (!parsed.success) throw new ValidationError('Invalid log stream destination', zodDetails(parsed.error).map((d) => ({ ...d, path: d.path ? `body.${d.path}` : 'body' })));
    return parsed.data;
  };
  const get = async (id: string) => {
    const doc = await store.get(id);
    if (!doc) throw new NotFoundError('Log stream', id);
    return doc;
  };
  const lastAuditPosition = async () => (await entries().find({ sort: [{ field: 'position', direction: 'desc' }], limit: 1 })).items[0]?.position ?? 0;

  async function deliver(dest: DestinationDoc): Promise<void> {
    const page = await entries().find({ filter: { position: { $gt: dest.checkpoint } }, sort: [{ field: 'position', direction: 'asc' }], limit: BATCH });
    let { checkpoint, delivered } = dest;
    try {
      for (const entry of page.items) {
        if (dest.kind === 'syslog') await sendSyslog(dest, [formatSyslog(entry, dest)]);
        else await postEntry(dest, entry);
        checkpoint = entry.position;
        delivered++;
        // Each entry's checkpoint is kept at once, so a restart repeats at most the one in flight.
        await serial(() => store.patch(dest.id, { checkpoint, delivered, consecutiveFailures: 0, lastDeliveredAt: new Date().toISOString(), retryAt: null } as Partial<DestinationDoc>));
      }
    } catch (err) {
      const failures = (dest.failures ?? 0) + 1;
      const consecutive = (dest.consecutiveFailures ?? 0) + 1;
      const backoff = Math.min(MAX_BACKOFF_MS, deps.pollMs * 2 ** Math.min(consecutive - 1, 20));
      const message = (err as Error).message;
      deps.logger.warn({ logStream: dest.id, name: dest.name, checkpoint, err: message, retryInMs: backoff }, 'log stream delivery failed; retrying');
      await serial(() => store.patch(dest.id, {
        failures, consecutiveFailures: consecutive, lastError: message, lastErrorAt: new Date().toISOString(), retryAt: new Date(Date.now() + backoff).toISOString(),
      } as Partial<DestinationDoc>));
    }
  }

  async function deliverAll(): Promise<void> {
    const now = new Date().toISOString();
    const all = await store.find({ filter: { enabled: true }, limit: 1000 });
    await Promise.all(all.items.filter((d) => !d.retryAt || d.retryAt <= now).map(deliver));
  }

  const service: LogStreamService = {
    async list() {
      return (await store.find({ sort: [{ field: 'createdAt', direction: 'asc' }], limit: 1000 })).items;
    },
    get,
    async create(input) {
      const valid = validate(input);
      const now = new Date().toISOString();
      const doc = {
        ...valid, id: randomUUID(), createdAt: now, updatedAt: now,
        checkpoint: valid.startAt === 'beginning' ? 0 : await lastAuditPosition(), delivered: 0, failures: 0, consecutiveFailures: 0,
      } as DestinationDoc;
      await store.upsert(doc);
      return doc;
    },
    update: (id, changes) => serial(async () => {
      const doc = await get(id);
      const { id: _i, createdAt, updatedAt: _u, checkpoint, delivered, failures, consecutiveFailures, lastError, lastErrorAt, lastDeliveredAt, retryAt: _r, ...current } = doc;
      if (changes.kind !== undefined && changes.kind !== doc.kind) throw new ValidationError('A destination keeps its kind', [{ path: 'body.kind', message: `is ${doc.kind}` }]);
      if ('startAt' in changes) throw new ValidationError('startAt applies when a destination is created', [{ path: 'body.startAt', message: 'not changeable' }]);
      const valid = validate({ ...current, ...changes });
      const next = {
        ...valid, id, createdAt, updatedAt: new Date().toISOString(), checkpoint, delivered, failures, consecutiveFailures: 0,
        ...(lastError ? { lastError, lastErrorAt } : {}), ...(lastDeliveredAt ? { lastDeliveredAt } : {}),
      } as DestinationDoc;
      await store.upsert(next);
      return next;
    }),
    remove: (id) => serial(async () => {
      if (!(await store.delete(id))) throw new NotFoundError('Log stream', id);
    }),
    deliverNow() {
      // One delivery round at a time: a destination never has two entries in flight.
      running ??= deliverAll().catch((err: unknown) => deps.logger.error({ err }, 'log streaming failed')).finally(() => { running = undefined; });
      return running;
    },
    start() {
      const tick = async () => {
        if (deps.delivers()) await service.deliverNow();
        if (stopped) return;
        timer = setTimeout(tick, deps.pollMs);
        timer.unref();
      };
      timer = setTimeout(tick, deps.pollMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
  return service;
}
