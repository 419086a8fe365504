// Gives the pages of deleted streams back to the file system. A file created with
// auto_vacuum = INCREMENTAL shrinks with incremental_vacuum; an older file (auto_vacuum NONE) reuses
// its free pages for new events, and is converted once by a VACUUM when they make up a large share
// of it, since only a VACUUM can switch the mode of an existing file.
import type Database from 'better-sqlite3';

const AUTO_VACUUM_INCREMENTAL = 2;
/** Free share of an older file above which the one-time conversion is worth its full rewrite. */
const CONVERT_WHEN_FREE_SHARE = 0.25;

export interface ReclaimResult {
  /** Pages given back to the file system. */
  freedPages: number;
  /** True when this call converted an older file to incremental auto-vacuum. */
  converted: boolean;
}

export function reclaimSpace(db: Database.Database): ReclaimResult {
  const pagesBefore = Number(db.pragma('page_count', { simple: true }));
  let converted = false;
  if (Number(db.pragma('auto_vacuum', { simple: true })) === AUTO_VACUUM_INCREMENTAL) {
    db.pragma('incremental_vacuum');
  } else if (Number(db.pragma('freelist_count', { simple: true })) > pagesBefore * CONVERT_WHEN_FREE_SHARE) {
    db.pragma('auto_vacuum = INCREMENTAL');
    db.exec('VACUUM');
    converted = true;
  }
  // The WAL holds the freed pages' last frames: checkpoint it and cut it back to nothing.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { freedPages: Math.max(0, pagesBefore - Number(db.pragma('page_count', { simple: true }))), converted };
}
