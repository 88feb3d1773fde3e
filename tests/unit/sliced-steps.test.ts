import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPromptTemplates } from '../../shared/prompt-templates';
import { createTokenCounter } from '../../electron/services/chat/token-counter';
import { planExplanation } from '../../electron/services/explain/explain-plan';
import { explainTemplateFor } from '../../electron/services/explain/explain-template';
import { runNow, runSliced, type Steps } from '../../electron/services/explain/sliced-steps';

const counter = createTokenCounter();
beforeAll(() => counter.load('o200k_base'));

/** Counts the event loop's turns (setImmediate callbacks) while `work` runs. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  const value = await work();
  running = false;
  return { value, turns };
}

function* busySteps(steps: number, msEach: number): Steps<number> {
  let done = 0;
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + msEach;
    while (performance.now() < until) done += 0;
    done += 1;
    yield;
  }
  return done;
}

describe('sliced steps', () => {
  it('gives the same result at once and in slices, and gives the event loop turns only when sliced', async () => {
    expect(runNow(busySteps(20, 2))).toBe(20);
    const sliced = await turnsDuring(() => runSliced(busySteps(20, 2), 5));
    expect(sliced.value).toBe(20);
    // 40 ms of work in slices of 5 ms: several turns in between.
    expect(sliced.turns).toBeGreaterThanOrEqual(4);
    const atOnce = await turnsDuring(async () => runNow(busySteps(20, 2)));
    expect(atOnce.turns).toBe(0);
  });

  it('plans a large file without holding the event loop for the whole plan', async () => {
    const line = (n: number) => `  const value${n} = compute(${n}, "éléments", ${n * 7}); // note ${n}\n`;
    const text = Array.from({ length: 60_000 }, (_, n) => (n % 40 === 0 ? `}\n\nexport function block${n}() {\n` : line(n))).join('');
    const template = explainTemplateFor('code', defaultPromptTemplates);
    const { value: plan, turns } = await turnsDuring(() =>
      planExplanation({ file: { kind: 'code', name: 'large.ts', text, sha256: 'ab'.repeat(32) }, model: 'gpt-4o-mini', template, counter, exactUpTo: 100_000 }),
    );
    expect(plan.summary.inline).toBe(false);
    expect(plan.parts.map((p) => p.text).join('')).toBe(text);
    expect(turns).toBeGreaterThan(0);
  });
});
