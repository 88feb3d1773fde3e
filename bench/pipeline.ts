import { startFakeOpenAI } from '../tests/fixtures/fake-openai-server';
import { eventRate, inLoopPerChunk, ownWorkPerChunk, pathMicro, stopLatency, timeToFirstToken } from './pipeline-measures';
import { fmt, type Scenario } from './report';
import { makeClient } from './sdk-harness';

/** Timers in Node have 1 ms granularity, so a gap of 16 ms may legitimately read as a little over 15. */
const TIMER_TOLERANCE_MS = 1;

export const pipeline: Scenario = {
  name: 'pipeline',
  description: 'local SSE server → openai SDK → streamAnswer (coalescer, persister, watchdog) → event sink',
  async run(log) {
    const server = await startFakeOpenAI();
    try {
      const client = makeClient(server.baseUrl);
      log('  measuring own work per chunk…');
      const work = await ownWorkPerChunk(server, client, log);
      const loop = await inLoopPerChunk(server, client);
      const micro = pathMicro();
      log('  measuring event rate…');
      const rate = await eventRate(server, client, log);
      log('  measuring time to first token…');
      const ttft = await timeToFirstToken(server, client, log);
      log('  measuring stop…');
      const stop = await stopLatency(server, client, log);

      const gapLimit = 16 - TIMER_TOLERANCE_MS;
      return {
        metrics: {
          ownWorkCpuUsPerChunk: work.cpuDiffUs,
          ownWorkCpuP90UsPerChunk: work.cpuDiffP90Us,
          ownWorkWallUsPerChunk: work.wallDiffUs,
          oursCpuUsPerChunk: work.oursCpuUs,
          oursWallUsPerChunk: work.oursWallUs,
          inLoopUsPerChunk: loop.diffUs,
          inLoopOursUsPerChunk: loop.oursUs,
          pathMicroUsPerChunk: micro.perChunkUs,
          eventMinGapMs: rate.oursMinGapMs,
          eventP5GapMs: rate.oursP5GapMs,
          eventMedianGapMs: rate.oursMedianGapMs,
          eventsMaxIn16ms: rate.oursMaxIn16ms,
          eventsPerSecond: rate.oursEventsPerSecond,
          ...(rate.endFlushes ? { endFlushGapMinMs: rate.endFlushGapMinMs } : {}),
          ttftOursMs: ttft.oursMs,
          ttftAddedMs: ttft.addedMs,
          ttftPairedAddedMs: ttft.pairedAddedMs,
          ttftInternalMs: ttft.oursInternalMs,
          stopP95Ms: stop.oursP95Ms,
          stopMedianMs: stop.oursMedianMs,
          stopLateEvents: stop.lateEvents,
        },
        baseline: {
          bareCpuUsPerChunk: work.bareCpuUs,
          bareWallUsPerChunk: work.bareWallUs,
          emptyLoopUsPerChunk: loop.emptyUs,
          bareChunkMinGapMs: rate.bareMinGapMs,
          bareChunksMaxIn16ms: rate.bareMaxIn16ms,
          bareChunksPerSecond: rate.bareChunksPerSecond,
          ttftBareMs: ttft.bareMs,
          stopBareP95Ms: stop.bareP95Ms,
        },
        checks: [
          {
            metric: 'ownWorkCpuUsPerChunk',
            label: 'own work per chunk, CPU (ours − bare SDK)',
            value: work.cpuDiffUs,
            op: '<=',
            limit: 50,
            unit: 'µs',
            baseline: { label: 'bare SDK, whole process CPU per chunk', value: work.bareCpuUs },
            ratio: { value: work.oursCpuUs / work.bareCpuUs, reads: 'ours/bare CPU per chunk' },
            detail: `ours ${fmt(work.oursCpuUs)} µs/chunk; median of ${work.rounds} rounds × ${work.streamsPerArmPerRound} × ${work.chunksPerStream}-chunk streams per arm; p90 of rounds ${fmt(work.cpuDiffP90Us)} µs; wall-time difference ${fmt(work.wallDiffUs)} µs/chunk`,
          },
          {
            metric: 'inLoopUsPerChunk',
            label: 'own work per chunk, in streamAnswer’s loop',
            value: loop.diffUs,
            op: '<=',
            limit: 50,
            unit: 'µs',
            baseline: { label: 'empty for-await loop over the same SDK stream', value: loop.emptyUs },
            ratio: { value: loop.oursUs / loop.emptyUs, reads: 'ours/empty loop' },
            detail: `time from a chunk handed over by the SDK to the next one asked for: ours ${fmt(loop.oursUs)} µs`,
          },
          {
            metric: 'pathMicroUsPerChunk',
            label: 'per-chunk path alone (push + append)',
            value: micro.perChunkUs,
            op: '<=',
            limit: 50,
            unit: 'µs',
            baseline: { label: 'bare SDK CPU per chunk', value: work.bareCpuUs },
            ratio: { value: micro.perChunkUs / work.bareCpuUs, reads: 'path/bare SDK per chunk' },
            detail: `coalescer.push + persister.append, no-op emit and write, ${micro.chunks} chunks per repetition, median of 9`,
          },
          {
            metric: 'eventMinGapMs',
            label: 'min gap between renderer events',
            value: rate.oursMinGapMs,
            op: '>=',
            limit: gapLimit,
            unit: 'ms',
            baseline: { label: 'bare SDK, one event per chunk', value: rate.bareMinGapMs },
            ratio: { value: rate.bareChunksPerSecond / rate.oursEventsPerSecond, reads: 'bare chunks/s ÷ our events/s' },
            detail:
              `16 ms − ${TIMER_TOLERANCE_MS} ms timer tolerance; max events in any 16 ms window: ours ${rate.oursMaxIn16ms}, bare ${rate.bareMaxIn16ms}; ` +
              `ours ${fmt(rate.oursEventsPerSecond)} events/s (median gap ${fmt(rate.oursMedianGapMs)} ms, p5 ${fmt(rate.oursP5GapMs)} ms) vs ${fmt(rate.bareChunksPerSecond)} chunks/s`,
          },
          {
            metric: 'ttftAddedMs',
            label: 'time to first token added',
            value: ttft.addedMs,
            op: '<=',
            limit: 5,
            unit: 'ms',
            baseline: { label: 'bare SDK median TTFT', value: ttft.bareMs },
            ratio: { value: ttft.oursMs / ttft.bareMs, reads: 'ours/bare median TTFT' },
            detail: `ours median ${fmt(ttft.oursMs)} ms to the first chat:delta over ${ttft.runs} requests; median of paired differences ${fmt(ttft.pairedAddedMs)} ms`,
          },
          {
            metric: 'stopP95Ms',
            label: 'stop takes effect, p95',
            value: stop.oursP95Ms,
            op: '<=',
            limit: 50,
            unit: 'ms',
            baseline: { label: 'bare SDK abort p95', value: stop.bareP95Ms },
            ratio: { value: stop.oursP95Ms / stop.bareP95Ms, reads: 'ours/bare p95' },
            detail: `median ${fmt(stop.oursMedianMs)} ms over ${stop.runs} stops, every one 'cancelled'; events after resolving: ${stop.lateEvents}`,
          },
        ],
        notes: [
          'The fake server runs in this process, so whole-process CPU includes its work; it is the same for both arms and cancels in the difference.',
          `Event gaps exclude the end-of-stream flush (streamAnswer's finally emits what is pending at once, just before chat:done): ` +
            (rate.endFlushes
              ? `it came ${fmt(rate.endFlushGapMinMs)} ms after the previous event at the closest, in ${rate.endFlushes} of ${rate.runs} streams.`
              : `none had text pending in ${rate.runs} streams.`),
        ],
      };
    } finally {
      await server.close();
    }
  },
};
