// For the vault's tests: which files of a data folder hold a secret, as bytes, in either encoding
// (UTF-8, or UTF-16 as SQLite may store text) it could take.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const bytes = readFileSync(p);
        if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) hits.push(p);
      }
    }
  };
  walk(dir);
  return hits;
}
