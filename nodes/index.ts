// Node implementations, one folder per node: arrive with the engine issue.
export {};
