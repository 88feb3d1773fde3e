import { posix } from 'node:path';
import { decodeXml } from './xml-entities';
import { maxInflatedPartBytes, readZipEntry, type ZipEntry } from './zip-entries';

/** Reads a part of a zipped document (Word, Excel, PowerPoint, OpenDocument) as text; null when absent or unreadable. */
export function zipPartReader(bytes: Uint8Array, entries: readonly ZipEntry[]): (name: string) => string | null {
  return (name) => {
    const entry = entries.find((e) => e.name === name);
    const data = entry ? readZipEntry(bytes, entry, maxInflatedPartBytes) : null;
    return data ? data.toString('utf8') : null;
  };
}

/** An XML attribute of one tag, entities decoded. */
export function xmlAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match?.[1] === undefined ? undefined : decodeXml(match[1]);
}

/** An Office part's relationship ids to part paths, resolved against the folder of the part they belong to. */
export function relationships(xml: string | null, folder: string): Map<string, { target: string; type: string }> {
  const map = new Map<string, { target: string; type: string }>();
  for (const m of (xml ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = xmlAttribute(m[0], 'Id');
    const target = xmlAttribute(m[0], 'Target');
    const type = xmlAttribute(m[0], 'Type') ?? '';
    if (id && target) map.set(id, { target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(folder, target)), type });
  }
  return map;
}
