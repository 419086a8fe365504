// What a projection is: a named, versioned fold of events into read-model collections.
import type { RecordedEvent } from '../domain/index.ts';
import type { CollectionSpec, ReadModelTx } from './read-model-store.ts';

export interface Projection {
  /** Stable name; read models are stored under `<name>_v<version>…`. */
  name: string;
  /** Bump when `apply` or the document shape changes: the new version is rebuilt from the start. */
  version: number;
  /** The collections it writes, by logical name. */
  collections: CollectionSpec[];
  /** Cheap pre-check; events it rejects only advance the checkpoint. Default: all events. */
  accepts?: (event: RecordedEvent) => boolean;
  /** Applies one event. `tx.collection(name)` resolves logical names to this build's storage. */
  apply: (event: RecordedEvent, tx: ReadModelTx) => Promise<void>;
}
