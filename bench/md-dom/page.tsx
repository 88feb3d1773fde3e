/**
 * The md-dom bench page: the real Markdown component (with its styles, its highlight worker and KaTeX) mounted
 * in Chromium, fed a long answer in small updates; and react-markdown re-rendering the whole message, as the
 * baseline. Each update is timed from render to DOM committed and laid out.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { workerEngine } from '../../renderer/components/markdown/highlight-engine';
import { clearHighlightCache, setHighlightEngine } from '../../renderer/components/markdown/highlighter';
import { Markdown } from '../../renderer/components/markdown/markdown';
import { mathRenderer } from '../../renderer/components/markdown/math-renderer';
import '../../renderer/styles.css';

const stage = document.getElementById('stage')!;
const layout = () => void stage.getBoundingClientRect().height;
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Highlighted code arrives from the worker between updates; each arrival's render is timed as an update too.
let arrivals: number[] = [];
let outstanding = 0;
const worker = workerEngine();
setHighlightEngine({
  request(lang, code, done) {
    outstanding++;
    worker.request(lang, code, (tree) => {
      const t0 = performance.now();
      flushSync(() => done(tree));
      layout();
      arrivals.push(performance.now() - t0);
      outstanding--;
    });
  },
});

async function settle() {
  while (outstanding > 0) await sleep(5);
  await sleep(20);
}

function mount() {
  const host = document.createElement('div');
  host.className = 'message-body';
  stage.append(host);
  const root = createRoot(host);
  return { host, root, dispose: () => (root.unmount(), host.remove()) };
}

async function stream(text: string, chunk: number) {
  clearHighlightCache();
  mathRenderer.current()?.clearCache();
  arrivals = [];
  const { host, root, dispose } = mount();
  const updates: number[] = [];
  for (let end = chunk; end < text.length + chunk; end += chunk) {
    const prefix = text.slice(0, Math.min(end, text.length));
    const t0 = performance.now();
    flushSync(() => root.render(<Markdown text={prefix} />));
    layout();
    updates.push(performance.now() - t0);
    await nextTask();
  }
  await settle();
  const html = host.innerHTML;
  dispose();
  return { updates, arrivals: [...arrivals], html };
}

async function once(text: string) {
  const { host, root, dispose } = mount();
  flushSync(() => root.render(<Markdown text={text} />));
  await settle();
  const html = host.innerHTML;
  dispose();
  return html;
}

async function baseline(text: string, chunk: number, every: number) {
  const { root, dispose } = mount();
  const sampled: number[] = [];
  const updates = Math.ceil(text.length / chunk);
  for (let i = every - 1; i < updates; i += every) {
    const prefix = text.slice(0, Math.min((i + 1) * chunk, text.length));
    const t0 = performance.now();
    flushSync(() => root.render(<ReactMarkdown remarkPlugins={[remarkGfm]}>{prefix}</ReactMarkdown>));
    layout();
    sampled.push(performance.now() - t0);
    await nextTask();
  }
  dispose();
  return sampled;
}

const api = { ready: mathRenderer.load().then(() => true), stream, once, baseline };
declare global {
  interface Window {
    mdDom: typeof api;
  }
}
window.mdDom = api;
