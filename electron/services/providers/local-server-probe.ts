import type { LocalServer } from '../../../shared/providers';

export type LocalServerKind = LocalServer['kind'];

/** Base URLs to probe, by server; a test points them at its fake server, or passes `{}` to probe nothing. */
export type LocalProbeUrls = Partial<Record<LocalServerKind, string>>;

/** Where Ollama and LM Studio listen when installed with their defaults. */
export const defaultLocalProbeUrls: LocalProbeUrls = {
  ollama: 'http://127.0.0.1:11434/v1',
  lmstudio: 'http://127.0.0.1:1234/v1',
};

const names: Record<LocalServerKind, string> = { ollama: 'Ollama', lmstudio: 'LM Studio' };

/**
 * A local server answers in a few milliseconds or not at all; a longer wait
 * would only delay the offer, since the probe never blocks start-up.
 */
export const localProbeTimeoutMs = 300;

async function probeOne(kind: LocalServerKind, baseUrl: string, fetch: typeof globalThis.fetch, timeoutMs: number): Promise<LocalServer | null> {
  try {
    const res = await fetch(`${baseUrl}/models`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    const body = (await res.json()) as { data?: { id?: unknown }[] };
    if (!Array.isArray(body.data)) return null;
    const models = body.data.flatMap((m) => (typeof m.id === 'string' ? [m.id] : []));
    return { kind, name: names[kind], baseUrl, models };
  } catch {
    return null; // nothing listening, something else listening, or too slow: no offer
  }
}

/** Every server that answered like an OpenAI-compatible model list, in the order given. */
export async function probeLocalServers(
  urls: LocalProbeUrls,
  fetch: typeof globalThis.fetch = globalThis.fetch,
  timeoutMs = localProbeTimeoutMs,
): Promise<LocalServer[]> {
  const found = await Promise.all(
    (Object.entries(urls) as [LocalServerKind, string][]).map(([kind, url]) => probeOne(kind, url, fetch, timeoutMs)),
  );
  return found.filter((s): s is LocalServer => s !== null);
}

/** "ollama=http://127.0.0.1:5555/v1,lmstudio=…" → probe URLs: how the browser host's tests point the probe at a fake server. */
export function parseLocalProbeUrls(text: string): LocalProbeUrls {
  const urls: LocalProbeUrls = {};
  for (const pair of text.split(',')) {
    const [kind, url] = pair.split('=', 2).map((s) => s.trim());
    if ((kind === 'ollama' || kind === 'lmstudio') && url) urls[kind] = url;
  }
  return urls;
}
