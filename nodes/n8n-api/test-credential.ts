// Tests a package credential the way n8n does: the credential type's own `test` request (signed by
// its `authenticate`, judged by its rules), else a node that names a test for it (`testedBy`):
// either a request of the same shape or a function in the node's `methods.credentialTest`.
import type { NodeType } from '../../engine/index.ts';
import { credentialTestRequest, judgeCredentialTest, type CredentialTestResult, type CredentialTestRule } from './credential-auth.ts';
import { registeredN8nCredentialType } from './credential-types.ts';
import { legacyRequest, n8nHttpRequest, type HttpEnv, type LegacyRequestOptions } from './http-helpers.ts';
import { LoggerProxy } from './n8n-workflow/helpers.ts';
import { n8nInstanceOf } from './node-instances.ts';
import type { N8nCredentialType, N8nCredentialTestRequest, N8nHttpRequestOptions } from './n8n-types.ts';
import { createCredentialEvaluator } from './parameters.ts';

const TEST_TIMEOUT_MS = 15_000;

type CredentialTestFunction = (this: unknown, credential: { id: string; name: string; type: string; data: Record<string, unknown> }) => Promise<CredentialTestResult>;

/** The node's test for a credential type: a request description or a credentialTest method. */
function nodeTestFor(typeName: string, nodeTypes: readonly NodeType[]): { request?: N8nCredentialTestRequest; method?: CredentialTestFunction } | undefined {
  for (const nodeType of nodeTypes) {
    const instance = n8nInstanceOf(nodeType);
    const testedBy = instance?.description.credentials?.find((c) => c.name === typeName && c.testedBy)?.testedBy;
    if (!instance || !testedBy) continue;
    if (typeof testedBy === 'object') return { request: testedBy as N8nCredentialTestRequest };
    const methods = (instance.methods as { credentialTest?: Record<string, unknown> } | undefined)?.credentialTest;
    const method = methods?.[String(testedBy)];
    if (typeof method === 'function') return { method: method as CredentialTestFunction };
  }
  return undefined;
}

/** Whether one of these nodes names a test for the credential type (`testedBy`). */
export function hasNodeCredentialTest(typeName: string, nodeTypes: readonly NodeType[]): boolean {
  return !!nodeTestFor(typeName, nodeTypes);
}

/** Whether testN8nCredential can test this type (a package type with a test of either kind). */
export function canTestN8nCredential(typeName: string, nodeTypes: readonly NodeType[]): boolean {
  const raw = registeredN8nCredentialType(typeName);
  return !!raw && (!!raw.test?.request || !!nodeTestFor(typeName, nodeTypes));
}

/**
 * Runs the test; undefined when the type is not a package type or has no test. Never throws:
 * a failed request is an Error result with the request's message.
 */
export async function testN8nCredential(
  typeName: string, data: Record<string, unknown>, nodeTypes: readonly NodeType[], options: { blockPrivateNetworks: boolean },
): Promise<CredentialTestResult | undefined> {
  const raw = registeredN8nCredentialType(typeName);
  if (!raw) return undefined;
  const env: HttpEnv = { signal: AbortSignal.timeout(TEST_TIMEOUT_MS), blockPrivateNetworks: options.blockPrivateNetworks };
  const expressions = createCredentialEvaluator();
  const evaluate = { evaluate: (expr: string, creds: Record<string, unknown>) => expressions.evaluate(expr, creds) };
  try {
    const byNode = raw.test?.request ? undefined : nodeTestFor(typeName, nodeTypes);
    if (byNode?.method) {
      const fns = {
        logger: LoggerProxy,
        helpers: {
          request: (uriOrOptions: string | LegacyRequestOptions, more?: LegacyRequestOptions) => legacyRequest(env, uriOrOptions, more),
          httpRequest: (request: N8nHttpRequestOptions) => n8nHttpRequest(env, request),
        },
      };
      const result = await byNode.method.call(fns, { id: '', name: raw.displayName, type: typeName, data });
      return { status: result?.status === 'OK' ? 'OK' : 'Error', message: String(result?.message ?? '') };
    }
    const withTest: N8nCredentialType = byNode?.request ? { ...raw, test: byNode.request } : raw;
    const built = await credentialTestRequest(withTest, data, evaluate);
    if (!built) return undefined;
    const response = (await n8nHttpRequest(env, built.request)) as { statusCode: number; body: unknown };
    return judgeCredentialTest(built.rules as CredentialTestRule[], response);
  } catch (error) {
    return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
  } finally {
    expressions.dispose();
  }
}
