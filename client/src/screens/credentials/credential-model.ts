// What the Credentials screen knows about types and stored credentials: which fields the form
// shows, whether a credential connects through a browser, and what an edit sends back (the PATCH
// route keeps a secret sent as the redacted placeholder, so untouched secrets go back as that).

/**
 * The server's placeholder for a secret (domain/credential-types.ts). Written out rather than
 * imported: that module checks the built-in credential types with zod when it loads, and zod's
 * feature test for `new Function` is a CSP violation in the editor.
 */
export const REDACTED = '__weft_redacted__';

export type Field = {
  name: string; displayName: string; type: string; required: boolean; secret: boolean; default?: unknown; description?: string;
  options?: { name: string; value: string }[]; serverManaged?: boolean; hidden?: boolean; showWhen?: Record<string, unknown[]>;
};
/** `oauth`: the server's mark for types that connect an account in a browser. */
export type CredType = { name: string; displayName: string; fields: Field[]; testable: boolean; oauth?: 'oAuth2' | 'oAuth1' };
export type Credential = { id: string; name: string; type: string; updatedAt?: string; data?: Record<string, unknown> };
export type RedirectUrls = { oAuth2: string; oAuth1: string };


/** Fields a person fills in: not the server's token data, not n8n's hidden fixed values, and only those the other values call for. */
export function shownFields(type: CredType, data: Record<string, unknown>): Field[] {
  return type.fields.filter((f) => !f.serverManaged && !f.hidden && Object.entries(f.showWhen ?? {}).every(([k, vs]) => vs.includes(data[k])));
}

export function defaults(type: CredType): Record<string, unknown> {
  return Object.fromEntries(type.fields.filter((f) => f.default !== undefined).map((f) => [f.name, f.default]));
}

/** Whether the account is connected in a browser with these values (OAuth2 only with the code or PKCE grant). */
export function connectsInBrowser(type: CredType | undefined, data: Record<string, unknown>): boolean {
  if (!type?.oauth) return false;
  if (type.oauth === 'oAuth1') return true;
  const grant = data.grantType ?? type.fields.find((f) => f.name === 'grantType')?.default;
  return grant === 'authorizationCode' || grant === 'pkce';
}

/** Connected once the server stored a token (it comes back as the placeholder). */
export const isConnected = (credential: Credential) => credential.data?.oauthTokenData === REDACTED;

/**
 * The form's starting values for an existing credential: its stored non-secret values, and an
 * empty input for each secret (shown as "unchanged").
 */
export function editValues(type: CredType, stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...defaults(type) };
  for (const f of type.fields) {
    if (f.serverManaged || f.hidden || !(f.name in stored)) continue;
    out[f.name] = f.secret ? '' : stored[f.name];
  }
  return out;
}

/**
 * The PATCH body for an edit: the name only if renamed, the data only if a value changed. The data
 * is sent whole (the route replaces it), with every secret left empty as the placeholder.
 */
export function patchBody(type: CredType, original: Credential, name: string, values: Record<string, unknown>): { name?: string; data?: Record<string, unknown> } {
  const stored = original.data ?? {};
  const data: Record<string, unknown> = {};
  let changed = false;
  for (const f of type.fields) {
    if (f.serverManaged || f.hidden) continue;
    const value = values[f.name];
    if (f.secret && stored[f.name] === REDACTED && (value === '' || value === undefined)) {
      data[f.name] = REDACTED;
      continue;
    }
    if (value === undefined) continue;
    data[f.name] = value;
    if (JSON.stringify(value) !== JSON.stringify(stored[f.name]) && !(value === '' && stored[f.name] === undefined)) changed = true;
  }
  return { ...(name !== original.name ? { name } : {}), ...(changed ? { data } : {}) };
}
