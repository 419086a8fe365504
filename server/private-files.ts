// Everything the server writes under DATA_DIR (SQLite files and their -wal/-shm companions, the
// vault, blobs, the master key) holds workflow data or secrets: only our own user may read it.

/**
 * Makes files this process creates from now on 0600 and folders 0700. A process-wide umask covers
 * files opened by libraries too (SQLite creates -wal/-shm files itself). Existing files keep
 * their modes; tighten an older data folder once with `chmod -R go-rwx <DATA_DIR>`.
 */
export function keepNewFilesPrivate(): void {
  process.umask(0o077);
}
