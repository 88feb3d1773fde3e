import { defaultPromptTemplates } from '../shared/prompt-templates';
import { createTokenCounter } from '../electron/services/chat/token-counter';
import { cacheWritten, useTokenizerCache } from '../electron/services/chat/tokenizer-loader';
import { planExplanation } from '../electron/services/explain/explain-plan';
import { ingestFile } from '../electron/services/files/ingest-file';

/**
 * Run in its own process by the ingest scenario, so that its peak memory is
 * the work's alone and a cold start is cold:
 *   node --expose-gc --import tsx bench/ingest-child.ts <ingest|plan> <file> [model]
 *   node --import tsx bench/ingest-child.ts count <text file> <other text file> <cache dir>
 * `ingest` reads and extracts only; `plan` goes on to count tokens and plan
 * the parts; `count` times a first count (tokenizer load included) and then
 * counts of texts the process has not seen. Prints one JSON line.
 */
const [mode, file, model = 'gpt-4.1', cacheDir] = process.argv.slice(2);
if (mode === 'count') await countTokens(file, model, cacheDir);
const template = defaultPromptTemplates.find((t) => t.id === 'explain-code');
if (mode === 'count') process.exit(0);
if ((mode !== 'ingest' && mode !== 'plan') || !file || !template) throw new Error('usage: ingest-child.ts <ingest|plan> <file> [model]');

const counter = createTokenCounter();
if (mode === 'plan') await counter.load('o200k_base');
// Everything loaded and the heap settled: what is measured from here is the file's.
(globalThis as { gc?: () => void }).gc?.();
const rssBefore = process.memoryUsage().rss;
// maxRSS also holds the peak of module loading; sampling RSS sees the work's own peak.
let peakRss = rssBefore;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 2);
const t0 = performance.now();
const result = await ingestFile({ path: file });
const ingestMs = performance.now() - t0;
if (!result.ok) throw new Error(result.error.message);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
let parts = 0;
let fileTokens = 0;
if (mode === 'plan') {
  const plan = await planExplanation({ file: result.file, model, template, counter });
  parts = plan.parts.length;
  fileTokens = plan.summary.fileTokens;
}
const totalMs = performance.now() - t0;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
process.stdout.write(`${JSON.stringify({ ingestMs, totalMs, parts, fileTokens, rssBefore, peakRss, size: result.file.size })}\n`);

async function countTokens(first: string | undefined, other: string | undefined, cache: string | undefined): Promise<void> {
  if (!first || !other || !cache) throw new Error('usage: ingest-child.ts count <text file> <other text file> <cache dir>');
  // As the app does (electron/backend.ts): the first load of a table writes it to the cache for later starts.
  useTokenizerCache(cache);
  const { readFileSync } = await import('node:fs');
  const [a, b] = [readFileSync(first, 'utf8'), readFileSync(other, 'utf8')];
  const counter = createTokenCounter();
  let t0 = performance.now();
  await counter.load('o200k_base');
  counter.count('o200k_base', a);
  const coldMs = performance.now() - t0;
  const warm: number[] = [];
  // Halves and reversed texts: new to the tokenizer's caches, the same size of work.
  for (const text of [b, `${b.slice(b.length / 2)}${b.slice(0, b.length / 2)}`, [...a].reverse().join('')]) {
    t0 = performance.now();
    counter.count('o200k_base', text);
    warm.push(performance.now() - t0);
  }
  process.stdout.write(`${JSON.stringify({ coldMs, warmMs: warm.sort((x, y) => x - y)[1] })}\n`);
  // The table is written to the cache after the load returns; let that happen before exiting.
  await cacheWritten();
}
