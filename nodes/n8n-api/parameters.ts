// n8n's getNodeParameter rules on top of the engine's: resource locators (`{__rl, mode, value}`)
// give their value when asked to `extractValue` (through the mode's regex when it has one), and
// `={{$credentials.x}}` strings in credential descriptions resolve against a credential's data
// (plain paths directly, anything else in the declarative runner's sandbox).
import type { ExecuteContext } from '../../engine/index.ts';
import { createSandboxEvaluator, type SandboxEvaluator } from './declarative/index.ts';
import { NodeOperationError } from './n8n-workflow/errors.ts';
import type { N8nExtractValue, N8nNodeProperty } from './n8n-types.ts';

export interface ParameterOptions {
  extractValue?: boolean;
  rawExpressions?: boolean;
  ensureType?: string;
}

interface ResourceLocator { __rl: true; mode: string; value: unknown }

function isResourceLocator(value: unknown): value is ResourceLocator {
  return value !== null && typeof value === 'object' && (value as { __rl?: unknown }).__rl === true;
}

function extractRule(property: N8nNodeProperty | undefined, mode: string): N8nExtractValue | undefined {
  if (!property) return undefined;
  return property.modes?.find((m) => m.name === mode)?.extractValue ?? property.extractValue;
}

/** The top-level property a (dot) path starts at, for its extractValue rules. */
function findProperty(properties: N8nNodeProperty[], path: string): N8nNodeProperty | undefined {
  const name = path.split('.')[0];
  // Several properties may share a name (shown for different operations); prefer a resource locator.
  const matches = properties.filter((p) => p.name === name);
  return matches.find((p) => p.type === 'resourceLocator') ?? matches[0];
}

/** A resource locator's plain value: the mode's regex's first group, or the value itself. */
export function extractResourceLocatorValue(nodeName: string, name: string, rl: ResourceLocator, rule: N8nExtractValue | undefined): unknown {
  if (!rule || rule.type !== 'regex' || typeof rl.value !== 'string') return rl.value;
  const regex = rule.regex instanceof RegExp ? rule.regex : new RegExp(rule.regex);
  const match = regex.exec(rl.value);
  if (!match) {
    throw new NodeOperationError({ name: nodeName }, `The '${name}' parameter does not have the form its '${rl.mode}' mode expects`, {
      description: `'${rl.value}' does not match ${String(regex)}; check the ${rl.mode === 'url' ? 'URL' : 'value'} entered`,
    });
  }
  return match[1] ?? match[0];
}

/** n8n's `this.getNodeParameter(name, itemIndex, fallback, options)`. */
export function getN8nParameter(ctx: ExecuteContext, properties: N8nNodeProperty[], name: string, itemIndex: number, fallback?: unknown, options: ParameterOptions = {}): unknown {
  const value = ctx.getNodeParameter(name, itemIndex, fallback);
  if (!options.extractValue || !isResourceLocator(value)) return value;
  const property = findProperty(properties, name);
  return extractResourceLocatorValue(ctx.node.name, name, value, extractRule(property, value.mode));
}

function credentialPath(credentials: Record<string, unknown>, expr: string): unknown {
  const m = /^\s*\$credentials((?:\.[A-Za-z_$][\w$]*|\[\s*(?:"[^"]*"|'[^']*')\s*\])+)\s*$/.exec(expr);
  if (!m) throw new Error(`Unsupported credential expression '{{${expr}}}': only $credentials.<field> is resolved here`);
  const keys = [...m[1].matchAll(/\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"]*)"|'([^']*)')\s*\]/g)].map((k) => k[1] ?? k[2] ?? k[3]);
  let current: unknown = credentials;
  for (const key of keys) current = current === null || current === undefined ? undefined : (current as Record<string, unknown>)[key];
  return current;
}

/** Resolves `={{$credentials.x}}` and `=Bearer {{$credentials.token}}` against credential data. */
export function evaluateCredentialExpression(expression: string, credentials: Record<string, unknown>): unknown {
  const text = expression.startsWith('=') ? expression.slice(1) : expression;
  const whole = /^\{\{([\s\S]*)\}\}$/.exec(text.trim());
  if (whole && !whole[1].includes('}}')) return credentialPath(credentials, whole[1]);
  return text.replace(/\{\{([\s\S]*?)\}\}/g, (_m, expr: string) => {
    const v = credentialPath(credentials, expr);
    return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

export interface CredentialEvaluator {
  evaluate(expression: string, credentials: Record<string, unknown>): unknown;
  dispose(): void;
}

/**
 * Plain `$credentials.a.b` paths resolve directly; other expressions (`$credentials.user + ':' + …`)
 * run in an isolate, created on first need and freed by dispose() when the node run ends.
 */
export function createCredentialEvaluator(): CredentialEvaluator {
  let sandbox: SandboxEvaluator | undefined;
  return {
    evaluate(expression, credentials) {
      try {
        return evaluateCredentialExpression(expression, credentials);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('Unsupported credential expression')) throw error;
        sandbox ??= createSandboxEvaluator();
        const text = expression.startsWith('=') ? expression : `=${expression}`;
        return sandbox.resolve(text, { $credentials: credentials });
      }
    },
    dispose() {
      sandbox?.dispose();
    },
  };
}
