// JWT parameters (n8n-nodes-base.jwt v1).
import type { NodeProperty } from '../../engine/index.ts';

export const JWT_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512'];

export const jwtProperties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Decode', value: 'decode', description: 'Decode a JWT' },
      { name: 'Sign', value: 'sign', description: 'Sign a JWT' },
      { name: 'Verify', value: 'verify', description: 'Verify a JWT' },
    ],
    default: 'sign',
  },
  { displayName: 'Use JSON to Build Payload', name: 'useJson', type: 'boolean', default: false, description: 'Whether to use JSON to build the claims', displayOptions: { show: { operation: ['sign'] } } },
  {
    displayName: 'Payload Claims',
    name: 'claims',
    type: 'collection',
    placeholder: 'Add Claim',
    default: {},
    displayOptions: { show: { operation: ['sign'], useJson: [false] } },
    options: [
      { displayName: 'Audience', name: 'audience', type: 'string', default: '', placeholder: 'e.g. https://example.com' },
      { displayName: 'Expires In', name: 'expiresIn', type: 'number', default: 3600, typeOptions: { minValue: 0 }, description: 'The lifetime of the token in seconds' },
      { displayName: 'Issuer', name: 'issuer', type: 'string', default: '', placeholder: 'e.g. https://example.com' },
      { displayName: 'JWT ID', name: 'jwtid', type: 'string', default: '', placeholder: 'e.g. 123456' },
      { displayName: 'Not Before', name: 'notBefore', type: 'number', default: 0, typeOptions: { minValue: 0 } },
      { displayName: 'Subject', name: 'subject', type: 'string', default: '' },
    ],
  },
  {
    displayName: 'Payload Claims (JSON)',
    name: 'claimsJson',
    type: 'json',
    default: '{\n  "my_field_1": "value 1",\n  "my_field_2": "value 2"\n}\n',
    typeOptions: { rows: 5 },
    description: 'Claims to add to the token in JSON format',
    displayOptions: { show: { operation: ['sign'], useJson: [true] } },
  },
  {
    displayName: 'Token',
    name: 'token',
    type: 'string',
    typeOptions: { password: true },
    default: '',
    required: true,
    description: 'The token to verify or decode',
    displayOptions: { show: { operation: ['verify', 'decode'] } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    options: [
      { displayName: 'Return Additional Info', name: 'complete', type: 'boolean', default: false, description: 'Whether to return the header and signature too', displayOptions: { show: { '/operation': ['verify', 'decode'] } } },
      { displayName: 'Ignore Expiration', name: 'ignoreExpiration', type: 'boolean', default: false, displayOptions: { show: { '/operation': ['verify'] } } },
      { displayName: 'Ignore Not Before Claim', name: 'ignoreNotBefore', type: 'boolean', default: false, displayOptions: { show: { '/operation': ['verify'] } } },
      { displayName: 'Clock Tolerance', name: 'clockTolerance', type: 'number', default: 0, typeOptions: { minValue: 0 }, description: 'Seconds of clock difference tolerated when checking nbf and exp', displayOptions: { show: { '/operation': ['verify'] } } },
      { displayName: 'Key ID', name: 'kid', type: 'string', default: '', placeholder: 'e.g. 123456', displayOptions: { show: { '/operation': ['sign'] } } },
      {
        displayName: 'Override Algorithm',
        name: 'algorithm',
        type: 'options',
        options: JWT_ALGORITHMS.map((name) => ({ name, value: name })),
        default: 'HS256',
        description: 'The algorithm to sign or verify with, instead of the credential\'s',
        displayOptions: { show: { '/operation': ['sign', 'verify'] } },
      },
    ],
  },
];
