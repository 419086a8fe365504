// Expression language: `={{ … }}` parameter values evaluated in an isolate with n8n's semantics.
export { createExpressionEvaluator, DetailedExpressionError, EXPRESSION_DEFAULTS } from './evaluator.ts';
export type { ExpressionEvaluatorOptions, WeftExpressionEvaluator } from './evaluator.ts';
export { isExpression, splitTemplate, isWholeValue } from './template.ts';
export type { TemplateChunk } from './template.ts';
export { benchmarkExpressions } from './bench.ts';
export type { ExpressionBenchOptions, ExpressionBenchResult } from './bench.ts';
