// Schedule figures: 1,000 active workflows on a one-minute schedule (all due at second 0 of each
// minute, the worst case): how late each tick's run is recorded and started after its due time
// (p50/p99/max), how long the burst takes to finish, and the CPU used in the quiet part of the
// minute (timers armed, nothing due). Embedded by default; REDIS_URL=… for BullMQ Job Schedulers.
// Run: npx tsx ops/bench/schedule.bench.ts   (WORKFLOWS=1000 MINUTES=2 to change)
import { DEFAULT_WORKSPACE_ID, parseWorkflowDefinition } from '../../domain/index.ts';
import { startTestRuntime } from '../../server/index.ts';
import { percentile } from './stats.ts';

const WORKFLOWS = Number(process.env.WORKFLOWS ?? 1000);
const MINUTES = Number(process.env.MINUTES ?? 2);
const ctx = { actor: { kind: 'system' as const, id: 'bench' }, requestId: 'bench' };

const definition = (i: number) => parseWorkflowDefinition({
  name: `Every minute ${i}`,
  settings: { executionOrder: 'v1', timezone: 'UTC' },
  nodes: [
    { id: 's', name: 'Schedule', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: { rule: { interval: [{ field: 'cronExpression', expression: '0 * * * * *' }] } } },
    { id: 'f', name: 'Mark', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { assignments: { assignments: [{ id: 'a', name: 'n', value: String(i), type: 'string' }] }, includeOtherFields: true, options: {} } },
  ],
  connections: { Schedule: { main: [[{ node: 'Mark', type: 'main', index: 0 }]] } },
});

async function main(): Promise<void> {
  const env: Record<string, string> = {};
  if (process.env.REDIS_URL) Object.assign(env, { REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: `weft-bench-${Date.now()}` });
  const rt = await startTestRuntime(env);
  try {
    const t0 = Date.now();
    for (let i = 0; i < WORKFLOWS; i++) {
      const doc = await rt.workflows.create(DEFAULT_WORKSPACE_ID, definition(i), [], { ...ctx, requestId: `c${i}` });
      await rt.workflows.activate(doc.id, { ...ctx, requestId: `a${i}` });
    }
    console.log(`schedule bench: ${WORKFLOWS} workflows created and activated in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${process.env.REDIS_URL ? 'BullMQ Job Schedulers' : 'embedded timers'}`);

    const recordLag: number[] = [];
    const startLag: number[] = [];
    const finishedAt: number[] = [];
    const due = new Map<string, number>();
    const sub = rt.events.subscribe({ from: await rt.events.headPosition(), filter: { streamPrefixes: ['execution-'], eventTypes: ['ExecutionQueued', 'ExecutionStarted', 'ExecutionFinished'] } }, (e) => {
      const data = e.data as { queuedAt?: string; startedAt?: string; stoppedAt?: string; triggerItems?: { json: { timestamp?: string } }[] };
      if (e.type === 'ExecutionQueued') {
        const at = Date.parse(data.triggerItems?.[0]?.json.timestamp ?? '');
        due.set(e.stream, at);
        recordLag.push(Date.parse(data.queuedAt!) - at);
      } else if (e.type === 'ExecutionStarted') {
        startLag.push(Date.parse(data.startedAt!) - due.get(e.stream)!);
      } else {
        finishedAt.push(Date.parse(data.stoppedAt!) - due.get(e.stream)!);
      }
    });

    // Measure whole minutes: start right after a due time has passed and its burst is over.
    const quietCpu: number[] = [];
    const untilNextMinute = 60_000 - (Date.now() % 60_000);
    await new Promise((r) => setTimeout(r, untilNextMinute + 100));
    for (let m = 0; m < MINUTES; m++) {
      const minuteStart = Date.now() - (Date.now() % 60_000);
      // Quiet window: from 30 s to 55 s past the minute (the burst is long over by then).
      await new Promise((r) => setTimeout(r, minuteStart + 30_000 - Date.now()));
      const cpu0 = process.cpuUsage();
      const wall0 = process.hrtime.bigint();
      await new Promise((r) => setTimeout(r, 25_000));
      const cpu = process.cpuUsage(cpu0);
      const wallMs = Number(process.hrtime.bigint() - wall0) / 1e6;
      quietCpu.push(((cpu.user + cpu.system) / 1000 / wallMs) * 100);
      await new Promise((r) => setTimeout(r, minuteStart + 60_000 + 100 - Date.now()));
    }
    await new Promise((r) => setTimeout(r, 30_000));
    await sub.close();
    const fmt = (v: number[]) => `p50 ${percentile(v, 50)} ms, p99 ${percentile(v, 99)} ms, max ${Math.max(...v)} ms`;
    console.log(`ticks seen: ${recordLag.length} (expected about ${WORKFLOWS * (MINUTES + 1)}), runs finished: ${finishedAt.length}`);
    console.log(`tick → run recorded (queued): ${fmt(recordLag)}`);
    console.log(`tick → run started: ${fmt(startLag)}`);
    console.log(`tick → run finished: ${fmt(finishedAt)}`);
    console.log(`CPU while armed and quiet (30–55 s past the minute): ${quietCpu.map((c) => `${c.toFixed(2)}%`).join(', ')} of one core`);
  } finally {
    await rt.dispose();
  }
}

await main();
