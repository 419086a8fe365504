// Signing, verifying and decoding JWTs with jose, with the claims, header and error messages of the
// jsonwebtoken library n8n uses (iat added on sign; "jwt expired", "jwt not active", "jwt malformed").
import { createPrivateKey, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, SignJWT, errors as joseErrors } from 'jose';
import type { JsonObject } from '../../engine/index.ts';
import { formatPem } from '../crypto/crypto-actions.ts';

export interface JwtCredentials {
  keyType?: 'passphrase' | 'pemKey';
  secret?: string;
  privateKey?: string;
  publicKey?: string;
  algorithm?: string;
}

/** A failure with jsonwebtoken's message, for the node to show as is. */
export class JwtError extends Error {}

function key(credentials: JwtCredentials, algorithm: string, use: 'sign' | 'verify'): KeyObject {
  if (algorithm.startsWith('HS')) {
    if (credentials.keyType === 'pemKey') throw new JwtError(`${algorithm} needs a passphrase credential, not a PEM key`);
    return createSecretKey(Buffer.from(credentials.secret ?? '', 'utf8'));
  }
  if (credentials.keyType !== 'pemKey') throw new JwtError(`${algorithm} needs a PEM key credential, not a passphrase`);
  try {
    return use === 'sign' ? createPrivateKey(formatPem(credentials.privateKey ?? '')) : createPublicKey(formatPem(credentials.publicKey ?? '', true));
  } catch (error) {
    throw new JwtError(`The ${use === 'sign' ? 'private' : 'public'} key of the credential cannot be read: ${(error as Error).message}`);
  }
}

export async function signJwt(payload: JsonObject, credentials: JwtCredentials, algorithm: string, kid?: string): Promise<string> {
  const header = { alg: algorithm, typ: 'JWT', ...(kid ? { kid } : {}) };
  return new SignJWT({ ...payload, iat: Math.floor(Date.now() / 1000) }).setProtectedHeader(header).sign(key(credentials, algorithm, 'sign'));
}

function parts(token: string): { header: JsonObject; payload: JsonObject; signature: string } {
  const [, body, signature] = token.split('.');
  try {
    const header = decodeProtectedHeader(token) as JsonObject;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JsonObject;
    return { header, payload, signature };
  } catch {
    throw new JwtError('jwt malformed');
  }
}

/** jsonwebtoken.decode: the payload (or header, payload, signature), null when it is not a JWT. */
export function decodeJwt(token: string, complete: boolean): JsonObject | null {
  try {
    const decoded = parts(token);
    return complete ? decoded : decoded.payload;
  } catch {
    return null;
  }
}

export interface VerifyOptions {
  complete?: boolean;
  ignoreExpiration?: boolean;
  ignoreNotBefore?: boolean;
  clockTolerance?: number;
}

export async function verifyJwt(token: string, credentials: JwtCredentials, algorithm: string, options: VerifyOptions): Promise<JsonObject> {
  if (token.split('.').length !== 3) throw new JwtError('jwt malformed');
  const decoded = parts(token);
  if (decoded.header.alg !== algorithm) throw new JwtError('invalid algorithm');
  try {
    await compactVerify(token, key(credentials, algorithm, 'verify'), { algorithms: [algorithm] });
  } catch (error) {
    if (error instanceof JwtError) throw error;
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) throw new JwtError('invalid signature');
    throw new JwtError((error as Error).message);
  }
  const now = Math.floor(Date.now() / 1000);
  const tolerance = Number(options.clockTolerance ?? 0);
  const { exp, nbf } = decoded.payload;
  if (!options.ignoreNotBefore && typeof nbf === 'number' && nbf > now + tolerance) throw new JwtError('jwt not active');
  if (!options.ignoreExpiration && typeof exp === 'number' && now >= exp + tolerance) throw new JwtError('jwt expired');
  return options.complete ? decoded : decoded.payload;
}
