// Code sandbox: the Code node's JavaScript in isolated-vm and its Python in a Pyodide worker thread.
export { createCodeRunner, CodeExecutionError, CODE_RUNNER_DEFAULTS } from './code-runner.ts';
export type { CodeRunner, CodeRunnerOptions, CodeRunRequest, ConsoleLevel } from './code-runner.ts';
export type { CodeMode } from './code-runner.ts';
export { createPythonRunner, sharedPythonRunner, PYTHON_RUNNER_DEFAULTS } from './python-runner.ts';
export type { PythonLanguage, PythonRunner, PythonRunnerOptions, PythonRunRequest } from './python-runner.ts';
export type { PythonRunContext } from './python-protocol.ts';
