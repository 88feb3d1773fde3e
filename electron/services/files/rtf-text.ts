import iconv from 'iconv-lite';

/**
 * The text of an RTF document (what TextEdit and WordPad save by default),
 * without its markup: font and colour tables, pictures and other
 * destinations are skipped; paragraphs, tabs, table cells and escaped
 * characters (\'hh in the document's code page, \uN) are kept.
 */
const skippedDestinations = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'footer', 'headerl', 'headerr', 'headerf',
  'footerl', 'footerr', 'footerf', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata',
  'colorschememapping', 'latentstyles', 'datastore', 'filetbl', 'revtbl', 'expandedcolortbl', 'listtext', 'fldinst',
]);

const symbols: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n\n', page: '\n\n', tab: '\t', cell: ' | ', row: '\n', emdash: '—', endash: '–',
  bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', emspace: ' ', enspace: ' ', qmspace: ' ',
};

export function isRtf(text: string): boolean {
  return text.startsWith('{\\rtf');
}

export function rtfToText(rtf: string): string {
  let out = '';
  let skip = false;
  let unicodeFallback = 1;
  let codePage = 'windows-1252';
  const stack: { skip: boolean; unicodeFallback: number }[] = [];
  let bytes: number[] = [];
  // Bytes from \'hh escapes are decoded together: a double-byte code page (Shift_JIS) splits a character across two.
  const flush = () => {
    if (bytes.length > 0) out += iconv.decode(Buffer.from(bytes), codePage);
    bytes = [];
  };
  const emit = (text: string) => {
    if (skip) return;
    flush();
    out += text;
  };
  let i = 0;
  while (i < rtf.length) {
    const c = rtf[i] as string;
    if (c === '{' || c === '}') {
      flush();
      if (c === '{') stack.push({ skip, unicodeFallback });
      else ({ skip, unicodeFallback } = stack.pop() ?? { skip, unicodeFallback });
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      // Line breaks in RTF source are not text; \par is.
      i += 1;
      continue;
    }
    if (c !== '\\') {
      emit(c);
      i += 1;
      continue;
    }
    const next = rtf[i + 1] ?? '';
    if (next === "'") {
      if (!skip) bytes.push(parseInt(rtf.slice(i + 2, i + 4), 16) || 0x3f);
      i += 4;
      continue;
    }
    if (next === '*') skip = true;
    else if (next === '~') emit('\u00a0');
    else if (next === '\n' || next === '\r') emit('\n');
    else if (next === '{' || next === '}' || next === '\\') emit(next);
    const word = /^([a-zA-Z]+)(-?\d+)? ?/.exec(rtf.slice(i + 1, i + 40));
    if (!word) {
      i += 2;
      continue;
    }
    i += 1 + word[0].length;
    const name = word[1] as string;
    const parameter = word[2] === undefined ? undefined : Number(word[2]);
    if (skippedDestinations.has(name)) skip = true;
    else if (name === 'ansicpg' && parameter !== undefined && iconv.encodingExists(`cp${parameter}`)) codePage = `cp${parameter}`;
    else if (name === 'uc') unicodeFallback = parameter ?? 1;
    else if (name === 'u' && parameter !== undefined) {
      emit(String.fromCharCode(parameter < 0 ? parameter + 65536 : parameter));
      // The fallback characters after \uN are for readers without Unicode.
      for (let k = 0; k < unicodeFallback && i < rtf.length; k += 1) i += rtf[i] === '\\' && rtf[i + 1] === "'" ? 4 : 1;
    } else if (symbols[name] !== undefined) emit(symbols[name]);
  }
  flush();
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
