// TOTP (n8n-nodes-base.totp v1): the current time-based one-time password of the totpApi credential's
// secret (RFC 6238, with otpauth), and how many seconds it stays valid.
import { Secret, TOTP } from 'otpauth';
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';

const ALGORITHMS = ['SHA1', 'SHA224', 'SHA256', 'SHA3-224', 'SHA3-256', 'SHA3-384', 'SHA3-512', 'SHA384', 'SHA512'];

export const totpNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.totp',
    displayName: 'TOTP',
    group: ['transform'],
    version: [1],
    description: 'Generate a time-based one-time password',
    defaults: { name: 'TOTP' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'totpApi', required: true }],
    properties: [
      {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        options: [{ name: 'Generate Secret', value: 'generateSecret', description: 'Generate a TOTP code' }],
        default: 'generateSecret',
      },
      {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add option',
        default: {},
        displayOptions: { show: { operation: ['generateSecret'] } },
        options: [
          { displayName: 'Algorithm', name: 'algorithm', type: 'options', default: 'SHA1', options: ALGORITHMS.map((name) => ({ name, value: name })), description: 'HMAC hashing algorithm. Defaults to SHA1.' },
          { displayName: 'Digits', name: 'digits', type: 'number', default: 6, description: 'Number of digits in the generated TOTP code. Defaults to 6 digits.' },
          { displayName: 'Period', name: 'period', type: 'number', default: 30, description: 'How many seconds the generated TOTP code is valid for. Defaults to 30 seconds.' },
        ],
      },
    ],
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const credentials = (await ctx.credentials.get('totpApi')) as { secret?: string; label?: string };
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        if (!credentials.label) throw new NodeOperationError(ctx.node.name, 'Missing label in credentials', { itemIndex: i });
        if (!credentials.secret) throw new NodeOperationError(ctx.node.name, 'Missing secret in credentials', { itemIndex: i });
        const options = collection(ctx, 'options', i);
        const period = Number(options.period ?? 30);
        const [issuer, label] = credentials.label.includes(':') ? credentials.label.split(':') : ['', credentials.label];
        let secret: Secret;
        try {
          secret = Secret.fromBase32(credentials.secret.replace(/\s+/g, ''));
        } catch (error) {
          throw new NodeOperationError(ctx.node.name, 'The secret in the credential is not valid base32', { itemIndex: i, description: errorMessage(error) });
        }
        const totp = new TOTP({ issuer, label, secret, algorithm: String(options.algorithm ?? 'SHA1'), digits: Number(options.digits ?? 6), period });
        const token = totp.generate();
        const secondsRemaining = Math.floor(period - ((Date.now() / 1000) % period));
        output.push({ json: { token, secondsRemaining }, pairedItem: { item: i } });
      } catch (error) {
        const failure = error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex: i });
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: failure.message }, pairedItem: { item: i } });
      }
    }
    return [output];
  },
};
