import { decodeXml } from './xml-entities';
import { zipPartReader } from './office-parts';
import { readZipEntry, type ZipEntry } from './zip-entries';

/**
 * The text of an OpenDocument text file (LibreOffice's .odt), from its
 * content.xml: headings become markdown headings at their outline level,
 * paragraphs and list items lines, table rows lines of cells.
 */
export function isOpenDocumentText(bytes: Uint8Array, entries: readonly ZipEntry[]): boolean {
  const mimetype = entries.find((e) => e.name === 'mimetype');
  return (mimetype ? readZipEntry(bytes, mimetype, 1000)?.toString('latin1') : undefined) === 'application/vnd.oasis.opendocument.text';
}

export function readOdtText(bytes: Uint8Array, entries: readonly ZipEntry[]): string | null {
  const xml = zipPartReader(bytes, entries)('content.xml');
  if (xml === null) return null;
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
