// A community package's credential types (n8n's ICredentialType) made into credential types the
// vault knows (domain CredentialType: fields, secrets, defaults, display rules), registered while
// the package is loaded. The raw types stay here for what only they know: `authenticate`, `test`.
import {
  getCredentialType, registerCredentialTypes as registerInVault, unregisterCredentialTypes as unregisterInVault,
  type CredentialField, type CredentialFieldValue, type CredentialType,
} from '../../domain/index.ts';
import type { N8nCredentialType, N8nNodeProperty } from './n8n-types.ts';

const rawByName = new Map<string, N8nCredentialType>();
const namesByPackage = new Map<string, string[]>();

const isPrimitive = (v: unknown): v is CredentialFieldValue => ['string', 'number', 'boolean'].includes(typeof v);

/** n8n's displayOptions.show, kept when its values are plain (our rule language has no hide). */
function showWhen(property: N8nNodeProperty): Record<string, CredentialFieldValue[]> | undefined {
  const show = property.displayOptions?.show;
  if (!show) return undefined;
  const out = Object.fromEntries(Object.entries(show).map(([key, values]) => [key, (values ?? []).filter(isPrimitive)]));
  return Object.keys(out).length ? out : undefined;
}

/** One n8n credential property as a field; undefined for what holds no data (notices). */
export function toCredentialField(property: N8nNodeProperty): CredentialField | undefined {
  if (property.type === 'notice') return undefined;
  const when = showWhen(property);
  const base: CredentialField = {
    name: property.name, displayName: property.displayName || property.name, type: 'string',
    required: property.required === true, secret: property.typeOptions?.password === true,
    ...(property.description ? { description: String(property.description) } : {}),
    ...(when ? { showWhen: when } : {}),
  };
  const fallback = property.default;
  // n8n gives required fields an empty default; kept, it would let a missing value pass.
  const withDefault = (field: CredentialField, ok: boolean): CredentialField =>
    ok && !(field.required && fallback === '') ? { ...field, default: fallback as CredentialFieldValue } : field;
  switch (property.type) {
    case 'hidden': {
      const type = typeof fallback === 'number' ? 'number' : typeof fallback === 'boolean' ? 'boolean' : 'string';
      return { ...base, type, required: false, hidden: true, default: isPrimitive(fallback) ? fallback : '' };
    }
    case 'number':
      return withDefault({ ...base, type: 'number' }, typeof fallback === 'number');
    case 'boolean':
      return withDefault({ ...base, type: 'boolean' }, typeof fallback === 'boolean');
    case 'options': {
      const options = (property.options ?? []) as Array<{ name?: string; value?: unknown }>;
      // Our option values are strings; a list with others falls back to a free string field.
      if (options.length && options.every((o) => typeof o.value === 'string')) {
        const values = options.map((o) => ({ name: String(o.name ?? o.value), value: o.value as string }));
        return withDefault({ ...base, type: 'options', options: values }, values.some((o) => o.value === fallback));
      }
      return withDefault(base, typeof fallback === 'string');
    }
    case 'collection':
    case 'fixedCollection':
      return { ...base, type: 'json' };
    default:
      // string, json (n8n keeps JSON as text), color, dateTime and the like are text.
      return withDefault(base, typeof fallback === 'string');
  }
}

/** Parent fields first; a child's property of the same name replaces the parent's, in place. */
function mergeFields(parents: readonly CredentialField[], own: readonly CredentialField[]): CredentialField[] {
  const out = [...parents];
  for (const field of own) {
    const at = out.findIndex((f) => f.name === field.name);
    if (at >= 0) out[at] = field;
    else out.push(field);
  }
  return out;
}

/**
 * The vault's view of a package credential type. `parentOf` finds a type named in `extends`
 * (another of the package's types, or one the vault already knows such as 'oAuth2Api').
 */
export function toWeftCredentialType(
  raw: N8nCredentialType, packageName: string, parentOf: (name: string) => CredentialType | undefined, testedByNode = false,
): CredentialType {
  const parents = (raw.extends ?? []).map((name) => {
    const parent = parentOf(name);
    if (!parent) throw new Error(`Credential type '${raw.name}' extends '${name}', which is not known`);
    return parent;
  });
  const fields = mergeFields(parents.flatMap((p) => p.fields), raw.properties.map(toCredentialField).filter((f): f is CredentialField => !!f));
  const oauth2 = parents.some((p) => p.name === 'oAuth2Api' || (p.extends ?? []).includes('oAuth2Api'));
  return {
    name: raw.name, displayName: raw.displayName || raw.name, fields, package: packageName,
    testable: !!raw.test?.request || testedByNode || oauth2 || parents.some((p) => p.testable),
    ...(raw.extends?.length ? { extends: [...raw.extends] } : {}),
    ...(typeof raw.documentationUrl === 'string' ? { documentationUrl: raw.documentationUrl } : {}),
  };
}

/**
 * Makes a package's credential types known to the vault (and to testing and signing here) while
 * it is loaded; registering again replaces them. Types extending one another are ordered first.
 * `testedByNode` says which types a node tests (`testedBy`), for their `testable` flag.
 * Throws when a type cannot be made (unknown parent, name taken); then none of them is registered.
 */
export function registerCredentialTypes(packageName: string, types: readonly N8nCredentialType[], testedByNode: (name: string) => boolean = () => false): void {
  unregisterCredentialTypes(packageName);
  const own = new Map(types.map((t) => [t.name, t]));
  const made = new Map<string, CredentialType>();
  const make = (raw: N8nCredentialType, path: string[]): CredentialType => {
    const done = made.get(raw.name);
    if (done) return done;
    if (path.includes(raw.name)) throw new Error(`Credential type '${raw.name}' extends itself`);
    const type = toWeftCredentialType(raw, packageName, (name) => {
      const sibling = own.get(name);
      return sibling ? make(sibling, [...path, raw.name]) : getCredentialType(name);
    }, testedByNode(raw.name));
    made.set(raw.name, type);
    return type;
  };
  for (const raw of types) make(raw, []);
  registerInVault(packageName, [...made.values()]);
  namesByPackage.set(packageName, types.map((t) => t.name));
  for (const raw of types) rawByName.set(raw.name, raw);
}

/** Forgets a package's credential types; returns whether it had any. */
export function unregisterCredentialTypes(packageName: string): boolean {
  const names = namesByPackage.get(packageName);
  unregisterInVault(packageName);
  if (!names) return false;
  namesByPackage.delete(packageName);
  for (const name of names) rawByName.delete(name);
  return true;
}

/** The raw n8n type of a registered package credential type (its authenticate and test). */
export function registeredN8nCredentialType(name: string): N8nCredentialType | undefined {
  return rawByName.get(name);
}
