// The browser stand-in for `node:crypto`, which domain/ uses for ids: the Web Crypto API offers
// what the shared code calls (random UUIDs and random bytes, indexable like a Buffer).
export function randomUUID(): string {
  return crypto.randomUUID();
}

export function randomBytes(size: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(size));
}
