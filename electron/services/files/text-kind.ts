import type { FileKind } from '../../../shared/file-explanation';
import { codeFromContent, codeLanguageOf, extensionOf } from './code-languages';
import { sniffDelimiter, type Delimiter } from './csv-parser';

/** The kinds of text Parley explains differently (a template and a splitting rule each). A TSV is a csv with a tab delimiter. */
export type TextKind = Exclude<FileKind, 'pdf' | 'docx' | 'image'>;

export interface TextKindGuess {
  kind: TextKind;
  language?: string;
  delimiter?: Delimiter;
}

const jsonExtensions = new Set(['json', 'jsonl', 'ndjson', 'geojson', 'har', 'webmanifest', 'jsonc']);
const markdownExtensions = new Set(['md', 'markdown', 'mdx', 'mdown', 'mkd']);
const logName = /\.(log|out|err)(\.\d+)?$/i;
// Names that say nothing about the content, so the content decides.
const neutralExtensions = new Set(['', 'txt', 'text', 'dat', 'data']);
const sniffLineCount = 100;

// A line of a log starts with a time (ISO 8601, syslog, Apache, epoch) or carries a level.
const timestampStart =
  /^\s*[[(]?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}|[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}|\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}|\d{2}:\d{2}:\d{2}[.,]\d{3}|\d{10}(\.\d+)?\b)/;
const levelToken = /(^|[\s[(<|])(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)([\s\])>|:]|$)/;
const ipRequestLine = /^\S+ \S+ \S+ \[\d{2}\/\w{3}\/\d{4}:/;

/**
 * Decides the kind from the name first where it is telling (.py, .csv) and
 * from the content where it is not (.txt, no extension): a timestamped log
 * saved as output.txt is still explained as a log.
 */
export function guessTextKind(name: string, text: string): TextKindGuess {
  const ext = extensionOf(name);
  const head = firstLines(text, sniffLineCount);
  if (jsonExtensions.has(ext)) return { kind: 'json' };
  if (ext === 'csv') return { kind: 'csv', delimiter: sniffDelimiter(text) ?? ',' };
  if (ext === 'tsv' || ext === 'tab') return { kind: 'csv', delimiter: '\t' };
  if (markdownExtensions.has(ext)) return { kind: 'markdown' };
  if (logName.test(name)) return { kind: 'log' };
  const language = codeLanguageOf(name, head[0] ?? '');
  if (language) return { kind: 'code', language };
  if (!neutralExtensions.has(ext)) return { kind: 'text' };

  if (looksLikeLog(head)) return { kind: 'log' };
  const trimmed = text.trimStart();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && looksLikeJson(text)) return { kind: 'json' };
  const delimiter = head.length >= 3 ? sniffDelimiter(head.join('\n')) : null;
  // Without a telling name, one comma per line is as likely prose ("Paris, France") as a table: ask for three columns.
  if (delimiter && (delimiter === '\t' || (head[0] ?? '').split(delimiter).length >= 3)) return { kind: 'csv', delimiter };
  if (head.some((line) => /^(#{1,6} |```)/.test(line))) return { kind: 'markdown' };
  const code = codeFromContent(head);
  if (code) return { kind: 'code', ...code };
  return { kind: 'text' };
}

function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let at = 0;
  while (lines.length < count && at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    if (line.trim() !== '') lines.push(line);
    if (end < 0) break;
    at = end + 1;
  }
  return lines;
}

export function looksLikeLog(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const matching = lines.filter((l) => timestampStart.test(l) || levelToken.test(l) || ipRequestLine.test(l)).length;
  return matching / lines.length >= 0.6;
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
