// The server's public face: configuration, the composition root and the HTTP app, for the CLI,
// benchmarks and end-to-end tests.
export { loadConfig, describeConfig, ConfigError, type Config } from './config.ts';
export { createLogger, type Logger } from './logger.ts';
export { startRuntime, openEventStore, openReadModels, ALL_PROJECTIONS, type Runtime } from './runtime.ts';
export { PRODUCT } from './product.ts';
export { startTestRuntime, startTestServer, sampleWorkflow, TEST_OWNER, type TestRuntime, type TestServer } from './test-support.ts';
export { METHODS_NODE, writeMethodsPackage } from './credentials/test-package-fixture.ts';
export { createStoreRecorder } from './executions/store-recorder.ts';
export { createHttpServer, type HttpServer } from './http-server.ts';
export { createRedisCommitBus } from './redis-commit-bus.ts';
export { exited, expectedScaleCount, scaleWorkflow, slowCodeChain, startWeftProcess } from './process-testing.ts';
export { decodeUtf8, parseJsonBytes } from './http/strict-json.ts';
