// The Crypto node's actions: random strings, hashes, HMACs, signatures and (v2) authenticated
// encryption with a scrypt-derived key or RSA-OAEP.
import {
  constants, createCipheriv, createDecipheriv, createHash, createHmac, createSign, privateDecrypt,
  publicEncrypt, randomBytes, randomUUID, scrypt, type CipherGCMTypes,
} from 'node:crypto';

export function generate(encodingType: string, length: number): string {
  if (encodingType === 'uuid') return randomUUID();
  const text = randomBytes(length).toString(encodingType as BufferEncoding);
  return (encodingType === 'base64' ? text.replace(/\W/g, '') : text).slice(0, length);
}

export function digest(kind: 'hash' | 'hmac', type: string, secret: string, data: string | Buffer, encoding: string): string {
  const hasher = kind === 'hash' ? createHash(type) : createHmac(type, secret);
  return hasher.update(data).digest(encoding as 'hex' | 'base64');
}

export function sign(algorithm: string, privateKey: string, value: string, encoding: string): string {
  const signer = createSign(algorithm);
  signer.write(value);
  signer.end();
  return signer.sign(privateKey, encoding as 'hex' | 'base64');
}

/** A PEM key pasted on one line, re-wrapped into proper lines. */
export function formatPem(key: string, isPublic = false): string {
  if (!key || /\n/.test(key)) return key;
  const marker = isPublic ? /(PUBLIC KEY)/ : /(PRIVATE KEY|CERTIFICATE)/;
  return key
    .split('-----')
    .filter((part) => part !== '')
    .map((part) => (marker.test(part) ? `-----${part}-----` : part.replace(/\\n/g, '\n').replace(/\s+/g, '\n')))
    .join('');
}

const KEY_LENGTHS: Record<string, number> = { 'aes-128-gcm': 16, 'aes-192-gcm': 24, 'aes-256-gcm': 32, 'chacha20-poly1305': 32 };
const SALT = 16;
const IV = 12;
const TAG = 16;
const FORMAT_VERSION = 0x01;
const SCRYPT = { N: 65536, r: 8, p: 1, maxmem: 128 * 1024 * 1024 };

function deriveKey(passphrase: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(passphrase, salt, length, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `[version][salt][iv][tag][ciphertext]`, base64. */
export async function encryptSymmetric(cipher: string, passphrase: string, value: string): Promise<string> {
  const salt = randomBytes(SALT);
  const iv = randomBytes(IV);
  const key = await deriveKey(passphrase, salt, KEY_LENGTHS[cipher]);
  const instance = createCipheriv(cipher as CipherGCMTypes, key, iv, { authTagLength: TAG });
  const ciphertext = Buffer.concat([instance.update(value, 'utf8'), instance.final()]);
  return Buffer.concat([Buffer.from([FORMAT_VERSION]), salt, iv, instance.getAuthTag(), ciphertext]).toString('base64');
}

export class CryptoInputError extends Error {}

export async function decryptSymmetric(cipher: string, passphrase: string, value: string): Promise<string> {
  const payload = Buffer.from(value, 'base64');
  if (payload.length < 1 + SALT + IV + TAG) throw new CryptoInputError('Ciphertext is malformed or truncated');
  if (payload[0] !== FORMAT_VERSION) {
    throw new CryptoInputError(`Unsupported ciphertext version 0x${payload[0].toString(16).padStart(2, '0')}`);
  }
  const ivStart = 1 + SALT;
  const tagStart = ivStart + IV;
  const dataStart = tagStart + TAG;
  const key = await deriveKey(passphrase, payload.subarray(1, ivStart), KEY_LENGTHS[cipher]);
  const decipher = createDecipheriv(cipher as CipherGCMTypes, key, payload.subarray(ivStart, tagStart), { authTagLength: TAG });
  decipher.setAuthTag(payload.subarray(tagStart, dataStart));
  return Buffer.concat([decipher.update(payload.subarray(dataStart)), decipher.final()]).toString('utf8');
}

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };

export function encryptAsymmetric(publicKey: string, value: string): string {
  try {
    return publicEncrypt({ key: publicKey, ...OAEP }, Buffer.from(value, 'utf8')).toString('base64');
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === 'ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE' || /data too large/i.test(e.message ?? '')) {
      throw new CryptoInputError('Plaintext is too large for the RSA key. Use symmetric mode for larger data.');
    }
    throw error;
  }
}

export function decryptAsymmetric(privateKey: string, value: string): string {
  return privateDecrypt({ key: privateKey, ...OAEP }, Buffer.from(value, 'base64')).toString('utf8');
}
