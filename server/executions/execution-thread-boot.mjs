// The execution thread's first module: Weft runs its TypeScript through tsx, which a worker thread
// has to register for itself before it imports the entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
