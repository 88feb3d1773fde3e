import { maxInflatedPartBytes, readZipEntry, type ZipEntry } from './zip-entries';

/**
 * The text of an OpenDocument text file (LibreOffice's .odt), from its
 * content.xml: headings become markdown headings at their outline level,
 * paragraphs and list items lines, table rows lines of cells.
 */
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return entities[e] ?? whole;
  });
}

export function isOpenDocumentText(bytes: Uint8Array, entries: readonly ZipEntry[]): boolean {
  const mimetype = entries.find((e) => e.name === 'mimetype');
  return (mimetype ? readZipEntry(bytes, mimetype, 1000)?.toString('latin1') : undefined) === 'application/vnd.oasis.opendocument.text';
}

export function readOdtText(bytes: Uint8Array, entries: readonly ZipEntry[]): string | null {
  const entry = entries.find((e) => e.name === 'content.xml');
  const xml = entry ? readZipEntry(bytes, entry, maxInflatedPartBytes)?.toString('utf8') : undefined;
  if (xml === undefined) return null;
  const body = /<office:text\b[^>]*>([\s\S]*)<\/office:text>/.exec(xml)?.[1] ?? '';
  const text = body
    .replace(/<text:h\b[^>]*?text:outline-level="(\d)"[^>]*>/g, (_, level: string) => `\n\n${'#'.repeat(Number(level))} `)
    .replace(/<text:h\b[^>]*>/g, '\n\n# ')
    .replace(/<\/text:h>/g, '\n\n')
    .replace(/<text:list-item\b[^>]*>/g, '\n- ')
    .replace(/<text:tab\b[^>]*\/>/g, '\t')
    .replace(/<text:s\b[^>]*?(?:text:c="(\d+)")?[^>]*\/>/g, (_, count?: string) => ' '.repeat(Number(count ?? 1)))
    .replace(/<text:line-break\b[^>]*\/>/g, '\n')
    // A cell's paragraphs stay on its row.
    .replace(/<\/text:p>\s*(?=<\/table:table-cell>)/g, '')
    .replace(/<table:table-row\b[^>]*>/g, '\n| ')
    .replace(/<\/table:table-cell>/g, ' | ')
    .replace(/<\/text:p>/g, '\n\n')
    .replace(/<[^>]+>/g, '');
  return decodeXml(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
