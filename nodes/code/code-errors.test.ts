import { describe, expect, it } from 'vitest';
import { CodeExecutionError } from '../../engine/index.ts';
import { codeFailure } from './code-errors.ts';
import { CodeValidationError } from './code-result.ts';

const thrown = (name: string, message: string, line?: number, expression = false) =>
  new CodeExecutionError(`${message} [line ${line}]`, undefined, line, 'error', { name, message, expression });

// Expectations from n8n's Code/ExecutionError.ts and its test (populateFromStack, toLineNumber).
describe('codeFailure', () => {
  it('moves the error type into the description and adds the line, per item when given', () => {
    expect(codeFailure(thrown('TypeError', 'a.unknown is not a function', 2))).toEqual({
      message: 'a.unknown is not a function [line 2]',
      description: 'TypeError',
    });
    expect(codeFailure(thrown('TypeError', 'a.unknown is not a function', 2), 1).message).toBe('a.unknown is not a function [line 2, for item 1]');
    expect(codeFailure(thrown('Error', 'boom', 1))).toEqual({ message: 'boom [line 1]' });
  });

  it('keeps only the text after the last colon, as n8n splits the stack row', () => {
    expect(codeFailure(thrown('Error', 'bad: input', 3), 0)).toEqual({ message: 'input [line 3, for item 0]', description: 'bad' });
  });

  it('keeps the wording of n8n helper errors and of validation errors', () => {
    expect(codeFailure(thrown('ExpressionError', "Referenced node doesn't exist", 1, true), 2).message).toBe("Referenced node doesn't exist [line 1, for item 2]");
    const invalid = new CodeValidationError("A 'json' property isn't an object", 'In the returned data…', 0);
    expect(codeFailure(invalid, 0)).toEqual({ message: "A 'json' property isn't an object [item 0]", description: 'In the returned data…' });
  });
});
