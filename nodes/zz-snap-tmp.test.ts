import { test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { flowNodeTypes } from '/work/main/nodes/registry-flow.ts';
import { transformNodeTypes } from '/work/main/nodes/registry-transform.ts';
test('snap', () => {
  const all = [...flowNodeTypes, ...transformNodeTypes].map((n: any) => {
    const o: any = {};
    for (const k of Object.keys(n)) if (typeof n[k] !== 'function') o[k] = n[k];
    return o;
  });
  writeFileSync(process.env.SNAP_OUT!, JSON.stringify(all, null, 1));
});
