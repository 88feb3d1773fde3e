/**
 * An image ready for a vision model: a data URL (what the chat API takes in
 * an image_url part) plus its pixel size read from the header, so the UI can
 * show it and the cost estimate can count image tiles without decoding pixels.
 */
export interface ImageInfo {
  mime: string;
  dataUrl: string;
  width?: number;
  height?: number;
}

export function imageInfo(bytes: Buffer, mime: string): ImageInfo {
  const size = pixelSize(bytes, mime);
  return { mime, dataUrl: `data:${mime};base64,${bytes.toString('base64')}`, ...(size ?? {}) };
}

function pixelSize(b: Buffer, mime: string): { width: number; height: number } | null {
  try {
    switch (mime) {
      case 'image/png':
        return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
      case 'image/gif':
        return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
      case 'image/webp':
        return webpSize(b);
      case 'image/jpeg':
        return jpegSize(b);
      default:
        return null;
    }
  } catch {
    // A truncated header: the image still goes to the model, just without a size.
    return null;
  }
}

function webpSize(b: Buffer): { width: number; height: number } | null {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    at += 2 + b.readUInt16BE(at + 2);
  }
  return null;
}
