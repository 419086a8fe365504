// Equality used to match and compare items: strict deep equality, or n8n's "fuzzy" compare that
// tolerates type differences (3 vs '3', null vs '', true vs 'true', …).
import { isEqual } from '../transform-shared/values.ts';

const isFalsy = (value: unknown) =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

function parsedEquals(text: string, value: unknown): boolean {
  try {
    return isEqual(JSON.parse(text), value);
  } catch {
    return false;
  }
}

function booleanMatches(bool: boolean, other: unknown): boolean {
  if (typeof other === 'string') {
    const lower = other.toLocaleLowerCase();
    if ((bool && lower === 'true') || (!bool && lower === 'false')) return true;
    return (bool && other === '1') || (!bool && other === '0');
  }
  if (typeof other === 'number') return (bool && other === 1) || (!bool && other === 0);
  return false;
}

export function entriesEqual(fuzzy: boolean, version = 1): (a: unknown, b: unknown) => boolean {
  if (!fuzzy) return isEqual;
  return (a, b) => {
    if (a !== null && b !== null && typeof a === typeof b) return isEqual(a, b);
    if (version >= 2) {
      if (a === null && (b === null || b === 0 || b === '0')) return true;
      if (b === null && (a === null || a === 0 || a === '0')) return true;
    }
    if (isFalsy(a) && isFalsy(b)) return true;
    if (isFalsy(a) && b === undefined) return true;
    if (a === undefined && isFalsy(b)) return true;
    if (typeof a === 'number' && typeof b === 'string') return a.toString() === b;
    if (typeof a === 'string' && typeof b === 'number') return a === b.toString();
    if (a !== null && typeof a === 'object' && typeof b === 'string') return parsedEquals(b, a);
    if (b !== null && typeof a === 'string' && typeof b === 'object') return parsedEquals(a, b);
    if (typeof a === 'boolean' && booleanMatches(a, b)) return true;
    if (typeof b === 'boolean' && booleanMatches(b, a)) return true;
    return isEqual(a, b);
  };
}
