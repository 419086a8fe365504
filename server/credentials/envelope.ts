// Envelope encryption for credentials: each credential's data is sealed with its own data key,
// and only the data key, wrapped by the master key, is kept beside it. Deleting a wrapped data key
// crypto-shreds that credential (DESIGN.md §4: the event log itself never holds secrets).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/index.ts';
import { ConfigError } from '../config.ts';

const KEY_BYTES = 32;
const IV_BYTES = 12; // the GCM standard nonce size; random per message, safe for far more than 2^32 seals per key
const TAG_BYTES = 16;
const VERSION = 'v1';
// Separate contexts so a wrapped key can never be passed off as a data blob or the other way round.
const WRAP_CONTEXT = 'weft/credential-data-key/';
const DATA_CONTEXT = 'weft/credential-data/';

export const MASTER_KEY_FILE = 'master.key';

/** Sealed data failed to open: tampered with, bound to another credential, or sealed with another key. */
export class DecryptionError extends AppError {
  constructor(what: string) {
    super('internal', `The ${what} could not be decrypted: it was altered, belongs to another credential, or was sealed with another key`);
  }
}

export interface MasterKeyOptions {
  dataDir: string;
  /** Base64 of 32 bytes, from configuration; when unset a key file in `dataDir` is used. */
  masterKey?: string;
  logger: { warn(message: string): void };
}

function decodeKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  // Buffer.from silently skips characters that are not base64, so check the alphabet first.
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    throw new ConfigError(`The credentials master key from ${source} must be ${KEY_BYTES} bytes encoded as base64 (e.g. from \`openssl rand -base64 32\`)`);
  }
  return key;
}

/**
 * The master key: from configuration if set, else `<dataDir>/master.key`, created (mode 0600) on
 * first start. A bad key is refused rather than replaced, since replacing it would orphan every
 * stored credential.
 */
export async function loadOrCreateMasterKey({ dataDir, masterKey, logger }: MasterKeyOptions): Promise<Buffer> {
  if (masterKey !== undefined && masterKey.trim() !== '') return decodeKey(masterKey, 'the configuration');
  const file = path.join(dataDir, MASTER_KEY_FILE);
  try {
    const key = decodeKey(await readFile(file, 'utf8'), file);
    if (((await stat(file)).mode & 0o077) !== 0) logger.warn(`${file} is readable by other users; run \`chmod 600 ${file}\``);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  // Written whole to a private temp file, then linked into place: link() fails if another process
  // (a worker sharing the data folder) won the race, and nobody ever reads a half-written key.
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await chmod(temp, 0o600); // in case the file system ignored the mode
    await link(temp, file).catch(async (error: NodeJS.ErrnoException) => {
      // File systems without hard links: exclusive create is the next best thing.
      if (!['EPERM', 'ENOTSUP', 'ENOSYS'].includes(error.code ?? '')) throw error;
      await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateMasterKey({ dataDir, logger });
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
  logger.warn(
    `!!! NO CREDENTIALS MASTER KEY WAS CONFIGURED: generated a new one in ${file}. ` +
      'BACK THIS FILE UP (or move its content into the configuration): if it is lost, every stored credential ' +
      'becomes unreadable and must be entered again. Anyone who can read it can decrypt every credential. !!!',
  );
  return key;
}

/** A fresh random key for one credential. */
export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new AppError('internal', `Encryption keys must be ${KEY_BYTES} bytes, got ${key.length}`);
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

function open(key: Buffer, sealed: string, aad: string, what: string): Buffer {
  checkKey(key);
  const parts = typeof sealed === 'string' ? sealed.split('.') : [];
  if (parts.length !== 4 || parts[0] !== VERSION) throw new DecryptionError(what);
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new DecryptionError(what);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new DecryptionError(what);
  }
}

/** Wraps a data key with the master key; pass the credential id as `aad` to bind the two. */
export function wrapKey(master: Buffer, dataKey: Buffer, aad = ''): string {
  checkKey(dataKey);
  return seal(master, dataKey, WRAP_CONTEXT + aad);
}

export function unwrapKey(master: Buffer, wrapped: string, aad = ''): Buffer {
  const key = open(master, wrapped, WRAP_CONTEXT + aad, 'credential data key');
  checkKey(key);
  return key;
}

/** Seals a JSON value; `aad` (the credential id) must be given again to open it. */
export function encryptJson(dataKey: Buffer, value: unknown, aad: string): string {
  return seal(dataKey, Buffer.from(JSON.stringify(value), 'utf8'), DATA_CONTEXT + aad);
}

export function decryptJson(dataKey: Buffer, blob: string, aad: string): unknown {
  return JSON.parse(open(dataKey, blob, DATA_CONTEXT + aad, 'credential data').toString('utf8'));
}
