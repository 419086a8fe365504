// Parameters of Crypto v1 (secrets as parameters) and v2 (secrets in a `crypto` credential; encrypt/decrypt).
import { getHashes } from 'node:crypto';
import type { NodeProperty } from '../../engine/index.ts';

const UNSUPPORTED = ['RSA-MD4', 'RSA-MDC2', 'md4', 'md4WithRSAEncryption', 'mdc2', 'mdc2WithRSA'];
const SIGN_ALGORITHMS = getHashes().filter((name) => !UNSUPPORTED.includes(name)).map((name) => ({ name, value: name }));
const HASH_TYPES = ['MD5', 'SHA1', 'SHA256', 'SHA3-256', 'SHA3-384', 'SHA3-512', 'SHA384', 'SHA512'].map((name) => ({ name, value: name }));
const ENCODINGS = [
  { name: 'BASE64', value: 'base64' },
  { name: 'HEX', value: 'hex' },
];

const show = (action: string[], extra: Record<string, unknown[]> = {}) => ({ show: { action, ...extra } });
const v1 = { '@version': [1] };
const v2 = { '@version': [2] };

function propertyName(action: string, description: string): NodeProperty {
  return { displayName: 'Property Name', name: 'dataPropertyName', type: 'string', default: 'data', required: true, displayOptions: show([action]), description };
}

function common(hashDefault: string, withSecretParams: boolean): NodeProperty[] {
  const version = withSecretParams ? v1 : v2;
  const list: NodeProperty[] = [
    { displayName: 'Binary File', name: 'binaryData', type: 'boolean', default: false, required: true, displayOptions: show(['hash', 'hmac']), description: 'Whether the data to hashed should be taken from binary field' },
    { displayName: 'Binary Property Name', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: show(['hash', 'hmac'], { binaryData: [true] }), description: 'Name of the binary property which contains the input data' },
    { displayName: 'Type', name: 'type', type: 'options', options: HASH_TYPES, default: hashDefault, required: true, displayOptions: show(['hash']), description: 'The hash type to use' },
    { displayName: 'Value', name: 'value', type: 'string', default: '', required: true, displayOptions: show(['hash'], { binaryData: [false] }), description: 'The value that should be hashed' },
    propertyName('hash', 'Name of the property to which to write the hash'),
    { displayName: 'Encoding', name: 'encoding', type: 'options', options: ENCODINGS, default: 'hex', required: true, displayOptions: show(['hash']) },
    { displayName: 'Type', name: 'type', type: 'options', options: HASH_TYPES, default: hashDefault, required: true, displayOptions: show(['hmac']), description: 'The hash type to use' },
    { displayName: 'Value', name: 'value', type: 'string', default: '', required: true, displayOptions: show(['hmac'], { binaryData: [false] }), description: 'The value of which the hmac should be created' },
    propertyName('hmac', 'Name of the property to which to write the hmac'),
    ...(withSecretParams
      ? [{ displayName: 'Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '', required: true, displayOptions: show(['hmac']), description: 'Secret used for Hmac' } as NodeProperty]
      : []),
    { displayName: 'Encoding', name: 'encoding', type: 'options', options: ENCODINGS, default: 'hex', required: true, displayOptions: show(['hmac']) },
    { displayName: 'Value', name: 'value', type: 'string', default: '', required: true, displayOptions: show(['sign']), description: 'The value that should be signed' },
    propertyName('sign', 'Name of the property to which to write the signed value'),
    { displayName: 'Algorithm Name or ID', name: 'algorithm', type: 'options', options: SIGN_ALGORITHMS, default: '', required: true, displayOptions: show(['sign']) },
    { displayName: 'Encoding', name: 'encoding', type: 'options', options: ENCODINGS, default: 'hex', required: true, displayOptions: show(['sign']) },
    ...(withSecretParams
      ? [{ displayName: 'Private Key', name: 'privateKey', type: 'string', typeOptions: { password: true }, default: '', required: true, displayOptions: show(['sign']), description: 'Private key to use when signing the string' } as NodeProperty]
      : []),
    propertyName('generate', 'Name of the property to which to write the random string'),
    {
      displayName: 'Type', name: 'encodingType', type: 'options', default: 'uuid', required: true, displayOptions: show(['generate']), description: 'Encoding that will be used to generate string',
      options: [
        { name: 'ASCII', value: 'ascii' },
        { name: 'BASE64', value: 'base64' },
        { name: 'HEX', value: 'hex' },
        { name: 'UUID', value: 'uuid' },
      ],
    },
    { displayName: 'Length', name: 'stringLength', type: 'number', default: 32, description: 'Length of the generated string', displayOptions: show(['generate'], { encodingType: ['ascii', 'base64', 'hex'] }) },
  ];
  return list.map((p) => ({ ...p, displayOptions: { ...p.displayOptions, show: { ...p.displayOptions?.show, ...version } } }));
}

const ACTIONS_V1 = [
  { name: 'Generate', description: 'Generate random string', value: 'generate' },
  { name: 'Hash', description: 'Hash a text or file in a specified format', value: 'hash' },
  { name: 'Hmac', description: 'Hmac a text or file in a specified format', value: 'hmac' },
  { name: 'Sign', description: 'Sign a string using a private key', value: 'sign' },
];

const encryption: NodeProperty[] = [
  {
    displayName: 'Mode', name: 'mode', type: 'options', default: 'symmetric', required: true, displayOptions: show(['encrypt', 'decrypt']),
    options: [
      { name: 'Symmetric (Passphrase)', value: 'symmetric', description: 'Encrypt or decrypt with a passphrase using an authenticated cipher' },
      { name: 'Asymmetric (RSA)', value: 'asymmetric', description: 'Encrypt with an RSA public key, decrypt with an RSA private key' },
    ],
  },
  {
    displayName: 'Cipher', name: 'cipher', type: 'options', default: 'aes-256-gcm', required: true, displayOptions: show(['encrypt', 'decrypt'], { mode: ['symmetric'] }),
    options: [
      { name: 'AES-256-GCM', value: 'aes-256-gcm' },
      { name: 'AES-192-GCM', value: 'aes-192-gcm' },
      { name: 'AES-128-GCM', value: 'aes-128-gcm' },
      { name: 'ChaCha20-Poly1305', value: 'chacha20-poly1305' },
    ],
  },
  { displayName: 'Value', name: 'value', type: 'string', default: '', required: true, displayOptions: show(['encrypt', 'decrypt']), description: 'For Encrypt: the plaintext to encrypt. For Decrypt: the base64 ciphertext produced by this node.' },
  { displayName: 'Property Name', name: 'dataPropertyName', type: 'string', default: 'data', required: true, displayOptions: show(['encrypt', 'decrypt']), description: 'Name of the property to which to write the result' },
].map((p) => ({ ...p, displayOptions: { show: { ...p.displayOptions.show, ...v2 } } })) as NodeProperty[];

export const cryptoProperties: NodeProperty[] = [
  { displayName: 'Action', name: 'action', type: 'options', options: ACTIONS_V1, default: 'hash', displayOptions: { show: v1 } },
  {
    displayName: 'Action', name: 'action', type: 'options', default: 'hash', displayOptions: { show: v2 },
    options: [
      { name: 'Decrypt', description: 'Decrypt a string with a passphrase or private key', value: 'decrypt' },
      { name: 'Encrypt', description: 'Encrypt a string with a passphrase or public key', value: 'encrypt' },
      ...ACTIONS_V1,
    ],
  },
  ...common('MD5', true),
  ...common('SHA256', false),
  ...encryption,
];
