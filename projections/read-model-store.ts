// The document read-model port: every adapter (SQLite, MongoDB) implements exactly this.

/** A read-model document. `id` is its key; every other field is the projection's own. */
export type Doc = { id: string } & Record<string, unknown>;

export type Scalar = string | number | boolean | null;

/** Conditions on one field (a dotted path such as `meta.owner` reaches into nested objects). */
export interface FieldCondition {
  $eq?: Scalar;
  $ne?: Scalar;
  $in?: Scalar[];
  $gt?: string | number;
  $gte?: string | number;
  $lt?: string | number;
  $lte?: string | number;
  /** true: the field is present and not null; false: it is absent or null. */
  $exists?: boolean;
  /** The field is an array that contains this value. */
  $has?: Scalar;
  /** The field is a string that contains this text, ignoring case. */
  $contains?: string;
}

/** All conditions must hold. A plain scalar value means `$eq`. */
export type Filter = Record<string, Scalar | FieldCondition>;

export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

export interface FindOptions {
  filter?: Filter;
  /** Default: by id ascending. `id` is always appended as the final tie-breaker. */
  sort?: SortKey[];
  /** Default 50, at most 1000. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface Page<D extends Doc = Doc> {
  items: D[];
  /** Present when more items follow; pass it back as `cursor`. */
  nextCursor?: string;
}

export interface IndexSpec {
  /** Fields in order; each may be prefixed with '-' for descending. */
  fields: string[];
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes?: IndexSpec[];
}

/** Operations on one collection. Inside a transaction they take part in it. */
export interface Collection<D extends Doc = Doc> {
  /** Inserts or replaces the whole document. */
  upsert(doc: D): Promise<void>;
  /** Sets the given top-level fields of an existing document; false when it does not exist. */
  patch(id: string, fields: Partial<D>): Promise<boolean>;
  /** False when it did not exist. */
  delete(id: string): Promise<boolean>;
  get(id: string): Promise<D | undefined>;
  find(options?: FindOptions): Promise<Page<D>>;
  count(filter?: Filter): Promise<number>;
  /** Removes every document (used when dropping a projection version). */
  drop(): Promise<void>;
}

/** The collections a transaction can touch. */
export interface ReadModelTx {
  collection<D extends Doc = Doc>(name: string): Collection<D>;
}

export interface ReadModelStore extends ReadModelTx {
  /** Creates the collection's storage and declared indexes if missing. Idempotent. */
  ensureCollection(spec: CollectionSpec): Promise<void>;
  /**
   * Runs `work` atomically: every write inside commits together or not at all. Transactions are
   * serialised per store, so a projection's read model and its checkpoint change together.
   */
  transaction<T>(work: (tx: ReadModelTx) => Promise<T>): Promise<T>;
  /** Answers whether the backend is reachable (for /readyz). */
  ping(): Promise<void>;
  /** Gives storage freed by deletes back where the backend can (SQLite, after pruning); else a no-op. */
  reclaimSpace(): Promise<void>;
  close(): Promise<void>;
}
