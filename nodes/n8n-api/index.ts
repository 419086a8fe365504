// The n8n compatibility layer: loads community node packages (programmatic and declarative) and
// adapts them to our node SDK. The registry (nodes/index.ts) re-exports what the server needs.
export { loadN8nPackages, findPackageFolders, type LoadedPackage, type LoadedPackages } from './load-packages.ts';
export { adaptNodeType } from './adapt-node.ts';
export { installN8nWorkflowShim } from './require-hook.ts';
export { buildExecuteFunctions, type CredentialTypeLookup, type N8nExecuteFunctions } from './execute-functions.ts';
export type { N8nCredentialType, N8nNodeDescription, N8nHttpRequestOptions } from './n8n-types.ts';
export { registerCredentialTypes, unregisterCredentialTypes, registeredN8nCredentialType, toWeftCredentialType } from './credential-types.ts';
export { canTestN8nCredential, hasNodeCredentialTest, testN8nCredential } from './test-credential.ts';
export { runNodeMethod, NodeMethodError, type NodeMethodCall, type NodeMethodEnv, type NodeMethodKind, type NodeMethodResult } from './load-options.ts';
export { n8nInstanceOf } from './node-instances.ts';
export { authenticateRequest } from './credential-auth.ts';
export { createCredentialEvaluator } from './parameters.ts';
