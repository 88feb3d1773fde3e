import { posix } from 'node:path';
import { decodeXml } from './xml-entities';
import { relationships, zipPartReader } from './office-parts';
import type { ZipEntry } from './zip-entries';

/**
 * The text of a PowerPoint deck, slide by slide in the deck's order, with
 * each slide's speaker notes: what a person wants explained, and natural
 * pages for splitting a long deck. Pictures and layout are left out.
 */
/** DrawingML paragraphs: each <a:p> a line, its runs' <a:t> joined. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p\b[^>]*>([\s\S]*?)<\/a:p>/g)]
    .map((p) => [...(p[1] ?? '').matchAll(/<a:t\b[^>]*>([\s\S]*?)<\/a:t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''))
    .filter((line) => line.trim() !== '');
}

export function readPptxSlides(bytes: Uint8Array, entries: readonly ZipEntry[]): string[] | null {
  const part = zipPartReader(bytes, entries);
  const presentation = part('ppt/presentation.xml');
  if (!presentation) return null;
  const rels = relationships(part('ppt/_rels/presentation.xml.rels'), 'ppt');
  const slides: string[] = [];
  for (const m of presentation.matchAll(/<p:sldId\b[^>]*>/g)) {
    const id = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    const path = id ? rels.get(id)?.target : undefined;
    const xml = path ? part(path) : null;
    if (!path || xml === null) continue;
    const slideRels = relationships(part(posix.join(posix.dirname(path), '_rels', `${posix.basename(path)}.rels`)), posix.dirname(path));
    const notesPath = [...slideRels.values()].find((r) => r.type.endsWith('/notesSlide'))?.target;
    // Notes slides repeat the slide number and its image placeholder; their body text is what the speaker says.
    const notes = notesPath ? paragraphs(part(notesPath) ?? '').filter((line) => !/^\d+$/.test(line.trim())) : [];
    const lines = paragraphs(xml);
    slides.push([...lines, ...(notes.length > 0 ? ['', 'Notes:', ...notes] : [])].join('\n'));
  }
  return slides;
}
