// Code sandbox: the Code node's JavaScript in isolated-vm, and n8n's rules for what it returns.
export { createCodeRunner, CodeExecutionError, CODE_RUNNER_DEFAULTS } from './code-runner.ts';
export type { CodeRunner, CodeRunnerOptions, CodeRunRequest, ConsoleLevel } from './code-runner.ts';
export type { CodeMode } from './code-runner.ts';
