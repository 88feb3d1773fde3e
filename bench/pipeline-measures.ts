import type OpenAI from 'openai';
import { systemClock } from '../electron/services/chat/clock';
import { AnswerPersister } from '../electron/services/chat/answer-persister';
import { StreamCoalescer } from '../electron/services/chat/stream-coalescer';
import type { FakeOpenAI } from '../tests/fixtures/fake-openai-server';
import {
  cpuMicros,
  MESSAGES,
  MODEL,
  newProbe,
  probedClient,
  readBare,
  runOurs,
  tokenChunks,
  type SinkEvent,
} from './sdk-harness';
import { gaps, maxInWindow, median, min, percentile } from './stats';

/** The measurements behind the `pipeline` scenario, one function per target. */

type Log = (line: string) => void;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, failure: string, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > end) throw new Error(failure);
    await sleep(2);
  }
}

function expectText(what: string, got: string, want: string): void {
  if (got !== want) throw new Error(`${what}: got ${got.length} characters, expected ${want.length}`);
}

/**
 * CPU and wall time per chunk of the whole process (server included, the same
 * for both arms) for unpaced streams, bare SDK vs streamAnswer, alternating
 * arms in each round; the figure is the median over rounds of (ours − bare).
 * No forced GC between streams: V8 sweeps concurrently after a full GC, on
 * helper threads whose CPU lands in process.cpuUsage(), and in trials that
 * tripled the bare figure and buried the difference in noise.
 */
export async function ownWorkPerChunk(server: FakeOpenAI, client: OpenAI, log: Log) {
  const CHUNKS = 2000;
  const ROUNDS = 12;
  const STREAMS = 2;
  const chunks = tokenChunks(CHUNKS);
  const want = chunks.join('');
  server.setScenario({ kind: 'stream', chunks });
  const one = async (arm: 'bare' | 'ours') => {
    const c0 = cpuMicros();
    const w0 = performance.now();
    if (arm === 'bare') expectText('bare stream', (await readBare(client)).text, want);
    else {
      const r = await runOurs(client).done;
      if (r.outcome.status !== 'complete') throw new Error(`streamAnswer ended ${r.outcome.status}: ${r.outcome.error?.message}`);
      expectText('streamAnswer content', r.outcome.content, want);
      expectText('streamAnswer events', r.events.map((e) => e.text).join(''), want);
    }
    return { cpu: cpuMicros() - c0, wallUs: (performance.now() - w0) * 1000 };
  };
  for (let i = 0; i < 3; i++) {
    await one('bare'); // warm-up
    await one('ours');
  }
  const rounds: { bareCpu: number; oursCpu: number; bareWall: number; oursWall: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const acc = { bareCpu: 0, oursCpu: 0, bareWall: 0, oursWall: 0 };
    for (const arm of r % 2 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const)) {
      for (let k = 0; k < STREAMS; k++) {
        const m = await one(arm);
        if (arm === 'bare') {
          acc.bareCpu += m.cpu;
          acc.bareWall += m.wallUs;
        } else {
          acc.oursCpu += m.cpu;
          acc.oursWall += m.wallUs;
        }
      }
    }
    const n = STREAMS * CHUNKS;
    rounds.push({ bareCpu: acc.bareCpu / n, oursCpu: acc.oursCpu / n, bareWall: acc.bareWall / n, oursWall: acc.oursWall / n });
  }
  log(`  own work: ${ROUNDS} rounds × ${STREAMS} streams × ${CHUNKS} chunks per arm`);
  return {
    chunksPerStream: CHUNKS,
    rounds: ROUNDS,
    streamsPerArmPerRound: STREAMS,
    cpuDiffUs: median(rounds.map((r) => r.oursCpu - r.bareCpu)),
    wallDiffUs: median(rounds.map((r) => r.oursWall - r.bareWall)),
    oursCpuUs: median(rounds.map((r) => r.oursCpu)),
    bareCpuUs: median(rounds.map((r) => r.bareCpu)),
    oursWallUs: median(rounds.map((r) => r.oursWall)),
    bareWallUs: median(rounds.map((r) => r.bareWall)),
    cpuDiffP90Us: percentile(rounds.map((r) => r.oursCpu - r.bareCpu), 90),
  };
}

/**
 * The time our loop body takes per chunk: the real SDK stream is wrapped so
 * the time from a chunk being handed over to the next one being asked for is
 * summed; the same wrapper around an empty loop is the baseline.
 */
export async function inLoopPerChunk(server: FakeOpenAI, client: OpenAI) {
  const chunks = tokenChunks(2000);
  server.setScenario({ kind: 'stream', chunks });
  const empty: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < 8; i++) {
    const pe = newProbe();
    const stream = await probedClient(client, pe).chat.completions.create({ model: MODEL, messages: MESSAGES, stream: true, stream_options: { include_usage: true } });
    for await (const c of stream) void c;
    const po = newProbe();
    const r = await runOurs(probedClient(client, po)).done;
    expectText('streamAnswer content (probed)', r.outcome.content, chunks.join(''));
    if (i > 0) {
      empty.push((pe.loopMs * 1000) / pe.items);
      ours.push((po.loopMs * 1000) / po.items);
    }
  }
  return { oursUs: median(ours), emptyUs: median(empty), diffUs: median(ours) - median(empty) };
}

/** coalescer.push + persister.append with no-op emit and write, one 2,000-chunk answer after another. */
export function pathMicro() {
  const chunks = tokenChunks(2000);
  const ANSWERS = 100;
  const one = () => {
    const t0 = performance.now();
    for (let a = 0; a < ANSWERS; a++) {
      let emitted = 0;
      let written = 0;
      const coalescer = new StreamCoalescer((t) => void (emitted += t.length), 16, systemClock);
      const persister = new AnswerPersister((c) => void (written += c.length), 250, systemClock);
      for (const c of chunks) {
        persister.append(c);
        coalescer.push(c);
      }
      coalescer.flush();
      persister.dispose();
      if (emitted === 0 || persister.content.length === 0) throw new Error('micro: nothing went through');
    }
    return ((performance.now() - t0) * 1000) / (ANSWERS * chunks.length);
  };
  one(); // warm-up
  const reps = Array.from({ length: 9 }, () => one());
  return { perChunkUs: median(reps), chunks: ANSWERS * chunks.length };
}

/** A paced stream (a chunk every ~1 ms), bare SDK chunk times vs our emitted events. */
export async function eventRate(server: FakeOpenAI, client: OpenAI, log: Log) {
  const chunks = tokenChunks(1500);
  const want = chunks.join('');
  server.setScenario({ kind: 'stream', chunks, delayMs: 1 });
  const bareGaps: number[] = [];
  const oursGaps: number[] = [];
  let bareMaxIn16 = 0;
  let oursMaxIn16 = 0;
  let bareCount = 0;
  let oursCount = 0;
  let streamMs = 0;
  const endGaps: number[] = [];
  const RUNS = 2;
  for (let i = 0; i < RUNS; i++) {
    const bare = await readBare(client, { recordTimes: true });
    expectText('paced bare stream', bare.text, want);
    bareGaps.push(...gaps(bare.times));
    bareMaxIn16 = Math.max(bareMaxIn16, maxInWindow(bare.times, 16));
    bareCount += bare.times.length;

    const probe = newProbe();
    const r = await runOurs(probedClient(client, probe)).done;
    expectText('paced streamAnswer events', r.events.map((e) => e.text).join(''), want);
    // Events after the SDK's iterator ended come from the end-of-stream flush in streamAnswer's `finally`.
    const during: SinkEvent[] = r.events.filter((e) => e.at < probe.endedAt!);
    const times = during.map((e) => e.at);
    oursGaps.push(...gaps(times));
    oursMaxIn16 = Math.max(oursMaxIn16, maxInWindow(times, 16));
    oursCount += during.length;
    streamMs += times.at(-1)! - times[0]!;
    const last = r.events.at(-1)!;
    if (last.at >= probe.endedAt!) endGaps.push(last.at - times.at(-1)!);
  }
  log(`  event rate: ${RUNS} paced streams of ${chunks.length} chunks per arm`);
  return {
    oursMinGapMs: min(oursGaps),
    oursP5GapMs: percentile(oursGaps, 5),
    oursMedianGapMs: median(oursGaps),
    oursMaxIn16ms: oursMaxIn16,
    oursEventsPerSecond: (oursCount - RUNS) / (streamMs / 1000),
    bareMinGapMs: min(bareGaps),
    bareMaxIn16ms: bareMaxIn16,
    bareChunksPerSecond: bareGaps.length / (bareGaps.reduce((a, b) => a + b, 0) / 1000),
    oursEvents: oursCount,
    bareChunks: bareCount,
    endFlushGapMinMs: min(endGaps),
    endFlushes: endGaps.length,
    runs: RUNS,
  };
}

/** Time to first token: from the call to the first content chunk (bare) or first chat:delta event (ours). */
export async function timeToFirstToken(server: FakeOpenAI, client: OpenAI, log: Log) {
  server.setScenario({ kind: 'stream', chunks: tokenChunks(20), delayMs: 1 });
  const bare: number[] = [];
  const ours: number[] = [];
  const internal: number[] = [];
  const N = 30;
  const once = async (arm: 'bare' | 'ours') => {
    const t0 = performance.now();
    if (arm === 'bare') {
      const r = await readBare(client);
      return { ttft: r.firstAt! - t0, internal: 0 };
    }
    const r = await runOurs(client).done;
    if (r.outcome.status !== 'complete') throw new Error(`streamAnswer ended ${r.outcome.status}`);
    return { ttft: r.events[0]!.at - t0, internal: r.outcome.ttftMs! };
  };
  for (let i = 0; i < 3; i++) await once(i % 2 ? 'bare' : 'ours');
  for (let i = 0; i < N; i++) {
    for (const arm of i % 2 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const)) {
      const m = await once(arm);
      if (arm === 'bare') bare.push(m.ttft);
      else {
        ours.push(m.ttft);
        internal.push(m.internal);
      }
    }
  }
  log(`  ttft: ${N} requests per arm`);
  return {
    oursMs: median(ours),
    bareMs: median(bare),
    addedMs: median(ours) - median(bare),
    pairedAddedMs: median(ours.map((o, i) => o - bare[i]!)),
    oursInternalMs: median(internal),
    runs: N,
  };
}

/** Stop: abort a slow long stream as the chat service does; time until the call has resolved. */
export async function stopLatency(server: FakeOpenAI, client: OpenAI, log: Log) {
  server.setScenario({ kind: 'stream', chunks: tokenChunks(4000), delayMs: 5 });
  const N = 20;
  const ours: number[] = [];
  const bare: number[] = [];
  let lateEvents = 0;
  for (let i = 0; i < N; i++) {
    const controller = new AbortController();
    let stop = false;
    const run = runOurs(client, { signal: controller.signal, stopRequested: () => stop });
    await until(() => run.events.length > 0, 'stop: no chat:delta within 5 s');
    await sleep(30 + (i % 5) * 7); // mid-stream, at varying points between chunks
    const t0 = performance.now();
    stop = true;
    controller.abort();
    const r = await run.done;
    ours.push(performance.now() - t0);
    if (r.outcome.status !== 'cancelled') throw new Error(`stop: streamAnswer ended ${r.outcome.status}`);
    const seen = r.events.length;
    await sleep(30);
    lateEvents += r.events.length - seen;

    const bc = new AbortController();
    let started = false;
    const pending = readBare(client, { signal: bc.signal, onFirst: () => void (started = true) }).then(
      () => new Error('bare stream ended without abort'),
      (e: unknown) => e,
    );
    await until(() => started, 'stop: bare SDK got no chunk within 5 s');
    await sleep(30 + (i % 5) * 7);
    const b0 = performance.now();
    bc.abort();
    await pending;
    bare.push(performance.now() - b0);
  }
  log(`  stop: ${N} aborts per arm`);
  return { oursP95Ms: percentile(ours, 95), oursMedianMs: median(ours), bareP95Ms: percentile(bare, 95), lateEvents, runs: N };
}
