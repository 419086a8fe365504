// The smallest edit turning one text into another: editors apply others' changes with it so the
// caret and selection stay where they were.
export function smallestEdit(current: string, next: string): { from: number; to: number; insert: string } {
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current[endCurrent - 1] === next[endNext - 1]) {
    endCurrent--;
    endNext--;
  }
  return { from: start, to: endCurrent, insert: next.slice(start, endNext) };
}
