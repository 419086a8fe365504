// The n8n node's editor method: the workflows of the instance the credential points at, read with
// every page of the public API's GET /workflows, filtered by name or id, newest (highest id) first.
import { NodeOperationError, type JsonObject, type NodeMethods } from '../../engine/index.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { ApiError, apiClient } from './n8n-api-client.ts';

export const n8nMethods: NodeMethods = {
  listSearch: {
    async searchWorkflows(ctx, filter) {
      const api = await apiClient(ctx);
      const workflows: JsonObject[] = [];
      try {
        let cursor: string | undefined;
        do {
          const page = (await api.call('GET', '/workflows', { query: { limit: 100, cursor } })) as { data?: JsonObject[]; nextCursor?: string | null };
          workflows.push(...(page.data ?? []));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      } catch (error) {
        if (error instanceof ApiError) throw new NodeOperationError(ctx.node.name, error.message, { description: `${error.status} on ${error.request}` });
        throw serviceCallError(ctx.node.name, error, 0);
      } finally {
        await api.close();
      }
      const needle = filter?.toLowerCase();
      const results = workflows
        .map((workflow) => ({ name: `${String(workflow.name)} (#${String(workflow.id)})`, value: String(workflow.id) }))
        .filter((entry) => !filter || entry.name.toLowerCase().includes(needle!) || entry.value === filter);
      // Numeric ids (older instances) put the latest first; other ids keep the API's order.
      if (results.every((entry) => /^\d+$/.test(entry.value))) results.sort((a, b) => Number(b.value) - Number(a.value));
      return { results };
    },
  },
};
