// Entity references models actually write; others stay as typed. Code spans and blocks are never decoded.
const named: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™', hellip: '…',
  mdash: '—', ndash: '–', larr: '←', rarr: '→', harr: '↔', uarr: '↑', darr: '↓', times: '×', divide: '÷', deg: '°',
  plusmn: '±', le: '≤', ge: '≥', ne: '≠', middot: '·', bull: '•', laquo: '«', raquo: '»', euro: '€', pound: '£',
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g, (m, dec?: string, hex?: string, name?: string) => {
    if (name) return named[name] ?? m;
    const cp = dec ? Number(dec) : parseInt(hex!, 16);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  });
}
