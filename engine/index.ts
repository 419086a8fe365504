// The execution engine: node SDK (what nodes are and may ask), run data, expressions, executor.
export * from './node-sdk.ts';
export * from './data-tables.ts';
export * from './run-data.ts';
export * from './expression-context.ts';
export * from './execution-custom-data.ts';
export * from './expressions/index.ts';
export * from './sandbox/index.ts';
export * from './executor/index.ts';
export * from './queue/index.ts';
