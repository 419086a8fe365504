import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

// RFC 6238's SHA1 test key "12345678901234567890", in base32.
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** RFC 4226/6238 computed here with node:crypto, independently of otpauth. */
function expectedCode(secret: Buffer, at: number, period: number, digits: number, hash: string): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / period)));
  const mac = createHmac(hash, secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(value).padStart(digits, '0');
}

async function totp(credentials: Record<string, unknown>, parameters: Record<string, unknown> = {}, continueOnFail = false) {
  const result = await runChain([{ name: 'TOTP', type: 'n8n-nodes-base.totp', parameters, continueOnFail, credentials: { totpApi: { id: 'c', name: 'c' } } }], { credentials: { totpApi: credentials } });
  return { items: outputOf(result, 'TOTP'), error: result.data.resultData.error?.message };
}

describe('totp', () => {
  it('generates the current RFC 6238 code and the seconds it stays valid', async () => {
    const before = Date.now();
    const { items } = await totp({ label: 'Weft:ada', secret: SECRET });
    const after = Date.now();
    const codes = [before, after].map((t) => expectedCode(Buffer.from('12345678901234567890'), t, 30, 6, 'sha1'));
    expect(codes).toContain(items[0].json.token);
    expect(items[0].json.secondsRemaining).toBeGreaterThanOrEqual(0);
    expect(items[0].json.secondsRemaining).toBeLessThanOrEqual(30);
    expect(items[0].pairedItem).toEqual({ item: 0 });
  });

  it('follows the algorithm, digits and period options', async () => {
    const before = Date.now();
    const { items } = await totp({ label: 'ada', secret: SECRET }, { options: { algorithm: 'SHA256', digits: 8, period: 60 } });
    const after = Date.now();
    expect([before, after].map((t) => expectedCode(Buffer.from('12345678901234567890'), t, 60, 8, 'sha256'))).toContain(items[0].json.token);
    expect(String(items[0].json.token)).toHaveLength(8);
  });

  it('names a missing label, a missing or invalid secret', async () => {
    expect((await totp({ secret: SECRET })).error).toBe('Missing label in credentials');
    expect((await totp({ label: 'a' })).error).toBe('Missing secret in credentials');
    expect((await totp({ label: 'a', secret: 'not base32 !!' })).error).toBe('The secret in the credential is not valid base32');
    expect((await totp({ label: 'a' }, {}, true)).items[0].json).toEqual({ error: 'Missing secret in credentials' });
  });
});
