// JWT (n8n-nodes-base.jwt v1): sign claims into a token, decode a token, or verify one with the
// jwtAuth credential (a passphrase for HS*, PEM keys for RS*/ES*/PS*).
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { decodeJwt, signJwt, verifyJwt, type JwtCredentials } from './jwt-actions.ts';
import { jwtProperties } from './jwt.description.ts';

function claimsOf(ctx: ExecuteContext, i: number): JsonObject {
  if (!param(ctx, 'useJson', i, false)) return collection(ctx, 'claims', i);
  const raw = param<unknown>(ctx, 'claimsJson', i, '{}');
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new NodeOperationError(ctx.node.name, "The 'Payload Claims (JSON)' parameter is not valid JSON", { itemIndex: i, description: errorMessage(error) });
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new NodeOperationError(ctx.node.name, "The 'Payload Claims (JSON)' parameter must be a JSON object", { itemIndex: i });
  return value as JsonObject;
}

function tokenOf(ctx: ExecuteContext, i: number): string {
  const token = String(param<unknown>(ctx, 'token', i, '') ?? '');
  if (!token) throw new NodeOperationError(ctx.node.name, 'The JWT token was not provided', { itemIndex: i, description: "Be sure to add a valid JWT token to the 'Token' parameter" });
  return token;
}

async function runItem(ctx: ExecuteContext, operation: string, credentials: JwtCredentials, i: number): Promise<JsonObject> {
  const options = collection(ctx, 'options', i);
  const algorithm = String(options.algorithm ?? credentials.algorithm ?? 'HS256');
  if (operation === 'sign') return { token: await signJwt(claimsOf(ctx, i), credentials, algorithm, options.kid ? String(options.kid) : undefined) };
  const token = tokenOf(ctx, i);
  if (operation === 'decode') {
    const data = decodeJwt(token, options.complete === true);
    return options.complete && data ? data : { payload: data };
  }
  const data = await verifyJwt(token, credentials, algorithm, options);
  return options.complete ? data : { payload: data };
}

export const jwtNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.jwt',
    displayName: 'JWT',
    group: ['transform'],
    version: [1],
    description: 'JWT',
    defaults: { name: 'JWT' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'jwtAuth', required: true }],
    properties: jwtProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'sign');
    const credentials = (await ctx.credentials.get('jwtAuth')) as JwtCredentials;
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        output.push({ json: await runItem(ctx, operation, credentials, i), pairedItem: { item: i } });
      } catch (error) {
        const failure = error instanceof NodeOperationError ? error
          : errorMessage(error) === 'invalid signature'
            ? new NodeOperationError(ctx.node.name, "The JWT token can't be verified", { itemIndex: i, description: 'Be sure that the provided JWT token is correctly encoded and matches the selected credentials' })
            : new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex: i });
        if (!ctx.continueOnFail()) throw failure;
        // n8n keeps the input json and attaches the error.
        output.push({ json: items[i].json, error: { message: failure.message }, pairedItem: { item: i } });
      }
    }
    return [output];
  },
};
