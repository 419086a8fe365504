// The execution thread's first module. Run from TypeScript sources, Weft goes through tsx, which a
// worker thread has to register for itself before it imports the entry; compiled, it needs none.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(workerData.entry);
