import { chmodSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../electron/services/files/ingest-file';
import type { ExplainableFile } from '../../electron/services/explain/explain-plan';
import type { IngestResult, IngestedFile } from '../../electron/services/files/ingested-file';
import type { FileRefusal } from '../../electron/services/files/file-refusal';
import { docx } from '../fixtures/files/docx-fixture';
import { encryptedPdf, pdfWithText, pdfWithoutText, restrictedPdf } from '../fixtures/files/pdf-fixtures';
import { png } from '../fixtures/files/png-fixture';
import { makeFifo, makeSymlink } from '../fixtures/files/special-files';
import { crlf, csvText, encode, jsonText, logText, sources } from '../fixtures/files/text-fixtures';
import { odt } from '../fixtures/files/odt-fixture';
import { pptx } from '../fixtures/files/pptx-fixture';
import { xlsx } from '../fixtures/files/xlsx-fixture';
import { zip } from '../fixtures/files/zip-writer';
import { makeTempDir, removeTempDir } from '../fixtures/temp-dir';

let dir: string;
const at = (name: string) => path.join(dir, name);
const put = (name: string, bytes: string | Buffer) => {
  writeFileSync(at(name), bytes);
  return at(name);
};

/** A one-file tar: a 512-byte header with the ustar magic, then the content's block. */
function tarWith(name: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('ustar', 257);
  return Buffer.concat([header, Buffer.alloc(512, 0x61)]);
}

function accepted(result: IngestResult): IngestedFile {
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result.file;
}
function refused(result: IngestResult): FileRefusal {
  if (result.ok) throw new Error(`accepted as ${result.file.kind}`);
  return result.error;
}

beforeAll(() => {
  // Resolved: on macOS the temp dir is under a link (/var → /private/var), and paths are compared below.
  dir = realpathSync(makeTempDir('parley-files-'));
});
afterAll(() => removeTempDir(dir));

describe('ingesting a file from a path', () => {
  it.each([
    ['mean.py', sources.python, 'utf-8', 'python', 'UTF-8'],
    ['greet.ts', sources.typescript, 'utf-8-bom', 'typescript', 'UTF-8 (BOM)'],
    ['cafe.go', sources.go, 'utf-16le-bom', 'go', 'UTF-16LE'],
    ['backup', sources.shell, 'windows-1252', 'shell', 'windows-1252'],
    ['sum.js', sources.javascript, 'shift_jis', 'javascript', 'Shift_JIS'],
  ] as const)('reads %s as %s code, converted to UTF-8', async (name, text, encoding, language, label) => {
    const file = accepted(await ingestFile({ path: put(name, encode(crlf(text), encoding)) }));
    expect(file).toMatchObject({ name, kind: 'code', language, encoding: label, text, mime: 'text/plain' });
    expect(file.displayPath).toBe(at(name));
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('extracts a PDF’s text page by page', async () => {
    const pdf = pdfWithText([['Quarterly report', 'Revenue grew 12%'], ['Outlook (cautious)']]);
    const file = accepted(await ingestFile({ path: put('report.pdf', pdf) }));
    expect(file).toMatchObject({ kind: 'pdf', mime: 'application/pdf', size: pdf.length });
    expect(file.pages).toEqual(['Quarterly report\nRevenue grew 12%', 'Outlook (cautious)']);
    expect(file.text).toBe('Quarterly report\nRevenue grew 12%\n\nOutlook (cautious)');
  });

  it('knows a PDF by its content even under another name', async () => {
    const file = accepted(await ingestFile({ path: put('report.txt', pdfWithText([['Still a PDF']])) }));
    expect(file.kind).toBe('pdf');
  });

  it('refuses a PDF without a text layer, saying it looks scanned', async () => {
    const error = refused(await ingestFile({ path: put('scan.pdf', pdfWithoutText()) }));
    expect(error).toMatchObject({ code: 'FILE_REFUSED', reason: 'pdf-without-text' });
    expect(error.message).toContain('has no text layer (it looks scanned)');
  });

  it('refuses an encrypted PDF, saying it is password-protected', async () => {
    const error = refused(await ingestFile({ path: put('secret.pdf', encryptedPdf()) }));
    expect(error).toMatchObject({ code: 'FILE_REFUSED', reason: 'encrypted-pdf' });
    expect(error.message).toContain('secret.pdf is password-protected');
  });

  it('reads a PDF encrypted only against printing and copying, which opens without a password', async () => {
    const file = accepted(await ingestFile({ path: put('restricted.pdf', restrictedPdf(['Internal memo', 'Do not print'])) }));
    expect(file.pages).toEqual(['Internal memo\nDo not print']);
  });

  it('extracts a Word document’s text with its headings as markdown', async () => {
    const bytes = docx([{ heading: 1, text: 'Release plan' }, 'We ship on Monday.', { heading: 2, text: 'Risks' }, 'The build may fail.']);
    const file = accepted(await ingestFile({ path: put('plan.docx', bytes) }));
    expect(file.kind).toBe('docx');
    expect(file.text).toBe('# Release plan\n\nWe ship on Monday.\n\n## Risks\n\nThe build may fail.');
  });

  it('reads an OpenDocument text with its headings as markdown', async () => {
    const bytes = odt([{ heading: 1, text: 'Minutes' }, 'Budget approved & signed.', { heading: 2, text: 'Next steps' }, 'Hire two people.']);
    const file = accepted(await ingestFile({ path: put('minutes.odt', bytes) }));
    expect(file).toMatchObject({ kind: 'docx', mime: 'application/vnd.oasis.opendocument.text', text: '# Minutes\n\nBudget approved & signed.\n\n## Next steps\n\nHire two people.' });
  });

  it('summarises a CSV and keeps its full text for splitting', async () => {
    const file = accepted(await ingestFile({ path: put('orders.csv', csvText) }));
    expect(file).toMatchObject({ kind: 'csv', mime: 'text/csv', table: { rowCount: 4, hasHeader: true, delimiter: ',' } });
    expect(file.summary).toContain('4 rows × 5 columns');
    expect(file.text).toBe(csvText);
  });

  it('reads a TSV as a table with a tab delimiter', async () => {
    const file = accepted(await ingestFile({ path: put('scores.tsv', 'name\tscore\nAda\t91\nBo\t78\n') }));
    expect(file).toMatchObject({ kind: 'csv', mime: 'text/tab-separated-values', table: { delimiter: '\t', rowCount: 2 } });
  });

  it('hands the explain plan the fields it reads', async () => {
    const file = accepted(await ingestFile({ path: put('plan-me.py', sources.python) }));
    const explainable: ExplainableFile = file;
    expect(explainable).toMatchObject({ kind: 'code', name: 'plan-me.py', text: sources.python });
  });

  it('explains JSON with comments as text rather than refusing it', async () => {
    const file = accepted(await ingestFile({ path: put('tsconfig.json', '{\n  // strict mode\n  "strict": true,\n}\n') }));
    expect(file.kind).toBe('text');
  });

  it('reads an Excel workbook as CSV, sheet by sheet, dates as dates', async () => {
    const bytes = xlsx({
      Orders: [
        ['id', 'customer', 'ordered', 'total', 'paid'],
        [1, 'Alice', { date: 46000 }, 12.5, true],
        [2, { inline: 'Bob, Jr.' }, { date: 46001 }, null, false],
      ],
      Notes: [['Checked by Chloé']],
      Blank: [],
    });
    const file = accepted(await ingestFile({ path: put('orders.xlsx', bytes) }));
    expect(file).toMatchObject({ kind: 'csv', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', table: { rowCount: 2, columns: ['id', 'customer', 'ordered', 'total', 'paid'] } });
    expect(file.text).toBe('# Sheet: Orders\nid,customer,ordered,total,paid\n1,Alice,2025-12-09,12.5,TRUE\n2,"Bob, Jr.",2025-12-10,,FALSE\n\n# Sheet: Notes\nChecked by Chloé');
    expect(file.summary).toContain('Workbook with 2 sheets.');
    expect(file.summary).toContain('ordered: date, 2 distinct, no empty values');
  });

  it('reads a PowerPoint deck slide by slide, in the deck’s order, with the speaker notes', async () => {
    const bytes = pptx([
      { lines: ['Q3 review', 'Sales & margins'], notes: ['Open with the headline number.'] },
      { lines: ['Risks', 'Supplier delays'] },
    ]);
    const file = accepted(await ingestFile({ path: put('review.pptx', bytes) }));
    expect(file).toMatchObject({ kind: 'markdown', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
    expect(file.pages).toEqual(['## Slide 1\nQ3 review\nSales & margins\n\nNotes:\nOpen with the headline number.', '## Slide 2\nRisks\nSupplier delays']);
  });

  it('reads an RTF document (TextEdit’s default) as its text, without the markup', async () => {
    const rtf = [
      '{\\rtf1\\ansi\\ansicpg1252\\cocoartf2759',
      '{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}',
      '{\\colortbl;\\red255\\green255\\blue255;}',
      '{\\*\\expandedcolortbl;;}',
      '\\pard\\tx566\\pardirnatural\\partightenfactor0',
      '',
      '\\f0\\b\\fs24 \\cf0 Meeting notes\\',
      "\\b0 Caf\\'e9 opens at 9 \\'96 bring \\{braces\\}.\\par",
      'Unicode: \\u26085?\\u26412? done.\\par',
      '}',
    ].join('\n');
    const file = accepted(await ingestFile({ path: put('notes.rtf', rtf) }));
    expect(file).toMatchObject({ kind: 'text', mime: 'application/rtf', text: 'Meeting notes\nCafé opens at 9 – bring {braces}.\nUnicode: 日本 done.' });
  });

  it('summarises JSON by its shape', async () => {
    const file = accepted(await ingestFile({ path: put('users.json', jsonText) }));
    expect(file.kind).toBe('json');
    expect(file.summary).toContain('users: array of 25 (object)');
  });

  it('reads a log as a log', async () => {
    const file = accepted(await ingestFile({ path: put('app.txt', logText) }));
    expect(file).toMatchObject({ kind: 'log', text: logText });
  });

  it('reads a log cut by a crash, its NUL padding dropped', async () => {
    const padded = Buffer.concat([Buffer.from(`${logText}\n`), Buffer.alloc(200), Buffer.from('2026-11-26 09:20:00,000 INFO  [main] restarted\n')]);
    const file = accepted(await ingestFile({ path: put('crashed.log', padded) }));
    expect(file.kind).toBe('log');
    expect(file.text).toBe(`${logText}\n2026-11-26 09:20:00,000 INFO  [main] restarted\n`);
  });

  it('reads a notebook as its cells’ code, markdown as comments, outputs left out', async () => {
    const notebook = {
      metadata: { kernelspec: { language: 'python' } },
      cells: [
        { cell_type: 'markdown', source: ['# Load\n', 'Read the data.'] },
        { cell_type: 'code', source: 'import pandas as pd\ndf = pd.read_csv("x.csv")', outputs: [{ data: { 'image/png': 'iVBOR…' } }] },
      ],
    };
    const file = accepted(await ingestFile({ path: put('analysis.ipynb', JSON.stringify(notebook)) }));
    expect(file).toMatchObject({ kind: 'code', language: 'python' });
    expect(file.text).toBe('# (1 cell output left out)\n\n# %% [1] markdown\n# # Load\n# Read the data.\n\n# %% [2] code\nimport pandas as pd\ndf = pd.read_csv("x.csv")\n');
  });

  it('reads a rotated, gzip-compressed log as the log inside', async () => {
    const file = accepted(await ingestFile({ path: put('app.log.2.gz', gzipSync(logText)) }));
    expect(file).toMatchObject({ name: 'app.log.2.gz', kind: 'log', text: logText });
  });

  it('stops unpacking a .gz at the size limit', async () => {
    const error = refused(await ingestFile({ path: put('bomb.txt.gz', gzipSync(Buffer.alloc(5_000_000, 0x61))) }, { maxBytes: 100_000 }));
    expect(error).toMatchObject({ reason: 'too-large' });
    expect(error.message).toContain('unpacks to more than the 100 KB limit');
  });

  it('turns a PNG into a data URL with its pixel size, for vision models', async () => {
    const file = accepted(await ingestFile({ path: put('shot.png', png(40, 30)) }));
    expect(file).toMatchObject({ kind: 'image', mime: 'image/png', image: { mime: 'image/png', width: 40, height: 30 } });
    expect(file.text).toBeUndefined();
  });

  it('refuses a zip archive, saying what is inside', async () => {
    const error = refused(await ingestFile({ path: put('bundle.zip', zip({ 'a.txt': 'a', 'src/b.ts': 'b' })) }));
    expect(error).toMatchObject({ code: 'FILE_REFUSED', reason: 'archive' });
    expect(error.message).toContain('bundle.zip is a zip archive holding 2 files');
  });

  it.each([
    ['pictures.pptx', pptx([{ lines: [] }]), 'empty', 'no text on its slides'],
    ['blank.xlsx', xlsx({ Sheet1: [] }), 'empty', 'no cells filled in'],
    ['old.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'binary', 'Save it as .docx'],
    ['logs.tar.gz', gzipSync(tarWith('app.log')), 'archive', 'a tar archive (gzip-compressed)'],
    ['broken.gz', Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(64, 7)]), 'unreadable-content', 'could not unpack it'],
    ['photo.tiff', Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0]), Buffer.alloc(64)]), 'binary', 'convert it to one of those'],
  ])('refuses %s with advice', async (name, bytes, reason, advice) => {
    const error = refused(await ingestFile({ path: put(name, bytes) }));
    expect(error.reason).toBe(reason);
    expect(error.message).toContain(advice);
  });

  it('refuses a program as binary', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]);
    expect(refused(await ingestFile({ path: put('tool', elf) }))).toMatchObject({ reason: 'binary' });
  });

  it('refuses an empty file', async () => {
    const error = refused(await ingestFile({ path: put('empty.txt', '') }));
    expect(error).toMatchObject({ code: 'FILE_REFUSED', reason: 'empty' });
    expect(error.message).toBe('empty.txt is empty (0 bytes): there is nothing to explain.');
  });

  it('refuses a file over the size limit, saying the limit and the size', async () => {
    const error = refused(await ingestFile({ path: put('big.log', 'x'.repeat(2_500)) }, { maxBytes: 1_000 }));
    expect(error).toMatchObject({ code: 'FILE_REFUSED', reason: 'too-large' });
    expect(error.message).toContain('big.log is 2.5 KB, over the 1 KB limit');
  });

  it('resolves a symlink and shows where it points', async () => {
    const target = put('real-notes.md', '# Notes\n\nSee you.\n');
    makeSymlink(target, at('link-to-notes.md'));
    const file = accepted(await ingestFile({ path: at('link-to-notes.md') }));
    expect(file).toMatchObject({ name: 'real-notes.md', displayPath: target, resolvedFrom: at('link-to-notes.md'), kind: 'markdown' });
  });

  it('says where a dangling symlink points', async () => {
    makeSymlink(at('gone.txt'), at('dangling.txt'));
    const error = refused(await ingestFile({ path: at('dangling.txt') }));
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE', reason: 'not-found' });
    expect(error.message).toContain(`is a link to ${at('gone.txt')}, which does not exist`);
  });

  it('says when links lead back to themselves', async () => {
    makeSymlink(at('loop-b'), at('loop-a'));
    makeSymlink(at('loop-a'), at('loop-b'));
    const error = refused(await ingestFile({ path: at('loop-a') }));
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(error.message).toContain('a link that leads back to itself');
  });

  it('shows the real path of a file reached through a linked folder', async () => {
    mkdirSync(at('real-folder'));
    writeFileSync(at('real-folder/inside.txt'), 'hello');
    makeSymlink(at('real-folder'), at('folder-link'));
    const file = accepted(await ingestFile({ path: at('folder-link/inside.txt') }));
    expect(file).toMatchObject({ displayPath: at('real-folder/inside.txt'), resolvedFrom: at('folder-link/inside.txt') });
  });

  it('refuses a directory and offers its files, names only', async () => {
    mkdirSync(at('project/src'), { recursive: true });
    writeFileSync(at('project/README.md'), '# hi');
    writeFileSync(at('project/main.py'), 'print(1)');
    const error = refused(await ingestFile({ path: at('project') }));
    expect(error).toMatchObject({ code: 'FILE_REFUSED', reason: 'directory', directory: at('project'), entries: ['main.py', 'README.md', 'src/'] });
    expect(error.message).toBe('project is a folder. Choose one of its 3 entries to explain: main.py, README.md, src/.');
  });

  it('caps the names a large directory offers', async () => {
    mkdirSync(at('many'));
    for (let i = 0; i < 250; i += 1) writeFileSync(at(`many/f${String(i).padStart(3, '0')}.txt`), 'x');
    const error = refused(await ingestFile({ path: at('many') }));
    expect(error.entries).toHaveLength(200);
    expect(error.moreEntries).toBe(50);
    expect(error.message).toContain('f008.txt, f009.txt and 240 more.');
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = at('pipe');
    if (!makeFifo(fifo)) return;
    const started = Date.now();
    const error = refused(await ingestFile({ path: fifo }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: 'FILE_REFUSED', reason: 'not-regular-file' });
    expect(error.message).toContain('a named pipe (FIFO)');
  }, 5_000);

  it.skipIf(process.platform !== 'linux')('reads a /proc file although it reports size 0', async () => {
    const file = accepted(await ingestFile({ path: '/proc/self/status' }));
    expect(file.size).toBeGreaterThan(0);
    expect(file.text).toMatch(/^Name:/);
  });

  it.skipIf(process.platform !== 'linux')('stops reading a size-0 /proc file at the limit', async () => {
    const error = refused(await ingestFile({ path: '/proc/self/status' }, { maxBytes: 100 }));
    expect(error).toMatchObject({ reason: 'too-large' });
    expect(error.message).toContain('larger than the 100 bytes limit');
  });

  it.skipIf(process.platform !== 'linux')('refuses a character device', async () => {
    expect(refused(await ingestFile({ path: '/dev/null' }))).toMatchObject({ reason: 'not-regular-file' });
  });

  it('says when a path does not exist', async () => {
    const error = refused(await ingestFile({ path: at('nope.txt') }));
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE', reason: 'not-found' });
    expect(error.message).toContain('Parley cannot find');
  });

  // root reads any file whatever its mode, so the refusal can only be seen as another user.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('says when a file may not be read', async () => {
    const locked = put('locked.txt', 'secret');
    chmodSync(locked, 0o000);
    expect(refused(await ingestFile({ path: locked }))).toMatchObject({ code: 'FILE_UNREADABLE', reason: 'permission-denied' });
  });
});

describe('ingesting dropped bytes (the browser host)', () => {
  it('extracts them like a file read from disk', async () => {
    const file = accepted(await ingestFile({ name: 'report.pdf', bytes: pdfWithText([['From the browser']]) }));
    expect(file).toMatchObject({ name: 'report.pdf', displayPath: 'report.pdf', kind: 'pdf', pages: ['From the browser'] });
  });

  it('passes them through the same checks', async () => {
    expect(refused(await ingestFile({ name: 'empty.txt', bytes: new Uint8Array() }))).toMatchObject({ reason: 'empty' });
    expect(refused(await ingestFile({ name: 'big.txt', bytes: new Uint8Array(2_000).fill(65) }, { maxBytes: 1_000 }))).toMatchObject({
      reason: 'too-large',
    });
  });

  it('keeps only the base name of a name that looks like a path', async () => {
    const file = accepted(await ingestFile({ name: '../../etc/passwd', bytes: Buffer.from('root:x:0:0\n') }));
    expect(file.name).toBe('passwd');
  });
});
