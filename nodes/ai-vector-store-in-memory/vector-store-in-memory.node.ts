// Simple Vector Store (@n8n/n8n-nodes-langchain.vectorStoreInMemory v1–1.3): documents kept in this
// Weft process under a memory key — per workflow up to 1.1, shared by every workflow from 1.2 on.
import type { ExecuteContext, NodeProperty } from '../../engine/index.ts';
import { processMemoryVectorStores } from '../ai-shared/vector-memory-store.ts';
import { createVectorStoreNode } from '../ai-shared/vector-store-node.ts';

const DEFAULT_MEMORY_KEY = 'vector_store_key';

const warningBanner: NodeProperty = {
  displayName: '<strong>For experimental use only</strong>: Data is stored in memory and will be lost if n8n restarts. Data may also be cleared if available memory gets low, and is accessible to all users of this instance. <a href="https://docs.n8n.io/integrations/builtin/cluster-nodes/root-nodes/n8n-nodes-langchain.vectorstoreinmemory/">More info</a>',
  name: 'notice',
  type: 'notice',
  default: '',
};

function memoryKey(ctx: ExecuteContext, itemIndex: number): string {
  const value = ctx.getNodeParameter('memoryKey', itemIndex, DEFAULT_MEMORY_KEY);
  if (ctx.node.typeVersion <= 1.1) return `${ctx.workflow.id}__${String(value)}`;
  return String(value !== null && typeof value === 'object' ? (value as { value?: unknown }).value ?? '' : value);
}

export const vectorStoreInMemoryNode = createVectorStoreNode({
  meta: {
    name: '@n8n/n8n-nodes-langchain.vectorStoreInMemory',
    displayName: 'Simple Vector Store',
    description: 'The easiest way to experiment with vector stores, without external setup.',
    icon: 'fa:database',
  },
  sharedFields: [
    {
      displayName: 'Memory Key', name: 'memoryKey', type: 'string', default: DEFAULT_MEMORY_KEY,
      description: 'The key to use to store the vector memory in the workflow data. The key will be prefixed with the workflow ID to avoid collisions.',
      displayOptions: { show: { '@version': [{ _cnd: { lte: 1.1 } }] } },
    },
    {
      displayName: 'Memory Key', name: 'memoryKey', type: 'resourceLocator', required: true, default: { mode: 'list', value: DEFAULT_MEMORY_KEY },
      description: 'The key to use to store the vector memory in the workflow data. These keys are shared between workflows.',
      displayOptions: { show: { '@version': [{ _cnd: { gte: 1.2 } }] } },
      modes: [
        { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'vectorStoresSearch', searchable: true } },
        { displayName: 'Manual', name: 'id', type: 'string', placeholder: DEFAULT_MEMORY_KEY },
      ],
    },
  ],
  insertFields: [
    { displayName: 'Clear Store', name: 'clearStore', type: 'boolean', default: false, description: 'Whether to clear the store before inserting new data' },
    warningBanner,
  ],
  loadFields: [warningBanner],
  retrieveFields: [warningBanner],
  methods: {
    listSearch: {
      async vectorStoresSearch(_ctx, filter) {
        const keys = processMemoryVectorStores.keys().filter((key) => !filter || key.includes(filter));
        return { results: keys.map((key) => ({ name: key, value: key })) };
      },
    },
  },
  async getVectorStoreClient(ctx, _filter, embeddings, itemIndex) {
    return processMemoryVectorStores.get(memoryKey(ctx, itemIndex), embeddings);
  },
  async populateVectorStore(ctx, embeddings, documents, itemIndex) {
    const clearStore = ctx.getNodeParameter('clearStore', itemIndex, false) === true;
    await processMemoryVectorStores.addDocuments(memoryKey(ctx, itemIndex), embeddings, documents, clearStore);
  },
});
