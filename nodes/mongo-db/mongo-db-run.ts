// What every MongoDB operation needs of the node's run: the context, the input, the typeVersion,
// n8n's paired items of the batch versions, and continue-on-fail turned into an item's json.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type PairedItem } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { hideConnectionString } from './mongo-db-client.ts';
import { MongoInputError } from './mongo-db-query.ts';

export interface MongoRun {
  ctx: ExecuteContext;
  items: Item[];
  version: number;
  /** Every input item, the pairing n8n gives the output of its batch versions. */
  allItems(): PairedItem[];
  /** With continue-on-fail, the error item's json; otherwise throws the error for item `itemIndex`. */
  failure(error: unknown, itemIndex: number): JsonObject;
  /** The error as the node reports it: the server's words without the connection string. */
  nodeError(error: unknown, itemIndex?: number): NodeOperationError;
}

export function mongoRun(ctx: ExecuteContext, connectionString: string): MongoRun {
  const items = ctx.getInputData();
  const nodeError = (error: unknown, itemIndex?: number) => {
    if (error instanceof NodeOperationError) return error;
    const description = error instanceof MongoInputError ? error.description : undefined;
    return new NodeOperationError(ctx.node.name, hideConnectionString(errorMessage(error), connectionString), { description, itemIndex });
  };
  return {
    ctx, items, version: ctx.node.typeVersion, nodeError,
    allItems: () => items.map((_, item) => ({ item })),
    failure(error, itemIndex) {
      if (!ctx.continueOnFail()) throw nodeError(error, itemIndex);
      return { error: nodeError(error).message };
    },
  };
}
