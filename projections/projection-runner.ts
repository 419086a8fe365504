// Keeps one projection up to date, serves its active read model, and rebuilds it into a new
// storage key while the old one keeps serving, then swaps.
import type { RecordedEvent } from '../domain/index.ts';
import type { EventStore } from '../events/index.ts';
import { CHECKPOINTS, physicalName, ProjectionLane, type Checkpoint, type LaneLogger } from './projection-lane.ts';
import type { Projection } from './projection.ts';
import type { Collection, Doc, Page, ReadModelStore } from './read-model-store.ts';
import { dropQuarantined, listQuarantined, quarantinedOf, type QuarantineRecord } from './quarantine.ts';

export const PROJECTION_STATE = 'projection_state';

interface ProjectionState extends Doc {
  id: string;
  activeKey: string;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  activeKey: string;
  checkpoint: number;
  /** Events the serving read model set aside because applying them failed (see `quarantine()`). */
  quarantined: number;
  rebuilding?: { key: string; checkpoint: number; quarantined: number };
}

export interface ProjectionRunnerOptions {
  events: EventStore;
  readModels: ReadModelStore;
  projection: Projection;
  logger: LaneLogger & { info(obj: object, msg: string): void };
  batchSize?: number;
}

export class ProjectionRunner {
  private activeKey = '';
  private live?: ProjectionLane;
  private building?: ProjectionLane;
  private swapping?: Promise<void>;
  private attached = false;

  constructor(private readonly options: ProjectionRunnerOptions) {}

  get name(): string {
    return this.options.projection.name;
  }

  /** Whether this projection reads events like this one (callers need not wait for it otherwise). */
  accepts(event: Pick<RecordedEvent, 'stream' | 'type'>): boolean {
    return this.options.projection.accepts?.(event as RecordedEvent) ?? true;
  }

  private get versionKey(): string {
    return `${this.options.projection.name}_v${this.options.projection.version}`;
  }

  /** Starts following the log. Returns before catch-up; use `waitFor` for read-your-writes. */
  async start(): Promise<void> {
    const { readModels } = this.options;
    await readModels.ensureCollection({ name: PROJECTION_STATE });
    await readModels.ensureCollection({ name: CHECKPOINTS });
    const state = await readModels.collection<ProjectionState>(PROJECTION_STATE).get(this.name);
    if (!state) {
      await readModels.collection<ProjectionState>(PROJECTION_STATE).upsert({ id: this.name, activeKey: this.versionKey });
      await this.follow(this.versionKey);
    } else if (isKeyOfVersion(state.activeKey, this.versionKey)) {
      await this.follow(state.activeKey);
    } else {
      // The code's version changed: the old read model keeps serving until the new one catches up.
      this.activeKey = state.activeKey;
      this.options.logger.info({ projection: this.name, from: state.activeKey, to: this.versionKey }, 'projection version changed; rebuilding');
      this.swapping = this.buildAndSwap(this.versionKey);
      this.swapping.catch((err) => this.options.logger.error({ err, projection: this.name }, 'projection rebuild failed'));
    }
  }

  /**
   * Serves the read model another process keeps up to date, without following the log (worker
   * processes only read). `waitFor` then watches the shared checkpoint.
   */
  async attach(): Promise<void> {
    const state = await this.options.readModels.collection<ProjectionState>(PROJECTION_STATE).get(this.name);
    this.activeKey = state?.activeKey ?? this.versionKey;
    this.attached = true;
  }

  /** A collection of the read model currently serving. */
  collection<D extends Doc = Doc>(logical: string): Collection<D> {
    return this.options.readModels.collection<D>(physicalName(this.activeKey, logical));
  }

  /** Resolves once the serving read model reflects every event up to `position`. */
  async waitFor(position: number, timeoutMs?: number): Promise<void> {
    if (this.attached) return this.waitForShared(position, timeoutMs ?? 5_000);
    const started = Date.now();
    // A rebuild in progress must not hold a caller past its timeout.
    if (this.swapping) await within(this.swapping, timeoutMs, `Projection ${this.name} is rebuilding and did not reach position ${position} within ${timeoutMs} ms`);
    await this.live!.waitFor(position, timeoutMs === undefined ? undefined : Math.max(1, timeoutMs - (Date.now() - started)));
  }

  /** Rebuilds from the first event into fresh storage while the current one serves, then swaps. */
  async rebuild(): Promise<ProjectionStatus> {
    if (this.swapping) await this.swapping;
    this.swapping = this.buildAndSwap(`${this.versionKey}_r${Date.now().toString(36)}`);
    try {
      await this.swapping;
    } finally {
      this.swapping = undefined;
    }
    return this.status();
  }

  status(): ProjectionStatus {
    return {
      name: this.name,
      version: this.options.projection.version,
      activeKey: this.activeKey,
      checkpoint: this.live?.checkpoint ?? 0,
      quarantined: this.live?.quarantined ?? 0,
      ...(this.building ? { rebuilding: { key: this.building.key, checkpoint: this.building.checkpoint, quarantined: this.building.quarantined } } : {}),
    };
  }

  /** The events the serving read model quarantined, in log order. */
  quarantine(limit?: number, cursor?: string): Promise<Page<QuarantineRecord>> {
    return listQuarantined(this.options.readModels, this.activeKey, limit, cursor);
  }

  /** Which of one stream's events in a revision range the serving read model quarantined. */
  quarantinedOf(stream: string, fromRevision: number, toRevision: number): Promise<QuarantineRecord[]> {
    return quarantinedOf(this.options.readModels, this.activeKey, stream, fromRevision, toRevision);
  }

  /**
   * Whether the serving read model reaches `position` within `withinMs` (for /readyz). Unlike
   * `waitFor`, it does not wait for a rebuild in progress: the serving one is what reads see.
   */
  async reaches(position: number, withinMs: number): Promise<boolean> {
    try {
      if (this.attached) await this.waitForShared(position, withinMs);
      else if (this.live) await this.live.waitFor(position, withinMs);
      // A version change being rebuilt: nothing follows the log for the serving read model yet.
      else return false;
      return true;
    } catch {
      return false;
    }
  }

  private async waitForShared(position: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.attach();
      const checkpoint = (await this.options.readModels.collection<Checkpoint>(CHECKPOINTS).get(this.activeKey))?.position ?? 0;
      if (checkpoint >= position) return;
      if (Date.now() > deadline) throw new Error(`Projection ${this.name} did not reach position ${position} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    await this.building?.stop();
    await this.live?.stop();
  }

  private lane(key: string): ProjectionLane {
    const { events, readModels, projection, logger, batchSize } = this.options;
    return new ProjectionLane(events, readModels, projection, key, logger, batchSize, () => this.noticeExternalSwap(key));
  }

  private async follow(key: string): Promise<void> {
    this.activeKey = key;
    this.live = this.lane(key);
    await this.live.start();
  }

  private async buildAndSwap(key: string): Promise<void> {
    const { events, readModels, projection } = this.options;
    this.building = this.lane(key);
    await this.building.start();
    // Follow the head until the new build has caught up with it, then swap atomically.
    await this.building.waitFor(await events.headPosition(), 24 * 3600_000);
    await readModels.collection<ProjectionState>(PROJECTION_STATE).upsert({ id: this.name, activeKey: key });
    const previous = this.live;
    const previousKey = this.activeKey;
    this.live = this.building;
    this.building = undefined;
    this.activeKey = key;
    await previous?.stop();
    if (previousKey && previousKey !== key) {
      for (const spec of projection.collections) await readModels.collection(physicalName(previousKey, spec.name)).drop();
      await readModels.collection(CHECKPOINTS).delete(previousKey);
      await dropQuarantined(readModels, previousKey);
    }
    this.options.logger.info({ projection: this.name, key }, 'projection swapped to new build');
  }

  /** Another process (the CLI's rebuild) may have swapped the active key: follow it. */
  private async noticeExternalSwap(laneKey: string): Promise<void> {
    if (this.building || this.swapping || laneKey !== this.activeKey) return;
    const state = await this.options.readModels.collection<ProjectionState>(PROJECTION_STATE).get(this.name);
    if (!state || state.activeKey === this.activeKey) return;
    const old = this.live;
    this.options.logger.info({ projection: this.name, key: state.activeKey }, 'projection swapped by another process');
    await this.follow(state.activeKey);
    void old?.stop();
  }
}

async function within(work: Promise<void>, timeoutMs: number | undefined, message: string): Promise<void> {
  if (timeoutMs === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), timeoutMs)));
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function isKeyOfVersion(key: string, versionKey: string): boolean {
  return key === versionKey || key.startsWith(`${versionKey}_r`);
}
