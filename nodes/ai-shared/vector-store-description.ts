// The description n8n's createVectorStoreNode gives every vector store node: the operation modes,
// the inputs and outputs each mode has, and the fields of each mode around the store's own fields.
import type { NodeCredentialDescription, NodeDescription, NodeProperty } from '../../engine/index.ts';

export type VectorStoreMode = 'load' | 'insert' | 'retrieve' | 'retrieve-as-tool' | 'update';

export interface VectorStoreMeta {
  /** Full type name, e.g. `@n8n/n8n-nodes-langchain.vectorStoreInMemory`. */
  name: string;
  displayName: string;
  description: string;
  icon?: string;
  credentials?: NodeCredentialDescription[];
  /** The modes this store offers (n8n's default: all but update). */
  operationModes?: VectorStoreMode[];
}

export interface VectorStoreFields {
  sharedFields: NodeProperty[];
  insertFields?: NodeProperty[];
  loadFields?: NodeProperty[];
  retrieveFields?: NodeProperty[];
  updateFields?: NodeProperty[];
}

const DEFAULT_MODES: VectorStoreMode[] = ['load', 'insert', 'retrieve', 'retrieve-as-tool'];

const MODE_OPTIONS: Array<{ name: string; value: VectorStoreMode; description: string }> = [
  { name: 'Get Many', value: 'load', description: 'Get many ranked documents from vector store for query' },
  { name: 'Insert Documents', value: 'insert', description: 'Insert documents into vector store' },
  { name: 'Retrieve Documents (As Vector Store for Chain/Tool)', value: 'retrieve', description: 'Retrieve documents from vector store to be used as vector store with AI nodes' },
  { name: 'Retrieve Documents (As Tool for AI Agent)', value: 'retrieve-as-tool', description: 'Retrieve documents from vector store to be used as tool with AI nodes' },
  { name: 'Update Documents', value: 'update', description: 'Update documents in vector store by ID' },
];

const forModes = (fields: NodeProperty[] | undefined, modes: VectorStoreMode[]): NodeProperty[] =>
  (fields ?? []).map((field) => ({ ...field, displayOptions: { show: { mode: modes } } }));

/** n8n's outputs expression: a tool, a vector store, or the main output. */
export function vectorStoreOutputs(parameters: Record<string, unknown>): string[] {
  const mode = (parameters.mode as string | undefined) ?? 'retrieve';
  if (mode === 'retrieve-as-tool') return ['ai_tool'];
  if (mode === 'retrieve') return ['ai_vectorStore'];
  return ['main'];
}

export function vectorStoreDescription(meta: VectorStoreMeta, fields: VectorStoreFields): NodeDescription {
  const modes = meta.operationModes ?? DEFAULT_MODES;
  return {
    name: meta.name,
    displayName: meta.displayName,
    description: meta.description,
    ...(meta.icon ? { icon: meta.icon } : {}),
    group: ['transform'],
    // 1.2 changed the Simple Vector Store's memory key; 1.3 names the tool after the node.
    version: [1, 1.1, 1.2, 1.3],
    defaults: { name: meta.displayName },
    ...(meta.credentials ? { credentials: meta.credentials } : {}),
    // n8n has no main input in the retrieve modes; those run only as sub-nodes here, so it stays unused.
    inputs: ['main'],
    outputs: ['main'],
    outputsFor: (parameters) => vectorStoreOutputs(parameters),
    subNodeInputs: [
      { type: 'ai_embedding', displayName: 'Embedding', required: true, maxConnections: 1 },
      { type: 'ai_reranker', displayName: 'Reranker', required: true, maxConnections: 1, displayOptions: { show: { mode: ['load', 'retrieve', 'retrieve-as-tool'], useReranker: [true] } } },
      { type: 'ai_document', displayName: 'Document', required: true, maxConnections: 1, displayOptions: { show: { mode: ['insert'] } } },
    ],
    properties: [
      { displayName: 'Operation Mode', name: 'mode', type: 'options', noDataExpression: true, default: 'retrieve', options: MODE_OPTIONS.filter((o) => modes.includes(o.value)) },
      {
        displayName: 'This node must be connected to a vector store retriever. Insert one',
        name: 'notice', type: 'notice', default: '', typeOptions: { containerClass: 'ndv-connection-hint-notice' },
        displayOptions: { show: { mode: ['retrieve'] } },
      },
      {
        displayName: 'Name', name: 'toolName', type: 'string', default: '', required: true, description: 'Name of the vector store',
        placeholder: 'e.g. company_knowledge_base', typeOptions: { validateType: 'string-alphanumeric' },
        displayOptions: { show: { '@version': [{ _cnd: { lte: 1.2 } }], mode: ['retrieve-as-tool'] } },
      },
      {
        displayName: 'Description', name: 'toolDescription', type: 'string', default: '', required: true, typeOptions: { rows: 2 },
        description: 'Explain to the LLM what this tool does, a good, specific description would allow LLMs to produce expected results much more often',
        placeholder: `e.g. ${meta.description}`,
        displayOptions: { show: { mode: ['retrieve-as-tool'] } },
      },
      ...fields.sharedFields,
      {
        displayName: 'Embedding Batch Size', name: 'embeddingBatchSize', type: 'number', default: 200, description: 'Number of documents to embed in a single batch',
        displayOptions: { show: { mode: ['insert'], '@version': [{ _cnd: { gte: 1.1 } }] } },
      },
      ...forModes(fields.insertFields, ['insert']),
      {
        displayName: 'Prompt', name: 'prompt', type: 'string', default: '', required: true,
        description: 'Search prompt to retrieve matching documents from the vector store using similarity-based ranking',
        displayOptions: { show: { mode: ['load'] } },
      },
      { displayName: 'Limit', name: 'topK', type: 'number', default: 4, description: 'Number of top results to fetch from vector store', displayOptions: { show: { mode: ['load', 'retrieve-as-tool'] } } },
      { displayName: 'Include Metadata', name: 'includeDocumentMetadata', type: 'boolean', default: true, description: 'Whether or not to include document metadata', displayOptions: { show: { mode: ['load', 'retrieve-as-tool'] } } },
      { displayName: 'Rerank Results', name: 'useReranker', type: 'boolean', default: false, description: 'Whether or not to rerank results', displayOptions: { show: { mode: ['load', 'retrieve', 'retrieve-as-tool'] } } },
      { displayName: 'ID', name: 'id', type: 'string', default: '', required: true, description: 'ID of an embedding entry', displayOptions: { show: { mode: ['update'] } } },
      ...forModes(fields.loadFields, ['load', 'retrieve-as-tool']),
      ...forModes(fields.retrieveFields, ['retrieve']),
      ...forModes(fields.updateFields, ['update']),
    ],
  };
}
