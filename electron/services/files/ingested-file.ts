import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_BYTES_LIMIT } from '../../../shared/dropped-files';
import type { FileKind } from '../../../shared/file-explanation';
import type { CsvSummary } from './csv-summary';
import type { FileRefusal } from './file-refusal';
import type { ImageInfo } from './image-info';
import type { JsonSummary } from './json-summary';

export type { FileKind };

/** Where the bytes come from: a path (Electron, command line, "Open with…") or the bytes themselves (the browser host's drop). */
export type FileSource = { path: string } | { name: string; bytes: Uint8Array };

export interface IngestOptions {
  /** The size limit setting, in bytes (default 50 MB). */
  maxBytes?: number;
}

/** The setting's default and its ceiling live with the contract, so settings and ingestion agree. */
export const defaultMaxFileBytes = DEFAULT_MAX_FILE_BYTES;
export const hardMaxFileBytes = MAX_FILE_BYTES_LIMIT;

export interface IngestedFile {
  name: string;
  /** The path read, links resolved; for dropped bytes, the name. */
  displayPath: string;
  /** The path given, when it was a link (or went through one) to displayPath. */
  resolvedFrom?: string;
  kind: FileKind;
  mime: string;
  /** Bytes read. */
  size: number;
  /** Hex sha256 of the bytes: the same content reuses a saved explanation. */
  sha256: string;
  /** For text kinds: the encoding the bytes were in (the text is always UTF-8 with \n line ends). */
  encoding?: string;
  /** For code: the language. */
  language?: string;
  /** The extracted text, every kind but image. For a PDF, its pages joined by blank lines. */
  text?: string;
  /** For a PDF: the text of each page ('' for a page without text). */
  pages?: string[];
  image?: ImageInfo;
  /** For CSV/TSV and JSON: dimensions, shape and a sample, ready for a prompt, so not every row goes inline. */
  summary?: string;
  table?: Omit<CsvSummary, 'text'>;
  json?: Omit<JsonSummary, 'sample'>;
}

/** What an extractor finds in the bytes; the name, path, size and hash are added around it. */
export type Extracted = Omit<IngestedFile, 'name' | 'displayPath' | 'resolvedFrom' | 'size' | 'sha256'>;

export type IngestResult = { ok: true; file: IngestedFile } | { ok: false; error: FileRefusal };
