// The pure model shared by every part: events, errors, workflow definitions and deciders. No I/O.
export * from './events.ts';
export * from './errors.ts';
export * from './bounded-json.ts';
export * from './decider.ts';
export * from './workflow-definition.ts';
export * from './workflow-diff.ts';
export * from './workflow-edits.ts';
export * from './workflow.ts';
export * from './ids.ts';
export * from './access.ts';
export * from './user.ts';
export * from './workspace.ts';
export * from './credential.ts';
export * from './credential-types.ts';
export * from './sharing.ts';
export * from './live-messages.ts';
export * from './node-properties.ts';
