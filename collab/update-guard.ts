// Refuses a peer's update that would nest the document deeper than the limit, before it is applied:
// once applied it would reach every editor (whose code walks the document recursively) and, at
// the next commit, the event log. Most updates are checked from their own content alone; only one
// that could pass the limit is tried on a copy of the document.
import * as Y from 'yjs';

export interface UpdateGuard {
  /** Why the update is refused, or undefined when it may be applied. */
  check(update: Uint8Array): string | undefined;
}

/** How deeply shared types and the plain values in them nest, counting up to `cap + 1` at most. */
export function docDepth(doc: Y.Doc, cap: number): number {
  return nestingDepth([...doc.share.values()], cap);
}

/** How deeply the given values (shared types or plain) nest below and including themselves, up to `cap + 1`. */
function nestingDepth(roots: unknown[], cap: number): number {
  const stack: [unknown, number][] = roots.map((root) => [root, 1]);
  let deepest = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > cap) return deepest;
    for (const child of childrenOf(value)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Live children of a shared type of any kind (root types of a copy stay untyped), or of a plain value. */
function childrenOf(value: unknown): unknown[] {
  if (value instanceof Y.AbstractType) {
    const items: Y.Item[] = [...(value._map as Map<string, Y.Item>).values()];
    for (let item = value._start; item; item = item.right) items.push(item);
    // Characters of text add no depth, and there may be many.
    return items.filter((i) => !i.deleted && !(i.content instanceof Y.ContentString)).flatMap((i) => i.content.getContent());
  }
  if (ArrayBuffer.isView(value)) return [];
  return Object.values(value as object);
}

/** The nesting an update could add at most: each new shared type one level, plus its deepest plain value. */
function addedDepthBound(update: Uint8Array, cap: number): number {
  const { structs } = Y.decodeUpdate(update);
  let types = 0;
  let plain = 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.content instanceof Y.ContentType) types++;
    else if (struct.content instanceof Y.ContentAny) {
      for (const value of struct.content.arr) {
        if (typeof value === 'object' && value !== null) plain = Math.max(plain, nestingDepth([value], cap));
      }
    }
    if (types + plain > cap) break;
  }
  return types + plain;
}

export function createUpdateGuard(doc: Y.Doc, maxDepth: number): UpdateGuard {
  /** An upper bound of the document's depth; exact after each copy is tried. */
  let bound: number | undefined;
  const tooDeep = `the edit nests the workflow deeper than ${maxDepth} levels (JSON_MAX_DEPTH)`;
  return {
    check(update) {
      let added: number;
      try {
        added = addedDepthBound(update, maxDepth);
      } catch {
        // Decoding recurses into plain values: one too deep to decode is too deep to keep.
        return 'the edit could not be decoded (malformed, or nested too deeply)';
      }
      bound ??= docDepth(doc, maxDepth);
      if (bound + added <= maxDepth) {
        bound += added;
        return undefined;
      }
      const copy = new Y.Doc();
      try {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
        Y.applyUpdate(copy, update);
        const depth = docDepth(copy, maxDepth);
        if (depth > maxDepth) return tooDeep;
        bound = depth;
        return undefined;
      } catch {
        return 'the edit could not be applied (malformed)';
      } finally {
        copy.destroy();
      }
    },
  };
}
