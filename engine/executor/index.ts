// The workflow executor: runs a definition with n8n's semantics and records each step as an event.
export { executeWorkflow } from './execute-workflow.ts';
export type { ExecuteWorkflowOptions, RunCodeOptions } from './run-context.ts';
export { resolveNodeParameters, parameterValue } from '../../domain/index.ts';
export { createMemoryRecorder, executionStreamName } from './recorder.ts';
export type { ExecutionRecorder, MemoryRecorder, MemoryRecorderOptions } from './recorder.ts';
export { foldExecution } from './execution-events.ts';
export type * from './execution-events.ts';
export type { QueueSnapshot } from './run-state.ts';
export { isEngineEvent } from './replay.ts';
export { isResumeSignatureValid, resumeSignature, RESUME_SIGNATURE_PARAM } from './resume-signature.ts';
export type { ReplaySource } from './replay.ts';
export type { NodeDescriptionExtras, RequiredInputs, EngineExecuteContext } from './node-type-extras.ts';
export { canonicalJson, definitionHash, sha256Hex } from './canonical-json.ts';
export { STARTING_NODE_TYPES } from '../../domain/index.ts';
export { subWorkflowStartNode, subWorkflowResult } from './sub-workflow.ts';
export { recordedSubNodeCalls } from './sub-nodes.ts';
export { breakpointPauser } from './pause-points.ts';
export type { Breakpoint, PausePoint, PauseWhen, PausedInputEdit, ResumeHow } from './pause-types.ts';
