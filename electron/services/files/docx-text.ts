import { refuse } from './file-refusal';

/**
 * DOCX text with mammoth. Its HTML (not its raw text) is used because it
 * keeps headings, lists and tables, which turn into markdown cheaply here and
 * give the model, and the splitter, the document's structure.
 */
export async function extractDocxText(bytes: Buffer, name: string): Promise<string> {
  let html: string;
  try {
    // Loaded on the first Word document, not at start-up: the app opens before anyone drops a file.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      // Pictures would come back inline as base64; the text is what we explain.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (err) {
    refuse('unreadable-content', `${name} looks like a Word document but Parley could not read it (${(err as Error).message}). It may be damaged.`);
  }
  const text = htmlToMarkdown(html);
  if (text.trim() === '') refuse('empty', `${name} is a Word document with no text in it.`);
  return text;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#') && entity !== '#39') return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return entities[entity] ?? whole;
  });
}

/** mammoth's HTML is small and regular (h1–h6, p, ul/ol/li, table/tr/td, strong, em, a, br). */
export function htmlToMarkdown(html: string): string {
  return decodeEntities(
    html
      .replace(/<h([1-6])[^>]*>/g, (_, level: string) => `\n\n${'#'.repeat(Number(level))} `)
      .replace(/<\/h[1-6]>/g, '\n\n')
      .replace(/<li[^>]*>/g, '\n- ')
      .replace(/<\/(ul|ol)>/g, '\n\n')
      // A cell's paragraphs stay on its row.
      .replace(/<\/p>\s*(?=<\/t[dh]>)/g, '')
      .replace(/<tr[^>]*>/g, '\n| ')
      .replace(/<\/t[dh]>/g, ' | ')
      .replace(/<\/table>/g, '\n\n')
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<\/p>/g, '\n\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
