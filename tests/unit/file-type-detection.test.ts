import { describe, expect, it } from 'vitest';
import { forEachRow } from '../../electron/services/files/csv-parser';
import { sniffSignature } from '../../electron/services/files/file-signature';
import { guessTextKind } from '../../electron/services/files/text-kind';
import { readZipEntry, zipEntries, zipEntryNames, zipFlavour } from '../../electron/services/files/zip-entries';
import { docx } from '../fixtures/files/docx-fixture';
import { pdfWithText } from '../fixtures/files/pdf-fixtures';
import { png } from '../fixtures/files/png-fixture';
import { csvText, jsonText, logText, sources } from '../fixtures/files/text-fixtures';
import { zip } from '../fixtures/files/zip-writer';

describe('type detection from the content', () => {
  it('knows formats by their magic numbers, whatever the name', () => {
    expect(sniffSignature(pdfWithText([['hi']]))?.family).toBe('pdf');
    expect(sniffSignature(png(1, 1))).toMatchObject({ family: 'image', mime: 'image/png' });
    expect(sniffSignature(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toMatchObject({ mime: 'image/jpeg' });
    expect(sniffSignature(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toMatchObject({ mime: 'image/gif' });
    expect(sniffSignature(Buffer.from([0x1f, 0x8b, 8, 0]))).toMatchObject({ family: 'archive', label: 'a gzip archive' });
    expect(sniffSignature(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2]))).toMatchObject({ family: 'binary' });
    expect(sniffSignature(zip({ 'a.txt': 'a' }))?.family).toBe('zip');
  });

  it('tells a DOCX from a plain zip by the entries inside', () => {
    expect(zipFlavour(zipEntryNames(docx(['Hello'])) ?? [])).toBe('docx');
    expect(zipFlavour(zipEntryNames(zip({ 'xl/workbook.xml': '<x/>' })) ?? [])).toBe('xlsx');
    expect(zipEntryNames(zip({ 'a.txt': 'a', 'dir/b.txt': 'b' }))).toEqual(['a.txt', 'dir/b.txt']);
  });

  it('inflates a zip entry, but not past the bound a zip bomb would break', () => {
    const archive = zip({ 'big.txt': 'x'.repeat(100_000) });
    const [entry] = zipEntries(archive) ?? [];
    expect(entry && readZipEntry(archive, entry, 200_000)?.length).toBe(100_000);
    expect(entry && readZipEntry(archive, entry, 50_000)).toBeNull();
  });

  it('does not take a text that mentions %PDF- for a PDF', () => {
    expect(sniffSignature(Buffer.from('Notes on the format: a file starts with %PDF-1.7 and ends with %%EOF.\n'))).toBeNull();
  });

  it('gives code its language from the extension or the #! line', () => {
    expect(guessTextKind('mean.py', sources.python)).toEqual({ kind: 'code', language: 'python' });
    expect(guessTextKind('greet.tsx', sources.typescript)).toEqual({ kind: 'code', language: 'typescript' });
    expect(guessTextKind('backup', sources.shell)).toEqual({ kind: 'code', language: 'shell' });
    expect(guessTextKind('Dockerfile', 'FROM node:20\nRUN npm ci\n')).toEqual({ kind: 'code', language: 'dockerfile' });
  });

  it('recognises code without a telling name by how its lines read', () => {
    expect(guessTextKind('snippet.txt', 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi")\n}\n')).toEqual({ kind: 'code', language: 'go' });
    expect(guessTextKind('pasted', 'def mean(xs):\n    return sum(xs) / len(xs)\n\nprint(mean([1, 2]))\n')).toEqual({ kind: 'code', language: 'python' });
    expect(guessTextKind('notes.txt', 'Dear Anna,\nthe meeting moved to Friday.\nSee you then.\n').kind).toBe('text');
  });

  it('recognises a log by its timestamps and levels, even saved as .txt', () => {
    expect(guessTextKind('output.txt', logText).kind).toBe('log');
    expect(guessTextKind('server.log.1', 'anything\nat all\n').kind).toBe('log');
    expect(guessTextKind('notes.txt', 'Buy milk.\nCall Anna about the trip.\n').kind).toBe('text');
  });

  it('recognises tables, JSON and markdown by name or by content', () => {
    expect(guessTextKind('data.csv', csvText)).toEqual({ kind: 'csv', delimiter: ',' });
    expect(guessTextKind('export.txt', 'a;b;c\n1;2;3\n4;5;6\n')).toEqual({ kind: 'csv', delimiter: ';' });
    expect(guessTextKind('cities.txt', 'Paris, France\nLyon, France\nNice, France\n').kind).toBe('text');
    expect(guessTextKind('export', 'a\tb\n1\t2\n3\t4\n')).toEqual({ kind: 'csv', delimiter: '\t' });
    expect(guessTextKind('dump', jsonText).kind).toBe('json');
    expect(guessTextKind('README', '# Parley\n\nA chat app.\n').kind).toBe('markdown');
    expect(guessTextKind('guide.md', 'plain words').kind).toBe('markdown');
  });
});

describe('reading CSV rows', () => {
  it('keeps quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    const rows: string[][] = [];
    forEachRow('a,"b, ""c""",d\n"two\nlines",x\nplain,row\n"open', ',', (fields) => {
      rows.push(fields);
    });
    expect(rows).toEqual([['a', 'b, "c"', 'd'], ['two\nlines', 'x'], ['plain', 'row'], ['open']]);
  });
});
