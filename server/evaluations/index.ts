// AI evaluations (issue 17): runs over a dataset, their metrics as events, and their routes.
export { createEvaluationService, type EvaluationService, type EvaluationRunSummary } from './evaluation-service.ts';
export { evaluationRoutes } from './routes.ts';
