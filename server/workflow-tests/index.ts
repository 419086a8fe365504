// Workflow tests (issue 17): cases as events, their runs and checks, routes, and the activation gate.
export { createWorkflowTestService, type WorkflowTestService } from './workflow-test-service.ts';
export { workflowTestRoutes } from './routes.ts';
export { runTestCases, toJUnitSuite, toTriggerItems, type TestCaseReport, type TestRunReport } from './run-cases.ts';
export { checkExpectation, contains, type ExpectationResult } from './expectations.ts';
export { followTestsOnSave, testRunsOf, type TestRunRecord } from './tests-on-save.ts';
export { testRunRoutes } from './test-runs-routes.ts';
