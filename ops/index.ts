// Operations: the compose file's checks and benchmark scripts (ops/bench); nothing here is imported.
export {};
