/**
 * What keeps keys and the person's words out of the log. Two layers, because
 * either alone fails: fields named like content are never written whatever
 * they hold (a structural rule a reviewer can check), and every string that
 * is written is scrubbed of anything shaped like a key, plus the exact text
 * of the keys Parley holds (an Azure key is 32 plain hex digits: only its
 * exact text can find it).
 */

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue | readonly LogValue[]>;

export const REDACTED = '[redacted]';

/**
 * Field names whose values are never logged: message and file text, prompts,
 * request bodies, keys and credentials. Compared without case, `_` or `-`.
 */
const contentFieldNames = new Set(
  [
    'content', 'text', 'delta', 'prompt', 'systemPrompt', 'messages', 'message_content', 'body', 'data', 'bytes', 'base64',
    'extractedText', 'fileText', 'fileContent', 'contents', 'answer', 'question', 'title', 'query', 'input', 'output',
    'key', 'apiKey', 'secret', 'password', 'token', 'authorization', 'headers', 'cookie',
  ].map(normalise),
);

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

export function isContentField(name: string): boolean {
  const n = normalise(name);
  return contentFieldNames.has(n) || n.endsWith('apikey') || n.endsWith('secret') || n.endsWith('password') || n.endsWith('token');
}

/**
 * Shapes of secrets: OpenAI-style keys (`sk-…`, `sk-proj-…`, `sk-ant-…`),
 * bearer and basic credentials, Google API keys, and `key=`/`token=` query
 * parameters of a logged URL.
 */
const keyShapes: readonly [RegExp, string][] = [
  [/\bsk-[A-Za-z0-9_-]{6,}/g, `sk-${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\bAIza[0-9A-Za-z_-]{20,}/g, REDACTED],
  [/([?&](?:api[-_]?key|key|token|access_token|auth)=)[^&\s"']+/gi, `$1${REDACTED}`],
  [/\b(api[-_]?key|x-api-key|authorization)(["']?\s*[:=]\s*["']?)[^\s"',}&]+/gi, `$1$2${REDACTED}`],
];

/** The secrets Parley knows about right now, longest first so one never leaves a tail of another. */
export function createSecretList() {
  let secrets: string[] = [];
  return {
    add(secret: string): void {
      const s = secret.trim();
      // Shorter strings would scrub ordinary words; no real key is that short.
      if (s.length < 8 || secrets.includes(s)) return;
      secrets = [...secrets, s].sort((a, b) => b.length - a.length);
    },
    get all(): readonly string[] {
      return secrets;
    },
  };
}

export type SecretList = ReturnType<typeof createSecretList>;

export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
  for (const [shape, replacement] of keyShapes) out = out.replace(shape, replacement);
  return out;
}

const MAX_STRING = 500;

function scrubValue(value: unknown, secrets: readonly string[]): LogValue {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const cut = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} chars)` : value;
    return scrubText(cut, secrets);
  }
  // Objects are not written whole: one could hold a message or a request. A caller wanting a detail names it as a field.
  return `[${Array.isArray(value) ? 'array' : typeof value}]`;
}

/** The fields as written: content fields replaced, strings scrubbed and capped, nested objects left out. */
export function sanitiseFields(fields: LogFields | undefined, secrets: readonly string[]): Record<string, LogValue | LogValue[]> {
  const out: Record<string, LogValue | LogValue[]> = {};
  if (!fields) return out;
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (isContentField(name)) out[name] = REDACTED;
    else if (Array.isArray(value)) out[name] = value.slice(0, 20).map((v) => scrubValue(v, secrets));
    else out[name] = scrubValue(value, secrets);
  }
  return out;
}

/**
 * An error as log fields: its class, code, HTTP status and stack frames, and
 * its message (scrubbed, capped). Call it only for Parley's own failures; a
 * provider's error message can quote the request, so those are logged by
 * code and status alone (see errorCode).
 */
export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { error: typeof err === 'string' ? err : `[${typeof err}]` };
  const e = err as Error & { code?: unknown; status?: unknown };
  const frames = (e.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8).map((l) => l.trim());
  return {
    errorName: e.name,
    errorMessage: e.message,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { errorCode: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    stack: frames,
  };
}

/** Only the parts of a provider's error that cannot carry request text: its class, code and HTTP status. */
export function errorCode(err: unknown): LogFields {
  if (!(err instanceof Error)) return {};
  const e = err as Error & { code?: unknown; status?: unknown; type?: unknown };
  return {
    errorName: e.name,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { errorCode: e.code } : {}),
    ...(typeof e.type === 'string' ? { errorType: e.type } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
  };
}
