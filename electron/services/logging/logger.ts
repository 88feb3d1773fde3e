import path from 'node:path';
import { createRotatingFile, type RotatingFileOptions } from './rotating-file';
import { createSecretList, sanitiseFields, scrubText, type LogFields } from './redaction';

export type { LogFields } from './redaction';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Parley's log: one JSON object a line, `{ time, level, area, message, ...fields }`.
 * `area` says which part spoke (startup, database, chat, ipc, keychain);
 * `message` is a fixed sentence written by Parley, never the person's text;
 * details go in fields, which are redacted (see redaction.ts).
 */
export interface Logger {
  debug(area: string, message: string, fields?: LogFields): void;
  info(area: string, message: string, fields?: LogFields): void;
  warn(area: string, message: string, fields?: LogFields): void;
  error(area: string, message: string, fields?: LogFields): void;
  /** The exact text of a key Parley holds: scrubbed from every later line, whatever its shape. */
  redact(secret: string): void;
  /** The files the log is written to, current first (empty for a logger that writes nowhere). */
  files(): string[];
}

export interface LoggerOptions {
  /** Where each finished line goes. */
  write: (line: string) => void;
  level?: LogLevel;
  now?: () => Date;
  files?: () => string[];
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = rank[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const secrets = createSecretList();

  const log = (level: LogLevel) => (area: string, message: string, fields?: LogFields) => {
    if (rank[level] < threshold) return;
    try {
      const details = sanitiseFields(fields, secrets.all);
      // A field cannot stand in for the line's own four (a `message` field could carry someone's words).
      for (const own of ['time', 'level', 'area', 'message']) delete details[own];
      const line = { time: now().toISOString(), level, area, message: scrubText(message, secrets.all), ...details };
      options.write(`${JSON.stringify(line)}\n`);
    } catch {
      // A log line is never worth an exception in the code that wrote it.
    }
  };

  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    redact: (secret) => secrets.add(secret),
    files: options.files ?? (() => []),
  };
}

export interface FileLoggerOptions extends Partial<Omit<RotatingFileOptions, 'file'>> {
  /** The folder for parley.log and its rotated copies: <userData>/logs. */
  dir: string;
  level?: LogLevel;
  /** Also print warnings and errors here (the terminal Parley was started from); absent: nowhere. */
  stderr?: (line: string) => void;
}

/** The log in the user-data folder, rotated by size, a few files kept. */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const file = createRotatingFile({
    file: path.join(options.dir, 'parley.log'),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    ...(options.keep ? { keep: options.keep } : {}),
  });
  let warnedOfFailure = false;
  return createLogger({
    ...(options.level ? { level: options.level } : {}),
    files: file.files,
    write(line) {
      if (!file.write(line) && !warnedOfFailure) {
        warnedOfFailure = true;
        process.stderr.write(`Parley: cannot write its log at ${file.file}; continuing without it.\n`);
      }
      if (options.stderr && /"level":"(warn|error)"/.test(line.slice(0, 60))) options.stderr(line);
    },
  });
}

/** A logger that writes nowhere, for code whose caller gave none. */
export const silentLogger: Logger = createLogger({ write: () => {} });
