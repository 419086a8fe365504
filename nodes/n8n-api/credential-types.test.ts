// n8n credential types made into vault types: field mapping, extends (OAuth2 included), and the
// registry's life cycle (validation and redaction follow registration, and stop after removal).
import { afterEach, describe, expect, it } from 'vitest';
import { credentialTypeExtends, getCredentialType, parseCredentialData, redactCredentialData, REDACTED } from '../../domain/index.ts';
import { registerCredentialTypes, registeredN8nCredentialType, toCredentialField, unregisterCredentialTypes } from './credential-types.ts';
import type { N8nCredentialType } from './n8n-types.ts';
import '../registry.ts'; // registers the node folders' credential types (httpHeaderAuth, …)

const PKG = 'n8n-nodes-weft-unit';
afterEach(() => unregisterCredentialTypes(PKG));

const apiType: N8nCredentialType = {
  name: 'weftUnitApi', displayName: 'Weft Unit API',
  properties: [
    { displayName: 'Key', name: 'key', type: 'string', typeOptions: { password: true }, default: '', required: true },
    { displayName: 'Port', name: 'port', type: 'number', default: 443 },
    { displayName: 'Mode', name: 'mode', type: 'options', options: [{ name: 'A', value: 'a' }, { name: 'B', value: 'b' }], default: 'a' },
    { displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, default: '', displayOptions: { show: { mode: ['b'] } } },
    { displayName: 'Fixed', name: 'fixed', type: 'hidden', default: 'v1' },
    { displayName: 'Read this', name: 'note', type: 'notice', default: '' },
  ],
};

describe('toCredentialField', () => {
  it('maps password strings to secrets, hidden to fixed defaults, options to their values, and drops notices', () => {
    const fields = apiType.properties.map(toCredentialField);
    expect(fields[0]).toMatchObject({ name: 'key', type: 'string', secret: true, required: true });
    expect(fields[0]).not.toHaveProperty('default'); // an empty default would let a missing key pass
    expect(fields[1]).toMatchObject({ type: 'number', default: 443, secret: false });
    expect(fields[2]).toMatchObject({ type: 'options', default: 'a', options: [{ name: 'A', value: 'a' }, { name: 'B', value: 'b' }] });
    expect(fields[3]).toMatchObject({ showWhen: { mode: ['b'] }, secret: true });
    expect(fields[4]).toMatchObject({ hidden: true, default: 'v1' });
    expect(fields[5]).toBeUndefined();
  });
});

describe('registerCredentialTypes', () => {
  it('makes the vault validate, default and redact the type while it is registered', () => {
    registerCredentialTypes(PKG, [apiType]);
    expect(registeredN8nCredentialType('weftUnitApi')).toBe(apiType);
    expect(() => parseCredentialData('weftUnitApi', { port: 1 })).toThrow(/not valid/);
    const data = parseCredentialData('weftUnitApi', { key: 'k-1', fixed: 'changed' });
    expect(data).toEqual({ key: 'k-1', port: 443, mode: 'a', token: '', fixed: 'v1' });
    expect(redactCredentialData('weftUnitApi', { ...data, token: 't' })).toEqual({ key: REDACTED, port: 443, mode: 'a', fixed: 'v1', token: REDACTED });
    unregisterCredentialTypes(PKG);
    expect(getCredentialType('weftUnitApi')).toBeUndefined();
    expect(registeredN8nCredentialType('weftUnitApi')).toBeUndefined();
    expect(() => parseCredentialData('weftUnitApi', data)).toThrow(/Unknown credential type/);
  });

  it("gives OAuth2 types the parent's fields, with the child's replacing them by name", () => {
    const child: N8nCredentialType = {
      name: 'weftUnitOAuth2Api', displayName: 'Unit OAuth2', extends: ['oAuth2Api'],
      properties: [
        { displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
        { displayName: 'Tenant', name: 'tenant', type: 'string', default: 'common' },
      ],
    };
    registerCredentialTypes(PKG, [child]);
    const type = getCredentialType('weftUnitOAuth2Api')!;
    expect(type.fields.map((f) => f.name)).toEqual([...getCredentialType('oAuth2Api')!.fields.map((f) => f.name), 'tenant']);
    expect(type.fields.find((f) => f.name === 'grantType')).toMatchObject({ hidden: true, default: 'clientCredentials' });
    expect(type.testable).toBe(true);
    expect(credentialTypeExtends('weftUnitOAuth2Api', 'oAuth2Api')).toBe(true);
    const data = parseCredentialData('weftUnitOAuth2Api', { accessTokenUrl: 'https://id.example/token', clientId: 'c', clientSecret: 's' });
    expect(data).toMatchObject({ grantType: 'clientCredentials', tenant: 'common', authentication: 'header' });
    expect(redactCredentialData('weftUnitOAuth2Api', data).clientSecret).toBe(REDACTED);
  });

  it('refuses built-in names and unknown parents, registering nothing', () => {
    expect(() => registerCredentialTypes(PKG, [{ ...apiType, name: 'httpHeaderAuth' }])).toThrow(/already known/);
    expect(() => registerCredentialTypes(PKG, [{ ...apiType, name: 'postgres' }])).toThrow(/already known/);
    expect(() => registerCredentialTypes(PKG, [apiType, { ...apiType, name: 'weftUnitChild', extends: ['nowhereApi'] }])).toThrow(/nowhereApi/);
    expect(getCredentialType('weftUnitApi')).toBeUndefined();
    expect(getCredentialType('httpHeaderAuth')?.package).toBeUndefined();
  });
});
