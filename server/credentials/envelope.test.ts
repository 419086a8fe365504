import { mkdtempSync, rmSync, statSync, writeFileSync, readdirSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/index.ts';
import { ConfigError } from '../config.ts';
import {
  DecryptionError, MASTER_KEY_FILE, decryptJson, encryptJson, loadOrCreateMasterKey, newDataKey, unwrapKey, wrapKey,
} from './envelope.ts';

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, warn: (message: string) => void warnings.push(message) };
}

/** Flips one bit in the n-th dot-separated part of a sealed string. */
function flip(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('sealing', () => {
  const master = newDataKey();
  const dataKey = newDataKey();
  const value = { host: 'db', password: 'hunter2', nested: { list: [1, 'two', null] } };

  it('round-trips a data key and a JSON value', () => {
    const wrapped = wrapKey(master, dataKey, 'cred-1');
    expect(wrapped).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(unwrapKey(master, wrapped, 'cred-1').equals(dataKey)).toBe(true);
    const blob = encryptJson(dataKey, value, 'cred-1');
    expect(blob).not.toContain('hunter2');
    expect(decryptJson(dataKey, blob, 'cred-1')).toEqual(value);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptJson(dataKey, value, 'c')).not.toBe(encryptJson(dataKey, value, 'c'));
  });

  it('detects tampering with the IV, tag or ciphertext, and malformed blobs', () => {
    const blob = encryptJson(dataKey, value, 'cred-1');
    for (const part of [1, 2, 3]) expect(() => decryptJson(dataKey, flip(blob, part), 'cred-1')).toThrow(DecryptionError);
    for (const bad of ['', 'v2' + blob.slice(2), blob.split('.').slice(0, 3).join('.'), 'v1.AA.AA.AA']) {
      expect(() => decryptJson(dataKey, bad, 'cred-1')).toThrow(DecryptionError);
    }
    expect(() => unwrapKey(master, flip(wrapKey(master, dataKey), 3))).toThrow(DecryptionError);
  });

  it('refuses a blob moved to another credential (wrong AAD)', () => {
    const blob = encryptJson(dataKey, value, 'cred-1');
    expect(() => decryptJson(dataKey, blob, 'cred-2')).toThrow(DecryptionError);
    expect(() => unwrapKey(master, wrapKey(master, dataKey, 'cred-1'), 'cred-2')).toThrow(DecryptionError);
  });

  it('refuses the wrong key, and never confuses a wrapped key with a data blob', () => {
    const blob = encryptJson(dataKey, value, 'c');
    expect(() => decryptJson(newDataKey(), blob, 'c')).toThrow(DecryptionError);
    expect(() => unwrapKey(newDataKey(), wrapKey(master, dataKey))).toThrow(DecryptionError);
    expect(() => decryptJson(master, wrapKey(master, dataKey, 'c'), 'c')).toThrow(DecryptionError);
  });

  it('throws an internal AppError whose message holds no secret', () => {
    try {
      decryptJson(newDataKey(), encryptJson(dataKey, value, 'c'), 'c');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('internal');
      expect((error as AppError).message).not.toContain('hunter2');
    }
  });

  it('rejects keys of the wrong length', () => {
    expect(() => encryptJson(Buffer.alloc(16), value, 'c')).toThrow(/32 bytes/);
    expect(() => wrapKey(master, Buffer.alloc(31))).toThrow(/32 bytes/);
  });
});

describe('loadOrCreateMasterKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'weft-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a 0600 key file with a loud warning, then reuses it quietly', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const first = recordingLogger();
    const key = await loadOrCreateMasterKey({ dataDir, logger: first });
    expect(key.length).toBe(32);
    const file = path.join(dataDir, MASTER_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual([MASTER_KEY_FILE]);
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings[0]).toMatch(/BACK THIS FILE UP/);
    expect(first.warnings[0]).toMatch(/unreadable/);
    expect(first.warnings[0]).not.toContain(key.toString('base64'));

    const second = recordingLogger();
    expect((await loadOrCreateMasterKey({ dataDir, logger: second })).equals(key)).toBe(true);
    expect(second.warnings).toEqual([]);
  });

  it('agrees on one key when several processes start at once', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateMasterKey({ dataDir: dir, logger: recordingLogger() })));
    for (const key of keys) expect(key.equals(keys[0])).toBe(true);
    expect(readdirSync(dir)).toEqual([MASTER_KEY_FILE]);
  });

  it('uses a configured key and writes no file', async () => {
    const configured = newDataKey();
    const logger = recordingLogger();
    const key = await loadOrCreateMasterKey({ dataDir: dir, masterKey: configured.toString('base64'), logger });
    expect(key.equals(configured)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect(logger.warnings).toEqual([]);
  });

  it('rejects a configured key that is not 32 bytes of base64, without echoing it', async () => {
    for (const bad of [newDataKey().subarray(0, 16).toString('base64'), 'not base64 at all!!', `${newDataKey().toString('base64')}AAAA`]) {
      const attempt = loadOrCreateMasterKey({ dataDir: dir, masterKey: bad, logger: recordingLogger() });
      await expect(attempt).rejects.toThrow(ConfigError);
      await expect(attempt).rejects.not.toThrow(bad);
    }
  });

  it('refuses to replace a damaged key file, and warns when it is readable by others', async () => {
    const file = path.join(dir, MASTER_KEY_FILE);
    writeFileSync(file, 'garbage\n', { mode: 0o600 });
    await expect(loadOrCreateMasterKey({ dataDir: dir, logger: recordingLogger() })).rejects.toThrow(/32 bytes/);
    expect(readFileSync(file, 'utf8')).toBe('garbage\n');

    writeFileSync(file, `${newDataKey().toString('base64')}\n`);
    chmodSync(file, 0o644);
    const logger = recordingLogger();
    await loadOrCreateMasterKey({ dataDir: dir, logger });
    expect(logger.warnings[0]).toMatch(/chmod 600/);
  });
});
