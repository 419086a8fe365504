// Loaded before every test file (vitest's setupFiles): property tests draw the same cases on every
// run, so the suite passes or fails the same way each time. A failure prints its seed and path;
// FC_SEED=<number> npm test replays another seed (to explore, or to reproduce a report).
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20_261_206);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not '${process.env.FC_SEED}'`);
fc.configureGlobal({ seed });
