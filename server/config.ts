// Configuration: read from the environment once, each setting documented with its default.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_JSON_DEPTH, MAX_STORED_JSON_DEPTH } from '../domain/index.ts';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const optionalUrl = z.string().trim().min(1).optional();
/** An http(s) origin with nothing after the host and port. */
const isOrigin = (value: string) => {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
};

/** One entry per setting: the env var, its schema with default, and a one-line doc. */
const settings = {
  port: { env: 'PORT', schema: z.coerce.number().int().min(0).max(65535).default(5678), doc: 'HTTP port of the API, webhooks and editor.' },
  host: { env: 'HOST', schema: z.string().default('0.0.0.0'), doc: 'Interface the HTTP server binds to.' },
  dataDir: { env: 'DATA_DIR', schema: z.string().default('./data'), doc: 'Folder for the embedded SQLite event store and read models.' },
  eventStoreUrl: { env: 'EVENTSTORE_URL', schema: optionalUrl, doc: 'EventStoreDB/KurrentDB connection string (esdb://…); unset: embedded SQLite event store.' },
  mongoUrl: { env: 'MONGO_URL', schema: optionalUrl, doc: 'MongoDB URL for read models (a replica set, for transactions); unset: embedded SQLite.' },
  mongoDb: { env: 'MONGO_DB', schema: z.string().default('weft'), doc: 'MongoDB database name for read models.' },
  redisUrl: { env: 'REDIS_URL', schema: optionalUrl, doc: 'Redis URL (redis://…); checked by /readyz, the job queue (BullMQ) and the live fan-out (Socket.IO adapter); unset: in-process.' },
  outputInlineLimitBytes: { env: 'OUTPUT_INLINE_LIMIT_BYTES', schema: z.coerce.number().int().min(1024).default(256 * 1024), doc: "A node output larger than this (as JSON) is stored in the blob store and the event keeps its hash, in bytes." },
  queuePrefix: { env: 'QUEUE_PREFIX', schema: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/).default('weft'), doc: 'Redis key prefix of the job queue (several installations can share a Redis).' },
  executionsThread: { env: 'EXECUTIONS_THREAD', schema: bool.default(true), doc: 'Without REDIS_URL, runs execute on a thread of their own beside the server, so that a long node step never holds up webhooks, the API or the editor; false runs them on the server thread.' },
  serverRunsWorker: { env: 'SERVER_RUNS_WORKER', schema: bool.default(true), doc: 'The server also runs workflows itself; false with REDIS_URL leaves runs to `weft worker` processes.' },
  workerConcurrency: { env: 'WORKER_CONCURRENCY', schema: z.coerce.number().int().min(1).max(1000).default(10), doc: "Runs one worker (or the server) executes at once (n8n's default too); more favours run throughput, fewer favours answering webhooks and the API." },
  workflowConcurrency: { env: 'WORKFLOW_CONCURRENCY', schema: z.coerce.number().int().min(0).default(0), doc: 'Most runs of one workflow at once, across all workers (0: no limit).' },
  queueRatePerSecond: { env: 'QUEUE_RATE_PER_SECOND', schema: z.coerce.number().int().min(0).default(0), doc: 'Most runs started per second, across all workers (0: no limit).' },
  triggerLeaseMs: { env: 'TRIGGER_LEASE_MS', schema: z.coerce.number().int().min(300).default(10_000), doc: "With several servers on one Redis: how long the server that arms the long-lived triggers (a node's trigger(), remote webhook registrations) keeps the lead without renewing it, in ms; another takes over after it." },
  queueLockMs: { env: 'QUEUE_LOCK_MS', schema: z.coerce.number().int().min(500).default(30_000), doc: "How long a silent worker keeps a run before another takes it over (Redis queue), in ms." },
  workerShutdownTimeoutMs: { env: 'WORKER_SHUTDOWN_TIMEOUT_MS', schema: z.coerce.number().int().min(0).default(30_000), doc: 'On shutdown, how long running runs may finish before they are handed back to the queue, in ms (at most until 1 s before SHUTDOWN_TIMEOUT_MS).' },
  executionsDataPrune: { env: 'EXECUTIONS_DATA_PRUNE', schema: bool.default(true), doc: "Delete the data of finished runs on a rolling basis, by age and by count (n8n's variable and default)." },
  executionsDataMaxAgeHours: { env: 'EXECUTIONS_DATA_MAX_AGE', schema: z.coerce.number().int().min(1).default(336), doc: 'With pruning on, finished runs that stopped longer ago than this are pruned, in hours (n8n: 336, 14 days).' },
  executionsDataPruneMaxCount: { env: 'EXECUTIONS_DATA_PRUNE_MAX_COUNT', schema: z.coerce.number().int().min(0).default(10_000), doc: 'With pruning on, most runs kept: finished runs beyond the newest this many are pruned (0: no limit; n8n: 10000).' },
  executionsDataPruneIntervalMinutes: { env: 'EXECUTIONS_DATA_PRUNE_INTERVAL', schema: z.coerce.number().int().min(1).default(15), doc: "How often pruning runs, in minutes (n8n's variable and default)." },
  executionsDataBlobGraceMs: { env: 'EXECUTIONS_DATA_BLOB_GRACE_MS', schema: z.coerce.number().int().min(0).default(10 * 60_000), doc: 'Pruning deletes a stored node output no remaining run refers to only when it was not written for this long, in ms (a run may be about to refer to it).' },
  executionsDataSaveOnSuccess: { env: 'EXECUTIONS_DATA_SAVE_ON_SUCCESS', schema: z.enum(['all', 'none']).default('all'), doc: "Keep the data of successful runs ('all') or drop it once they end ('none'); a workflow's saveDataSuccessExecution setting overrides it." },
  executionsDataSaveOnError: { env: 'EXECUTIONS_DATA_SAVE_ON_ERROR', schema: z.enum(['all', 'none']).default('all'), doc: "Keep the data of failed, crashed and canceled runs ('all') or drop it once they end ('none'); a workflow's saveDataErrorExecution setting overrides it." },
  executionsDataSaveManual: { env: 'EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS', schema: bool.default(true), doc: "Keep the data of runs started by hand; a workflow's saveManualExecutions setting overrides it." },
  metricsEnabled: { env: 'METRICS_ENABLED', schema: bool.default(false), doc: 'Serve Prometheus metrics at /metrics without a token (keep the port private); METRICS_TOKEN turns them on too, behind the token.' },
  metricsToken: { env: 'METRICS_TOKEN', schema: z.string().min(16).optional(), doc: 'Bearer token /metrics asks for (Authorization: Bearer <token>, at least 16 characters); setting it turns metrics on.' },
  metricsPort: { env: 'METRICS_PORT', schema: z.coerce.number().int().min(0).max(65535).optional(), doc: "Port where `weft worker` serves its own /metrics (process, queue and append metrics; metrics on as for servers, which serve /metrics on PORT and count every worker's runs from the log)." },
  logStreamPollMs: { env: 'LOG_STREAM_POLL_MS', schema: z.coerce.number().int().min(10).default(1_000), doc: 'How often log streaming looks for new audit entries to send to its destinations, in ms.' },
  logLevel: { env: 'LOG_LEVEL', schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), doc: 'pino log level.' },
  logPretty: { env: 'LOG_PRETTY', schema: bool.default(false), doc: 'Human-readable logs instead of JSON lines (development).' },
  jsonBodyLimitBytes: { env: 'JSON_BODY_LIMIT_BYTES', schema: z.coerce.number().int().min(1024).default(16 * 1024 * 1024), doc: 'Largest JSON body the API accepts, in bytes.' },
  jsonMaxDepth: { env: 'JSON_MAX_DEPTH', schema: z.coerce.number().int().min(8).max(MAX_STORED_JSON_DEPTH).default(DEFAULT_MAX_JSON_DEPTH), doc: `Deepest nesting of JSON accepted anywhere: API and webhook bodies, imports, files the CLI reads, live messages and collaboration edits (at most ${MAX_STORED_JSON_DEPTH}).` },
  shutdownTimeoutMs: { env: 'SHUTDOWN_TIMEOUT_MS', schema: z.coerce.number().int().min(0).default(10_000), doc: 'The longest a shutdown (SIGTERM, SIGINT) takes, in ms: in-flight requests and runs get until then; runs still inside a step are then handed back and the process exits with code 1 (killed 1 s later if its event loop is blocked).' },
  publicUrl: { env: 'PUBLIC_URL', schema: z.string().url().optional(), doc: 'Address users reach the server at, for invitation, OAuth2 and webhook links; default http://localhost:$PORT (webhook URLs in the editor: the address it was loaded from).' },
  allowedOrigins: {
    env: 'ALLOWED_ORIGINS',
    schema: z.string().default('').transform((v, ctx) => {
      const origins = v.split(',').map((o) => o.trim()).filter(Boolean);
      const bad = origins.find((o) => !isOrigin(o));
      if (bad === undefined) return origins.map((o) => new URL(o).origin);
      ctx.addIssue({ code: 'custom', message: `'${bad}' is not an origin like https://host[:port]` });
      return z.NEVER;
    }),
    doc: 'Comma-separated browser origins besides PUBLIC_URL (and the address a request was sent to) allowed to open /collab and /socket.io.',
  },
  frameAncestors: {
    env: 'FRAME_ANCESTORS',
    schema: z.string().default("'none'").transform((v, ctx) => {
      const sources = v.split(/[\s,]+/).filter(Boolean);
      const bad = sources.find((s) => s !== "'none'" && s !== "'self'" && !isOrigin(s));
      if (bad === undefined) return sources.length ? sources.join(' ') : "'none'";
      ctx.addIssue({ code: 'custom', message: `'${bad}' is not 'none', 'self' or an origin` });
      return z.NEVER;
    }),
    doc: "Who may show the editor in a frame: 'none', 'self' or space-separated origins (CSP frame-ancestors; X-Frame-Options is sent only for 'none' and 'self').",
  },
  communityPackagesEnabled: { env: 'COMMUNITY_PACKAGES_ENABLED', schema: bool.default(true), doc: 'Community node packages (npm n8n-nodes-*) may be installed by the owner and are loaded from DATA_DIR/nodes; false loads none and refuses installs.' },
  communityPackagesAllowed: {
    env: 'COMMUNITY_PACKAGES_ALLOWED',
    schema: z.string().default('').transform((v) => v.split(',').map((name) => name.trim()).filter(Boolean)),
    doc: 'Comma-separated package names that may be installed; empty: any n8n community package.',
  },
  nodesDir: { env: 'NODES_DIR', schema: z.string().optional(), doc: 'A folder of your own node packages (each with an n8n field in its package.json), loaded like installed ones; for writing nodes.' },
  ownerEmail: { env: 'OWNER_EMAIL', schema: z.string().email().optional(), doc: 'On first start, create the owner account with this email (with OWNER_PASSWORD).' },
  ownerPassword: { env: 'OWNER_PASSWORD', schema: z.string().min(8).optional(), doc: 'Password of the owner created on first start (at least 8 characters).' },
  ownerApiKey: { env: 'OWNER_API_KEY', schema: z.string().min(24).max(256).optional(), doc: 'On first start, an API key for the owner in the default workspace (at least 24 characters).' },
  masterKey: { env: 'MASTER_KEY', schema: z.string().optional(), doc: 'Base64 32-byte key that wraps credential keys; unset: generated into DATA_DIR/master.key (back it up).' },
  sessionTtlHours: { env: 'SESSION_TTL_HOURS', schema: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7), doc: 'How long a sign-in session lasts without use, in hours.' },
  cookieSecure: { env: 'COOKIE_SECURE', schema: bool.default(false), doc: 'Mark the session cookie Secure (set when serving over HTTPS).' },
  signInAttemptsPerWindow: { env: 'SIGNIN_ATTEMPTS', schema: z.coerce.number().int().min(1).default(10), doc: 'Failed sign-ins allowed per email and address in 15 minutes before 429.' },
  executeCommandEnabled: { env: 'EXECUTE_COMMAND_ENABLED', schema: bool.default(false), doc: "Let the Execute Command node run shell commands on this host (off by default, as n8n 2 excludes it); anyone who can edit a workflow could run any command as the server's user." },
  blockPrivateNetworks: { env: 'BLOCK_PRIVATE_NETWORKS', schema: bool.default(false), doc: 'Refuse outgoing connections (credential tests, OAuth2) to private and loopback addresses, against SSRF.' },
  filesAllowedDirs: { env: 'FILES_ALLOWED_DIRS', schema: z.string().optional(), doc: "Folders, separated by ';', that Read/Write Files from Disk and Local File Trigger may use (n8n's N8N_RESTRICT_FILE_ACCESS_TO); unset: DATA_DIR/files only. Paths outside them, also through '..' or symlinks, are refused." },
  timezone: { env: 'GENERIC_TIMEZONE', schema: z.string().default('America/New_York'), doc: "Default IANA time zone of runs, unless a workflow's settings name one (n8n's variable and default)." },
  expressionTimeoutMs: { env: 'EXPRESSION_TIMEOUT_MS', schema: z.coerce.number().int().min(10).default(1000), doc: 'Longest one expression may run, in ms.' },
  codeTimeoutMs: { env: 'CODE_TIMEOUT_MS', schema: z.coerce.number().int().min(10).default(60_000), doc: 'Longest a Code node may run, in ms.' },
  sandboxMemoryMb: { env: 'SANDBOX_MEMORY_MB', schema: z.coerce.number().int().min(8).default(512), doc: 'Heap limit of the sandbox that runs expressions and Code, in MB.' },
  allowEnvInExpressions: { env: 'EXPRESSIONS_ALLOW_ENV', schema: bool.default(false), doc: 'Let expressions read environment variables through $env.' },
  webhookBodyLimitBytes: { env: 'WEBHOOK_BODY_LIMIT_BYTES', schema: z.coerce.number().int().min(1024).default(16 * 1024 * 1024), doc: 'Largest body a webhook call may send (JSON, form, file or multipart), in bytes.' },
  testWebhookTimeoutMs: { env: 'TEST_WEBHOOK_TIMEOUT_MS', schema: z.coerce.number().int().min(1000).default(120_000), doc: 'How long a test webhook listens for its one call, in ms.' },
  scheduleMaxLatenessMs: { env: 'SCHEDULE_MAX_LATENESS_MS', schema: z.coerce.number().int().min(1000).default(60_000), doc: 'A schedule tick that fires later than this (the system was down or stalled) is skipped, not replayed, in ms.' },
  collabCommitDebounceMs: { env: 'COLLAB_COMMIT_DEBOUNCE_MS', schema: z.coerce.number().int().min(0).default(1_000), doc: 'Quiet time after the last live edit before the edits are recorded as workflow events, in ms.' },
  collabCommitMaxWaitMs: { env: 'COLLAB_COMMIT_MAX_WAIT_MS', schema: z.coerce.number().int().min(0).default(10_000), doc: 'Longest continuous live editing goes without its edits recorded as workflow events, in ms.' },
  collabPersistBatchMs: { env: 'COLLAB_PERSIST_BATCH_MS', schema: z.coerce.number().int().min(0).default(10), doc: 'How long live-document updates gather before one append to workflowdoc-<id>, in ms.' },
  collabSnapshotEvery: { env: 'COLLAB_SNAPSHOT_EVERY', schema: z.coerce.number().int().min(1).default(200), doc: 'Stored live-document update batches between two compacted snapshots.' },
  collabRoomIdleMs: { env: 'COLLAB_ROOM_IDLE_MS', schema: z.coerce.number().int().min(0).default(30_000), doc: 'How long a collaboration room with nobody in it stays open, in ms.' },
  collabAccessRecheckMs: { env: 'COLLAB_ACCESS_RECHECK_MS', schema: z.coerce.number().int().min(100).default(30_000), doc: 'How often collaboration sockets are pinged and their access checked again (ended sessions, revoked keys, lost roles), in ms.' },
  collabMaxMessageBytes: { env: 'COLLAB_MAX_MESSAGE_BYTES', schema: z.coerce.number().int().min(1024).default(8 * 1024 * 1024), doc: 'Largest collaboration WebSocket message accepted, in bytes.' },
  readYourWritesTimeoutMs: { env: 'READ_YOUR_WRITES_TIMEOUT_MS', schema: z.coerce.number().int().min(1).default(5_000), doc: 'How long a write waits for its read model before answering (503 when it is not visible by then), in ms.' },
  startupCatchUpTimeoutMs: { env: 'STARTUP_CATCH_UP_TIMEOUT_MS', schema: z.coerce.number().int().min(0).default(60_000), doc: 'How long start-up waits for the read models to catch up with the log before listening anyway (a projection still behind is logged and /readyz answers 503 until it catches up), in ms.' },
  readyzProjectionLagMs: { env: 'READYZ_PROJECTION_LAG_MS', schema: z.coerce.number().int().min(0).default(2_000), doc: "How long /readyz gives a projection to reach the log's head before reporting it behind (503), in ms." },
  eventsPollIntervalMs: { env: 'EVENTS_POLL_INTERVAL_MS', schema: z.coerce.number().int().min(5).default(200), doc: 'How often the embedded SQLite event store looks for events other processes (workers) wrote, in ms: the delay before live watchers and read models see them.' },
  liveNewRunWaitMs: { env: 'LIVE_NEW_RUN_WAIT_MS', schema: z.coerce.number().int().min(0).default(2_000), doc: 'How long watching a run waits for its first event (a run accepted a moment ago), in ms, before answering not found.' },
  liveReplayMaxEvents: { env: 'LIVE_REPLAY_MAX_EVENTS', schema: z.coerce.number().int().min(1000).default(100_000), doc: 'Most log events scanned to catch up a reconnecting workflow-room watcher; further behind, it is told to reload.' },
  liveAccessRecheckMs: { env: 'LIVE_ACCESS_RECHECK_MS', schema: z.coerce.number().int().min(100).default(60_000), doc: 'How often live sockets are checked again (ended sessions, revoked keys, lost membership), in ms.' },
} as const;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export class ConfigError extends Error {}

/** Reads every setting from `env`; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, s] of Object.entries(settings)) {
    const raw = env[s.env];
    const parsed = (s.schema as z.ZodType).safeParse(raw === '' ? undefined : raw);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${s.env}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const config = out as Config;
  return { ...config, dataDir: path.resolve(config.dataDir), ...(config.nodesDir ? { nodesDir: path.resolve(config.nodesDir) } : {}) };
}

/** The folders the local-file nodes may use: FILES_ALLOWED_DIRS, else DATA_DIR/files (as n8n 2 defaults to ~/.n8n-files). */
export function filesAllowedDirs(config: Partial<Pick<Config, 'filesAllowedDirs' | 'dataDir'>>): string[] {
  const listed = (config.filesAllowedDirs ?? '').split(';').map((dir) => dir.trim()).filter(Boolean);
  if (listed.length) return listed.map((dir) => path.resolve(dir));
  return config.dataDir ? [path.join(path.resolve(config.dataDir), 'files')] : [];
}

/** The documentation of every setting, for `weft config` and the README. */
export function describeConfig(): { env: string; default: unknown; doc: string }[] {
  return Object.values(settings).map((s) => {
    const d = (s.schema as z.ZodType).safeParse(undefined);
    return { env: s.env, default: d.success ? d.data : undefined, doc: s.doc };
  });
}
