// Comparing two states of a sheet as n8n's Google Sheets Trigger does: rows (by position) whose
// cells differ, optionally only in the watched columns, reported as the new version, the old one,
// or both with the differing cells; `anyUpdate` also says whether a row was added or updated.
import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from '../../engine/index.ts';

export type Row = unknown[];

/** n8n's arrayOfArraysToJson: rows keyed by the column names (an empty or falsy cell is ''). */
export function rowsToJson(rows: Row[], columns: Row): JsonObject[] {
  return rows.map((row) => Object.fromEntries(columns.map((column, index) => [String(column), row[index] || ''])));
}

interface Change { rowIndex: number; previous: Row; current: Row; changeType: string }

export interface CompareOptions { keyRow: number; includeInOutput: string; columnsToWatch: string[]; dataStartIndex: number; event: string }

export function compareSheets(previousRows: Row[], currentRows: Row[], options: CompareOptions): JsonObject[] {
  const previous = previousRows.map((row) => [...row]);
  const current = currentRows.map((row) => [...row]);
  const { keyRow, includeInOutput, columnsToWatch, dataStartIndex, event } = options;
  const headerIndex = keyRow - 1;
  const header = (current[headerIndex]?.length ?? 0) >= (previous[headerIndex]?.length ?? 0) ? current[headerIndex] : previous[headerIndex];
  const leading = event === 'anyUpdate' ? ['row_number', 'change_type'] : ['row_number'];
  const columns: Row = [...leading, ...(header ?? [])];
  const watched = (row: Row | undefined) => (row ? columnsToWatch.map((column) => row[(header ?? []).indexOf(column)]) : []);

  const changes: Change[] = [];
  for (let i = dataStartIndex; i < Math.max(current.length, previous.length); i++) {
    if (i === headerIndex) continue;
    // The Sheets API leaves out trailing empty cells: pad the shorter row before comparing.
    if (current[i] && previous[i]) while (current[i].length < previous[i].length) current[i].push('');
    const same = columnsToWatch.length ? isDeepStrictEqual(watched(current[i]), watched(previous[i])) : isDeepStrictEqual(current[i], previous[i]);
    if (same) continue;
    if (event === 'rowUpdate' && (!previous[i] || previous[i].every((cell) => cell === ''))) continue;
    if (current[i] === undefined) continue;
    let changeType = 'updated';
    if (previous[i] === undefined) {
      previous[i] = current[i].map(() => '');
      changeType = 'added';
    }
    changes.push({ rowIndex: i + 1, previous: previous[i], current: current[i], changeType });
  }

  const version = (which: 'previous' | 'current') => rowsToJson(changes.map((change) => (event === 'anyUpdate'
    ? [change.rowIndex, change.changeType, ...change[which]] : [change.rowIndex, ...change[which]])), columns);
  if (includeInOutput === 'old') return version('previous');
  if (includeInOutput !== 'both') return version('current');
  const before = version('previous');
  return version('current').map((now, index) => {
    const differences: JsonObject = { row_number: now.row_number };
    for (const key of Object.keys(now)) {
      if (key === 'row_number' || isDeepStrictEqual(before[index][key], now[key])) continue;
      differences[key] = { previous: before[index][key], current: now[key] };
    }
    return { previous: before[index], current: now, differences };
  });
}
