// How the Code node words a failure of the user's code, after n8n's Code/ExecutionError.ts (the
// vm2 sandbox n8n 1.x runs without task runners): the error type becomes the description, the
// message keeps only the text after the last colon, and the suffix is `[line N]` or, per item,
// `[line N, for item I]`.
import { CodeExecutionError, NodeOperationError } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { CodeValidationError } from './code-result.ts';

export interface CodeFailure {
  message: string;
  description?: string;
}

function lineSuffix(line: number | undefined, itemIndex: number | undefined): string {
  if (line === undefined) return '';
  return itemIndex === undefined ? ` [line ${line}]` : ` [line ${line}, for item ${itemIndex}]`;
}

/** n8n reads the first stack row holding "Error:" and splits it on every colon. */
function fromStackRow(name: string, message: string): CodeFailure {
  const row = `${name}: ${message}`.split('\n').find((text) => text.includes('Error:'));
  if (row === undefined) return { message: 'Unknown error' };
  const [details, type] = row.split(':').map((part) => part.trim()).reverse();
  return { message: details || 'Unknown error', ...(type && type !== 'Error' ? { description: type } : {}) };
}

/** The message and description n8n shows for an error of the user's code (item index in per-item mode). */
export function codeFailure(error: unknown, itemIndex?: number): CodeFailure {
  if (error instanceof CodeValidationError) return { message: error.message, description: error.description };
  if (error instanceof CodeExecutionError && error.thrown) {
    const { name, message, expression } = error.thrown;
    // Errors of n8n's own helpers ($(), $input…) keep their wording and description.
    const base = expression ? { message, ...(error.description ? { description: error.description } : {}) } : fromStackRow(name, message);
    return { ...base, message: `${base.message}${lineSuffix(error.lineNumber, itemIndex)}` };
  }
  const description = (error as { description?: unknown } | null)?.description;
  return { message: errorMessage(error), ...(typeof description === 'string' ? { description } : {}) };
}

/** The failure as the node throws it when it does not continue on failure. */
export function codeNodeError(nodeName: string, error: unknown, itemIndex?: number): NodeOperationError {
  if (error instanceof NodeOperationError) return error;
  const { message, description } = codeFailure(error, itemIndex);
  return new NodeOperationError(nodeName, message, {
    ...(description ? { description } : {}),
    ...(itemIndex !== undefined ? { itemIndex } : {}),
  });
}
