// Execution engine (expressions, sandbox, executor, queue): arrives with the engine issue.
export {};
