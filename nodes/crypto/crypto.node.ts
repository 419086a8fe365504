// Crypto (n8n-nodes-base.crypto v1, v2): hash, HMAC, sign, generate; v2 takes secrets from a
// `crypto` credential and adds encrypt/decrypt. The result goes into a copy of each item.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { param } from '../transform-shared/params.ts';
import { deepCopy } from '../transform-shared/values.ts';
import {
  CryptoInputError, decryptAsymmetric, decryptSymmetric, digest, encryptAsymmetric, encryptSymmetric, formatPem, generate, sign,
} from './crypto-actions.ts';
import { cryptoProperties } from './crypto.description.ts';

interface Secrets {
  hmacSecret?: string;
  signPrivateKey?: string;
  encryptionPassphrase?: string;
  encryptionPublicKey?: string;
  encryptionPrivateKey?: string;
}

async function secretsFor(ctx: ExecuteContext, action: string): Promise<Secrets> {
  if (ctx.node.typeVersion < 2 || !['hmac', 'sign', 'encrypt', 'decrypt'].includes(action)) return {};
  const credentials = (await ctx.credentials.get('crypto')) as Secrets;
  const missing = (what: string) => new NodeOperationError(ctx.node.name, `No ${what} set in credentials. Please add ${what === 'HMAC secret' ? 'an HMAC secret' : `a ${what}`} to your Crypto credentials.`);
  if (action === 'hmac' && !credentials.hmacSecret) throw missing('HMAC secret');
  if (action === 'sign' && !credentials.signPrivateKey) throw missing('private key');
  return credentials;
}

async function compute(ctx: ExecuteContext, action: string, item: Item, i: number, secrets: Secrets): Promise<{ value: unknown; binaryUsed: boolean }> {
  const v1 = ctx.node.typeVersion < 2;
  const value = String(param<unknown>(ctx, 'value', i, '') ?? '');
  if (action === 'generate') {
    return { value: generate(param(ctx, 'encodingType', i, 'uuid'), param(ctx, 'stringLength', i, 32)), binaryUsed: false };
  }
  if (action === 'hash' || action === 'hmac') {
    const type = param(ctx, 'type', i, v1 ? 'MD5' : 'SHA256');
    const encoding = param(ctx, 'encoding', i, 'hex');
    const secret = action === 'hmac' ? (v1 ? String(param(ctx, 'secret', i, '')) : secrets.hmacSecret!) : '';
    if (param(ctx, 'binaryData', i, false)) {
      const property = param(ctx, 'binaryPropertyName', i, 'data');
      const binary = item.binary?.[property];
      if (!binary) throw new NodeOperationError(ctx.node.name, `This operation expects the node's input data to contain a binary file '${property}', but none was found [item ${i}]`, { itemIndex: i });
      return { value: digest(action, type, secret, Buffer.from(binary.data, 'base64'), encoding), binaryUsed: true };
    }
    return { value: digest(action, type, secret, value, encoding), binaryUsed: false };
  }
  if (action === 'sign') {
    const key = v1 ? param(ctx, 'privateKey', i, '') : formatPem(secrets.signPrivateKey!);
    return { value: sign(param(ctx, 'algorithm', i, ''), key, value, param(ctx, 'encoding', i, 'hex')), binaryUsed: false };
  }
  if (action === 'encrypt' || action === 'decrypt') return { value: await crypt(ctx, action, i, value, secrets), binaryUsed: false };
  return { value: undefined, binaryUsed: false };
}

async function crypt(ctx: ExecuteContext, action: string, i: number, value: string, secrets: Secrets): Promise<string> {
  const mode = param(ctx, 'mode', i, 'symmetric');
  const need = (secret: string | undefined, what: string) => {
    if (!secret) throw new NodeOperationError(ctx.node.name, `No ${what} set in credentials. Please add an ${what} to your Crypto credentials.`);
    return secret;
  };
  const cipher = param(ctx, 'cipher', i, 'aes-256-gcm');
  if (action === 'encrypt') {
    return mode === 'symmetric'
      ? encryptSymmetric(cipher, need(secrets.encryptionPassphrase, 'Encryption Passphrase'), value)
      : encryptAsymmetric(formatPem(need(secrets.encryptionPublicKey, 'Encryption Public Key'), true), value);
  }
  const passphrase = mode === 'symmetric' ? need(secrets.encryptionPassphrase, 'Encryption Passphrase') : '';
  const privateKey = mode === 'symmetric' ? '' : formatPem(need(secrets.encryptionPrivateKey, 'Encryption Private Key'));
  try {
    return mode === 'symmetric' ? await decryptSymmetric(cipher, passphrase, value) : decryptAsymmetric(privateKey, value);
  } catch (error) {
    if (error instanceof CryptoInputError) throw new NodeOperationError(ctx.node.name, error.message, { itemIndex: i });
    throw new NodeOperationError(ctx.node.name, 'Decryption failed: wrong passphrase, key, cipher, or corrupted payload', { itemIndex: i });
  }
}

function errorJson(ctx: ExecuteContext, error: unknown): unknown {
  const e = error as { message?: string; name?: string; code?: string };
  if (ctx.node.typeVersion < 2) return e.message;
  return { message: e.message, ...(e.name ? { name: e.name } : {}), ...(e.code ? { code: e.code } : {}) };
}

export const cryptoNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.crypto',
    displayName: 'Crypto',
    group: ['transform'],
    version: [1, 2],
    description: 'Provide cryptographic utilities',
    defaults: { name: 'Crypto', color: '#408000' },
    inputs: ['main'],
    outputs: ['main'],
    // v2 only, and only for the actions that take secrets (n8n: hmac and sign; ours also encrypt, decrypt).
    credentials: [{ name: 'crypto', required: false, displayOptions: { show: { '@version': [2], action: ['hmac', 'sign', 'encrypt', 'decrypt'] } } }],
    properties: cryptoProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const action = param(ctx, 'action', 0, 'hash');
    const secrets = await secretsFor(ctx, action);
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        const property = param(ctx, 'dataPropertyName', i, 'data');
        const { value, binaryUsed } = await compute(ctx, action, items[i], i, secrets);
        const json: JsonObject = property.includes('.') ? deepCopy(items[i].json) : { ...items[i].json };
        json[property] = value;
        const item: Item = { json, pairedItem: { item: i } };
        if (items[i].binary !== undefined && !binaryUsed) item.binary = items[i].binary;
        output.push(item);
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: errorJson(ctx, error) }, pairedItem: { item: i } });
      }
    }
    return [output];
  },
};
