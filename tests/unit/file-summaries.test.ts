import { describe, expect, it } from 'vitest';
import { summariseCsv } from '../../electron/services/files/csv-summary';
import { htmlToMarkdown } from '../../electron/services/files/docx-text';
import { imageInfo } from '../../electron/services/files/image-info';
import { summariseJson } from '../../electron/services/files/json-summary';
import { supportsVision } from '../../shared/model-catalogue';
import { png } from '../fixtures/files/png-fixture';
import { csvText, jsonText } from '../fixtures/files/text-fixtures';

describe('summaries that stand in for every row', () => {
  it('describes a CSV: header, size, a note per column and a few rows', () => {
    const s = summariseCsv(csvText, ',');
    expect(s).toMatchObject({ hasHeader: true, columns: ['id', 'name', 'city', 'amount', 'paid'], rowCount: 4 });
    expect(s.sampleRows[1]).toEqual(['2', 'Bob', 'Lyon, France', '8', 'no']);
    expect(s.sampleRows[3]?.[1]).toBe('Dan "the man"');
    expect(s.columnNotes).toContain('id: integer, 1 to 4, 4 distinct, no empty values');
    expect(s.columnNotes).toContain('amount: number, 8 to 100.25, 3 distinct, 1 empty');
    expect(s.columnNotes).toContain('paid: yes/no, 2 distinct, no empty values');
    expect(s.text).toContain('Table: 4 rows × 5 columns, comma-separated, with a header row.');
  });

  it('puts only a sample of a long table inline', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},${i * 2}`);
    const s = summariseCsv(['n,double', ...rows].join('\n'), ',');
    expect(s.rowCount).toBe(5000);
    expect(s.sampleRows).toHaveLength(10);
    expect(s.text).toContain('… 4,990 more rows');
    expect(s.text.length).toBeLessThan(1000);
  });

  it('sees that a table without a header starts with data', () => {
    const s = summariseCsv('1,2\n3,4\n5,6\n', ',');
    expect(s.hasHeader).toBe(false);
    expect(s.rowCount).toBe(3);
    expect(s.columns).toEqual(['column 1', 'column 2']);
  });

  it('describes JSON by its shape and a truncated sample', () => {
    const s = summariseJson(jsonText);
    expect(s?.shape).toContain('- users: array of 25 (object), each:');
    expect(s?.shape).toContain('- email (optional): string');
    expect(s?.sample).toContain('"… 22 more items"');
    expect(summariseJson('{"a": 1}\n{"a": 2}\n{"a": 3}\n')).toMatchObject({ records: 3 });
    expect(summariseJson('not json')).toBeNull();
  });

  it('keeps the summary of a huge dictionary or a deep document small', () => {
    const dictionary = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`key${i}`, i]));
    const wide = summariseJson(JSON.stringify(dictionary));
    expect(wide?.shape).toContain('- … 4960 more keys');
    expect(wide?.sample).toContain('"…": "4960 more keys"');
    let deep: unknown = 'bottom';
    for (let i = 0; i < 2000; i += 1) deep = { d: deep };
    expect(summariseJson(JSON.stringify(deep))?.sample.length).toBeLessThan(500);
  });

  it('turns a Word document’s headings, lists and tables into markdown', () => {
    const html = '<h1>Plan</h1><p>Intro &amp; scope</p><ul><li>one</li><li>two</li></ul><table><tr><td><p>a</p></td><td><p>b</p></td></tr></table>';
    expect(htmlToMarkdown(html)).toBe('# Plan\n\nIntro & scope\n\n- one\n- two\n\n| a | b |');
  });

  it('reads an image’s pixel size from its header and makes a data URL for vision models', () => {
    const info = imageInfo(png(64, 32), 'image/png');
    expect(info).toMatchObject({ mime: 'image/png', width: 64, height: 32 });
    expect(info.dataUrl.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 48, 0, 96, 3, 0, 0, 0]);
    expect(imageInfo(jpeg, 'image/jpeg')).toMatchObject({ width: 96, height: 48 });
    const gif = Buffer.from([...Buffer.from('GIF89a'), 0x40, 0x01, 0xf0, 0x00, 0, 0, 0]);
    expect(imageInfo(gif, 'image/gif')).toMatchObject({ width: 320, height: 240 });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0);
    webp.write('WEBPVP8X', 8);
    webp.writeUIntLE(1919, 24, 3);
    webp.writeUIntLE(1079, 27, 3);
    expect(imageInfo(webp, 'image/webp')).toMatchObject({ width: 1920, height: 1080 });
    // A header cut short: the image still goes, without a size.
    expect(imageInfo(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg')).not.toHaveProperty('width');
  });

  it('knows which models read images', () => {
    expect(supportsVision('gpt-4o')).toBe(true);
    expect(supportsVision('gpt-4o-2024-08-06')).toBe(true);
    expect(supportsVision('gpt-3.5-turbo')).toBe(false);
    expect(supportsVision('llama3:8b')).toBe(false);
  });
});
