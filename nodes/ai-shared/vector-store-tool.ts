// The vector store's "retrieve-as-tool" mode: a search tool for an AI Agent (n8n's createToolFromNode
// with one `input` argument), each call recorded as a run of the store node.
import type { DocumentInterface } from '@langchain/core/documents';
import { DynamicStructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import type { JsonObject, SupplyDataContext } from '../../engine/index.ts';
import { recorded } from './vector-recording.ts';

/** n8n-workflow's nodeNameToToolName: runs of spaces and punctuation become one underscore. */
export function nodeNameToToolName(name: string): string {
  return name.replace(/[\s.?!=+#@&*()[\]{}:;,<>/\\'"^%$_]+/g, '_');
}

export function vectorStoreTool(
  ctx: SupplyDataContext, itemIndex: number, search: (query: string) => Promise<Array<[DocumentInterface, number]>>,
): DynamicStructuredTool {
  const name = ctx.node.typeVersion < 1.3 ? String(ctx.getNodeParameter('toolName', itemIndex, '')) : nodeNameToToolName(ctx.node.name);
  const description = String(ctx.getNodeParameter('toolDescription', itemIndex, ''));
  const includeMetadata = ctx.getNodeParameter('includeDocumentMetadata', itemIndex, true) !== false;
  return new DynamicStructuredTool({
    name,
    description,
    schema: z.object({ input: z.string().describe('Query to search for. Required') }),
    func: async (args: { input: string }) =>
      recorded(ctx, 'ai_tool', args as JsonObject, async () => {
        const found = await search(args.input);
        // n8n answers with one text block per document: the document as JSON, or its text alone.
        return found.map(([doc]) => ({ type: 'text' as const, text: JSON.stringify(includeMetadata ? doc : { pageContent: doc.pageContent }) }));
      }, (blocks) => ({ response: blocks })),
  });
}
