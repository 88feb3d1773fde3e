import type { PDFDocumentProxy } from 'unpdf/pdfjs';
import { refuse } from './file-refusal';

/**
 * PDF text by page, with unpdf: PDF.js built to run in plain Node without a
 * DOM, a canvas or a worker, which is all the main process has.
 */
export async function extractPdfPages(bytes: Uint8Array, name: string): Promise<string[]> {
  // Loaded on the first PDF, not at start-up: PDF.js is 1.6 MB of script the app does not need to open.
  const { extractText, getDocumentProxy } = await import('unpdf');
  let doc: PDFDocumentProxy;
  try {
    // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false });
  } catch (err) {
    // PDF.js opens a file whose only password is the owner's (print or copy
    // restrictions) by itself; it throws PasswordException when a password is needed to read it.
    if ((err as Error).name === 'PasswordException') {
      refuse('encrypted-pdf', `${name} is password-protected, so Parley cannot read it. Open it, save a copy without a password, and drop that instead.`);
    }
    refuse('unreadable-content', `${name} looks like a PDF but Parley could not open it (${(err as Error).message}). It may be damaged.`);
  }
  try {
    const { text } = await extractText(doc, { mergePages: false });
    const pages = text.map((page) => page.replace(/\r\n?/g, '\n').trim());
    if (pages.every((page) => page === '')) {
      refuse(
        'pdf-without-text',
        `${name} has no text layer (it looks scanned), so there is no text to explain. Run it through OCR, or drop screenshots of its pages to a model that reads images.`,
      );
    }
    return pages;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
