// The parameters n8n's chat memories share (nodes/memory/descriptions.ts): how the session id is
// found, the custom key, and the context window. Same names, defaults and display rules.
import type { NodeProperty } from '../../engine/index.ts';

export const sessionIdTypeProperty: NodeProperty = {
  displayName: 'Session ID',
  name: 'sessionIdType',
  type: 'options',
  options: [
    { name: 'Connected Chat Trigger Node', value: 'fromInput', description: "Looks for an input field called 'sessionId' that is coming from a directly connected Chat Trigger" },
    { name: 'Define below', value: 'customKey', description: 'Use an expression to reference data in previous nodes or enter static text' },
  ],
  default: 'fromInput',
};

/** The read-only "from previous node" key n8n shows from `fromVersion` on. */
export const expressionSessionKeyProperty = (fromVersion: number): NodeProperty => ({
  displayName: 'Session Key From Previous Node',
  name: 'sessionKey',
  type: 'string',
  default: '={{ $json.sessionId }}',
  displayOptions: { show: { sessionIdType: ['fromInput'], '@version': [{ _cnd: { gte: fromVersion } }] } },
});

export const sessionKeyProperty: NodeProperty = {
  displayName: 'Key',
  name: 'sessionKey',
  type: 'string',
  default: '',
  description: 'The key to use to store session ID in the memory',
  displayOptions: { show: { sessionIdType: ['customKey'] } },
};

export const contextWindowLengthProperty: NodeProperty = {
  displayName: 'Context Window Length',
  name: 'contextWindowLength',
  type: 'number',
  default: 5,
  description: 'How many past interactions the model receives as context',
};

/** v1 memories stored under a plain key; v1.1 took the session id from an expression. */
export const legacySessionKeyProperties: NodeProperty[] = [
  { displayName: 'Session Key', name: 'sessionKey', type: 'string', default: 'chat_history', description: 'The key to use to store the memory in the workflow data', displayOptions: { show: { '@version': [1] } } },
  { displayName: 'Session ID', name: 'sessionKey', type: 'string', default: '={{ $json.sessionId }}', description: 'The key to use to store the memory', displayOptions: { show: { '@version': [1.1] } } },
  { ...sessionIdTypeProperty, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.2 } }] } } },
];
