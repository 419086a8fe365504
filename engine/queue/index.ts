// The job queue: where runs wait for a worker (in-process by default, BullMQ on Redis at scale).
export type { RunJob, EndedOutcome, EnqueueOptions, JobHandler, WorkerOptions, QueueWorker, RunQueue, WantedResult } from './run-queue.ts';
export { widerWant } from './run-queue.ts';
export { PRIORITY } from './run-queue.ts';
export { createInProcessQueue } from './in-process-queue.ts';
export { atMost } from './hand-back.ts';
export { createThreadQueueClient, createThreadQueueHost } from './thread-queue.ts';
export { createBullmqQueue, type BullmqQueueOptions } from './bullmq-queue.ts';
