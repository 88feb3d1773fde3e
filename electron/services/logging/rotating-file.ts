import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface RotatingFileOptions {
  /** The current file, e.g. <dataDir>/logs/parley.log; older ones are parley.1.log (newest) to parley.<keep-1>.log. */
  file: string;
  /** Rotate before a line would take the current file past this size. */
  maxBytes?: number;
  /** Files kept in all, the current one included. */
  keep?: number;
}

export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;
export const DEFAULT_KEPT_LOG_FILES = 4;

/** parley.log → parley.2.log */
export function rotatedName(file: string, n: number): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${n}${ext}`;
}

/**
 * Appends lines to a file that is rotated by size. Writes are synchronous:
 * Parley logs a few lines a minute, and a line written before a crash is
 * exactly the one worth reading afterwards. A write that fails (disk full, a
 * read-only folder) is dropped: a log must never be why Parley stops.
 */
export function createRotatingFile(options: RotatingFileOptions) {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_KEPT_LOG_FILES);
  const { file } = options;
  let size: number | null = null;
  let failures = 0;

  function currentSize(): number {
    if (size === null) {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      try {
        size = statSync(file).size;
      } catch {
        size = 0;
      }
    }
    return size;
  }

  function rotate(): void {
    rmSync(rotatedName(file, keep - 1), { force: true });
    for (let n = keep - 2; n >= 1; n--) {
      try {
        renameSync(rotatedName(file, n), rotatedName(file, n + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    if (keep > 1) renameSync(file, rotatedName(file, 1));
    else rmSync(file, { force: true });
    size = 0;
  }

  return {
    file,
    /** Every file this log may be in, current first. */
    files: (): string[] => [file, ...Array.from({ length: keep - 1 }, (_, i) => rotatedName(file, i + 1))],
    write(line: string): boolean {
      try {
        const bytes = Buffer.byteLength(line);
        if (currentSize() > 0 && currentSize() + bytes > maxBytes) rotate();
        appendFileSync(file, line, { mode: 0o600 });
        size = currentSize() + bytes;
        failures = 0;
        return true;
      } catch {
        failures++;
        // Re-read the size next time: the file may have been moved or removed under us.
        size = null;
        return false;
      }
    },
    /** Writes that failed in a row; the logger says so on stderr once. */
    get failures() {
      return failures;
    },
  };
}
