// The node registry: every implemented node type by n8n type name and typeVersion.
import type { NodeType } from '../engine/index.ts';
import {
  canTestN8nCredential, hasNodeCredentialTest, registerCredentialTypes as registerN8nCredentialTypes, testN8nCredential,
  unregisterCredentialTypes, type LoadedPackage, type N8nCredentialType,
} from './n8n-api/index.ts';
import { flowNodeTypes } from './registry-flow.ts';
import { moreNodeTypes } from './registry-more.ts';
import { transformNodeTypes } from './registry-transform.ts';
import { triggerNodeTypes } from './registry-triggers.ts';

export const NODE_TYPES: readonly NodeType[] = [...flowNodeTypes, ...transformNodeTypes, ...moreNodeTypes, ...triggerNodeTypes];

export {
  triggerSchedules, pollTimesSchedules, nextCronTime, isDueTick, ScheduleRuleError, scheduleTriggerItem,
  type TriggerSchedule, type WebhookResponse, type WebhookResponseBody,
} from './registry-triggers.ts';

const byName = new Map<string, NodeType[]>();
for (const type of NODE_TYPES) {
  const list = byName.get(type.description.name) ?? [];
  list.push(type);
  byName.set(type.description.name, list);
}

/** Types added at run time (community packages), by the package that brought them. */
const addedByPackage = new Map<string, NodeType[]>();

/**
 * Makes types loaded at run time (n8n community packages, see loadN8nPackages) visible to
 * getNodeType, under the package's name so they can be removed together. Registering a package
 * again replaces its earlier types. Built-in types keep precedence: a type named like one is refused.
 */
export function registerNodeTypes(packageName: string, types: readonly NodeType[]): void {
  for (const type of types) {
    if (NODE_TYPES.some((t) => t.description.name === type.description.name)) {
      throw new Error(`'${type.description.name}' is a built-in node type; package '${packageName}' cannot replace it`);
    }
  }
  unregisterPackage(packageName);
  addedByPackage.set(packageName, [...types]);
  for (const type of types) {
    const list = byName.get(type.description.name) ?? [];
    list.push(type);
    byName.set(type.description.name, list);
  }
}

/** Removes every type a package registered; returns whether it had any. */
export function unregisterPackage(packageName: string): boolean {
  unregisterCredentialTypes(packageName);
  const types = addedByPackage.get(packageName);
  if (!types) return false;
  addedByPackage.delete(packageName);
  for (const type of types) {
    const list = (byName.get(type.description.name) ?? []).filter((t) => t !== type);
    if (list.length === 0) byName.delete(type.description.name);
    else byName.set(type.description.name, list);
  }
  return true;
}

/** Built-in and registered types together (what a palette or type listing should show). */
export function allNodeTypes(): NodeType[] {
  return [...NODE_TYPES, ...[...addedByPackage.values()].flat()];
}

/** The types registered at run time, by package (built-ins are NODE_TYPES). */
export function registeredPackages(): ReadonlyMap<string, readonly NodeType[]> {
  return addedByPackage;
}

export {
  loadN8nPackages, installN8nWorkflowShim, type LoadedPackage, type LoadedPackages,
  type N8nCredentialType, type N8nNodeDescription, type N8nHttpRequestOptions,
  registeredN8nCredentialType, runNodeMethod, NodeMethodError,
  type NodeMethodCall, type NodeMethodEnv, type NodeMethodKind, type NodeMethodResult,
} from './n8n-api/index.ts';

/**
 * Makes a package's credential types known to the vault while it is loaded (see
 * n8n-api/credential-types.ts); call it after registerNodeTypes for the same package, whose
 * registering and unregisterPackage drop them again. Throws when a type cannot be registered.
 */
export function registerCredentialTypes(packageName: string, types: readonly N8nCredentialType[]): void {
  registerN8nCredentialTypes(packageName, types, (name) => hasNodeCredentialTest(name, allNodeTypes()));
}

/** Whether a package credential type has a test (its own request, or a registered node's). */
export function canTestPackageCredential(typeName: string): boolean {
  return canTestN8nCredential(typeName, allNodeTypes());
}

/** Tests a package credential (see testN8nCredential); undefined when it is not one or has no test. */
export function testPackageCredential(typeName: string, data: Record<string, unknown>, options: { blockPrivateNetworks: boolean }) {
  return testN8nCredential(typeName, data, allNodeTypes(), options);
}

/** Registers a loaded package's node types and then its credential types (one call for loaders). */
export function registerLoadedPackage(pkg: Pick<LoadedPackage, 'name' | 'nodes' | 'credentialTypes'>): void {
  registerNodeTypes(pkg.name, pkg.nodes);
  try {
    registerCredentialTypes(pkg.name, pkg.credentialTypes);
  } catch (error) {
    unregisterPackage(pkg.name); // all or nothing: nodes without their credential types cannot run
    throw error;
  }
}

/**
 * The implementation of a node type at a typeVersion. A version between two known ones (a minor
 * n8n release we have not listed) uses the nearest lower implementation.
 */
export function getNodeType(name: string, version: number): NodeType | undefined {
  const candidates = byName.get(name);
  if (!candidates) return undefined;
  const exact = candidates.find((t) => t.description.version.includes(version));
  if (exact) return exact;
  let best: { type: NodeType; version: number } | undefined;
  for (const type of candidates) {
    for (const v of type.description.version) {
      if (v <= version && (!best || v > best.version)) best = { type, version: v };
    }
  }
  return best?.type;
}
