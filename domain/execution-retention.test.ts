import { describe, expect, it } from 'vitest';
import { blobRefsIn, keepsRunData, type SaveDefaults } from './execution-retention.ts';

const sha = (c: string) => c.repeat(64);
const defaults: SaveDefaults = { onSuccess: 'all', onError: 'all', manual: true };

describe('blobRefsIn', () => {
  it('finds refs under keys ending in Ref/ref/Refs at any depth, once each', () => {
    const data = {
      node: 'A',
      dataRef: { sha256: sha('a'), bytes: 3 },
      taskData: { inputRef: { sha256: sha('b') }, list: [{ outputRefs: [{ sha256: sha('c') }, { sha256: sha('a') }] }] },
      ref: { sha256: sha('d') },
      blobRefs: { triggerItems: { sha256: sha('e'), bytes: 9 }, pinData: { sha256: sha('f'), bytes: 9 } },
    };
    expect(blobRefsIn(data).sort()).toEqual([sha('a'), sha('b'), sha('c'), sha('d'), sha('e'), sha('f')]);
  });

  it('ignores hashes that are not refs', () => {
    expect(blobRefsIn({ definitionHash: sha('a'), item: { sha256: sha('b') }, dataRef: { sha256: 'short' } })).toEqual([]);
  });
});

describe('keepsRunData (n8n save settings)', () => {
  it('uses the instance defaults unless the workflow names all or none', () => {
    expect(keepsRunData({ mode: 'trigger', status: 'success' }, {}, defaults)).toBe(true);
    expect(keepsRunData({ mode: 'trigger', status: 'success' }, { saveDataSuccessExecution: 'none' }, defaults)).toBe(false);
    expect(keepsRunData({ mode: 'trigger', status: 'success' }, { saveDataSuccessExecution: 'DEFAULT' }, { ...defaults, onSuccess: 'none' })).toBe(false);
    expect(keepsRunData({ mode: 'trigger', status: 'success' }, { saveDataSuccessExecution: 'all' }, { ...defaults, onSuccess: 'none' })).toBe(true);
  });

  it('judges errors, crashes and cancellations by the error setting', () => {
    for (const status of ['error', 'crashed', 'canceled']) {
      expect(keepsRunData({ mode: 'webhook', status }, { saveDataErrorExecution: 'none', saveDataSuccessExecution: 'all' }, defaults)).toBe(false);
    }
  });

  it('judges manual runs only by saveManualExecutions', () => {
    expect(keepsRunData({ mode: 'manual', status: 'success' }, { saveDataSuccessExecution: 'none' }, defaults)).toBe(true);
    expect(keepsRunData({ mode: 'manual', status: 'error' }, { saveManualExecutions: false }, defaults)).toBe(false);
    expect(keepsRunData({ mode: 'manual', status: 'error' }, { saveManualExecutions: 'DEFAULT' }, { ...defaults, manual: false })).toBe(false);
  });

  it('always keeps runs that have not finished', () => {
    expect(keepsRunData({ mode: 'trigger', status: 'waiting' }, { saveDataSuccessExecution: 'none', saveDataErrorExecution: 'none' }, defaults)).toBe(true);
  });
});
