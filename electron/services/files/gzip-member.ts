import { gunzipSync } from 'node:zlib';

/**
 * The file inside a .gz: rotated logs (app.log.2.gz) are dropped as often as
 * plain ones, and gzip holds exactly one file, so it is read rather than
 * refused as an archive. Unpacked with a bound: the size limit applies to
 * what is inside, and a gzip bomb stops at it.
 */
export type Gunzipped = { ok: true; name: string; bytes: Buffer } | { ok: false; reason: 'too-large' | 'damaged' };

export function gunzipMember(bytes: Uint8Array, name: string, maxBytes: number): Gunzipped {
  try {
    return { ok: true, name: innerName(name), bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }) };
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'damaged' };
  }
}

/** app.log.gz → app.log; backup.tgz → backup.tar; a name without the suffix stays as it is. */
function innerName(name: string): string {
  if (/\.tgz$/i.test(name)) return name.replace(/\.tgz$/i, '.tar');
  return name.replace(/\.gz$/i, '') || name;
}
