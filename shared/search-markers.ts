/**
 * Snippets and highlighted titles come back as plain text with these
 * private-use characters around each matched word. The renderer turns them
 * into <mark> elements; nothing from the database is ever read as HTML.
 * (Apart from the schemas, so the renderer can import them without zod.)
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';
