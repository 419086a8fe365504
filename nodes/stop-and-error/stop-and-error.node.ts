// Stop and Error (n8n-nodes-base.stopAndError v1): always fails the run, with a message or with
// an error object (its message, description or error field, else the object as JSON).
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeType } from '../../engine/index.ts';
import { param } from '../shared/params.ts';

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The message and description n8n derives from the error parameters. */
export function errorFromParameters(errorType: string, value: unknown): { message: string; description?: string } {
  if (errorType === 'errorMessage') return { message: String(value ?? '') };
  let error: JsonObject;
  try {
    error = (typeof value === 'string' ? JSON.parse(value) : value ?? {}) as JsonObject;
  } catch {
    throw new Error(`The error object is not valid JSON: ${String(value)}`);
  }
  const message =
    (isText(error.message) ? error.message : '') ||
    (isText(error.description) ? error.description : '') ||
    (isText(error.error) ? error.error : '') ||
    `Error: ${JSON.stringify(error)}`;
  return { message, description: isText(error.description) ? error.description : undefined };
}

export const stopAndErrorNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.stopAndError',
    displayName: 'Stop and Error',
    group: ['input'],
    version: [1],
    description: 'Throw an error in the workflow',
    icon: 'fa:exclamation-triangle',
    defaults: { name: 'Stop and Error', color: '#ff0000' },
    inputs: ['main'],
    outputs: [],
    properties: [
      {
        displayName: 'Error Type',
        name: 'errorType',
        type: 'options',
        options: [
          { name: 'Error Message', value: 'errorMessage' },
          { name: 'Error Object', value: 'errorObject' },
        ],
        default: 'errorMessage',
        description: 'Type of error to throw',
      },
      {
        displayName: 'Error Message',
        name: 'errorMessage',
        type: 'string',
        placeholder: 'An error occurred!',
        default: '',
        required: true,
        displayOptions: { show: { errorType: ['errorMessage'] } },
      },
      {
        displayName: 'Error Object',
        name: 'errorObject',
        type: 'json',
        description: 'Object containing error properties',
        default: '',
        placeholder: '{\n\t"code": "404",\n\t"description": "The resource could not be fetched"\n}',
        required: true,
        displayOptions: { show: { errorType: ['errorObject'] } },
      },
    ],
  },
  async execute(ctx: ExecuteContext) {
    const errorType = param(ctx, 'errorType', 0, 'errorMessage');
    const value = param<unknown>(ctx, errorType === 'errorMessage' ? 'errorMessage' : 'errorObject', 0, '');
    let error: { message: string; description?: string };
    try {
      error = errorFromParameters(errorType, value);
    } catch (parseError) {
      throw new NodeOperationError(ctx.node.name, (parseError as Error).message);
    }
    throw new NodeOperationError(ctx.node.name, error.message, error.description ? { description: error.description } : {});
  },
};
