// Real-time collaboration, browser-safe: the Y.Doc schema of a workflow and its converters, the
// edits an editor makes, repairs of concurrent conflicts, author attribution, and the room and
// client halves of the y-websocket protocol (no transport, no Node-only modules).
export {
  ROOT, CODE_PARAMETERS, ORDER, OUTPUTS, rootOf, nodesOf, connectionsOf, settingsOf, isInitialised,
  definitionToDoc, docToDefinition, connectionRows, orderedNodes, readRow, fromYValue,
  type ConnectionRow, type YNode,
} from './workflow-doc.ts';
export { applyDefinitionToDoc, replaceText } from './apply-definition.ts';
export {
  addNode, removeNode, setNodeField, renameNode, moveNode, setParameter, codeText, connect, disconnect, renameWorkflow, setSetting,
  type ConnectionEndsById,
} from './doc-edits.ts';
export { repairDoc, normaliseDoc, docProblems, type Repair } from './repair.ts';
export { trackAuthors, type Attribution, type AuthorTracker, type AuthoredOrigin } from './attribution.ts';
export {
  MESSAGE_SYNC, MESSAGE_AWARENESS, MESSAGE_AUTH, MESSAGE_QUERY_AWARENESS, MESSAGE_DURABLE, READ_ONLY_REASON,
  peekSyncType,
} from './protocol.ts';
export { createRoom, type Room, type RoomPeer, type RoomOptions } from './room.ts';
export { createCollabClient, type CollabClient, type CollabClientOptions } from './client.ts';
export { seededRandom, randomEdit, type Random } from './random-edits.ts';
