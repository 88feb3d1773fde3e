import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../electron/services/files/text-decoding';
import { crlf, encode, sources } from '../fixtures/files/text-fixtures';

describe('decoding text in any common encoding', () => {
  it.each([
    ['utf-8', 'UTF-8'],
    ['utf-8-bom', 'UTF-8 (BOM)'],
    ['utf-16le-bom', 'UTF-16LE'],
    ['utf-16be-bom', 'UTF-16BE'],
  ] as const)('reads %s as the same text', (encoding, label) => {
    const decoded = decodeText(encode(sources.typescript, encoding));
    expect(decoded).toEqual({ text: sources.typescript, encoding: label });
  });

  it('recognises Windows-1252 (curly quotes, the euro sign) when the bytes are not UTF-8', () => {
    const text = 'Le café “déjà vu” coûte 3 €.\nÉlève à l’école, naïve façon, très bien.\n';
    expect(decodeText(encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('maps every windows-1252 letter in 0x80–0x9F, not the Latin-1 controls', () => {
    const text = 'Prices: 5 € – “quoted” ‘single’ … Œuvre, Š, ž, Ÿ, ™, • bullet.\n'.repeat(3);
    expect(decodeText(iconv.encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('does not trust a wild guess from a few accented letters', () => {
    expect(decodeText(encode('“hi” éé', 'windows-1252'))?.encoding).toBe('windows-1252');
  });

  it('recognises Cyrillic in windows-1251', () => {
    const text = 'Привет, как дела? Это длинное предложение.';
    expect(decodeText(iconv.encode(text, 'windows-1251'))).toEqual({ text, encoding: 'windows-1251' });
  });

  it('recognises Shift_JIS in a Japanese source file', () => {
    expect(decodeText(encode(sources.javascript, 'shift_jis'))).toEqual({ text: sources.javascript, encoding: 'Shift_JIS' });
  });

  it('recognises GB18030 in a Chinese text', () => {
    const text = '# 这是一个中文说明文件，用于测试编码检测。\n数据处理模块负责读取文件并计算统计结果。\n';
    expect(decodeText(encode(text, 'gb18030'))).toEqual({ text, encoding: 'GB18030' });
  });

  it('recognises UTF-16 without a BOM from its NUL pattern', () => {
    expect(decodeText(Buffer.from(sources.python, 'utf16le'))?.text).toBe(sources.python);
    expect(decodeText(iconv.encode(sources.python, 'utf-16be'))?.text).toBe(sources.python);
  });

  it('reads UTF-8 cut in the middle of a character, as a log still being written is', () => {
    const text = 'Grüße aus Köln: 日本';
    const cut = Buffer.from(text).subarray(0, -1);
    expect(decodeText(cut)).toEqual({ text: 'Grüße aus Köln: 日', encoding: 'UTF-8' });
  });

  it('reads UTF-8 with a few stray bytes as UTF-8, not as windows-1252 mojibake', () => {
    const line = 'Größe: 12 — café, naïve, Ærø\n';
    const bytes = Buffer.concat([Buffer.from(line.repeat(20)), Buffer.from([0xff, 0x0a]), Buffer.from(line.repeat(20))]);
    const decoded = decodeText(bytes);
    expect(decoded?.encoding).toBe('UTF-8');
    expect(decoded?.text).toBe(`${line.repeat(20)}\ufffd\n${line.repeat(20)}`);
  });

  it('turns Windows and old Mac line ends into \\n', () => {
    expect(decodeText(encode(crlf(sources.go), 'utf-8'))?.text).toBe(sources.go);
    expect(decodeText(Buffer.from('one\rtwo\r\nthree'))?.text).toBe('one\ntwo\nthree');
  });

  it('keeps ANSI colours and tabs of a log as text', () => {
    const text = '\x1b[32mINFO\x1b[0m\tstarted\n\x1b[31mERROR\x1b[0m\tfailed\n';
    expect(decodeText(Buffer.from(text))?.text).toBe(text);
  });

  it('says binary bytes are not text', () => {
    expect(decodeText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]))).toBeNull();
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919 + 13) % 256 || 1;
    expect(decodeText(noise)).toBeNull();
    // Printable records with NULs between them: a binary format, not text with padding.
    expect(decodeText(Buffer.from('name\0value\0'.repeat(50)))).toBeNull();
  });
});
