import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuickWindow } from './pages/quick-window';
import { startE2ESession, type E2ESession } from './support/e2e-session';

let session: E2ESession;

beforeAll(async () => {
  session = await startE2ESession();
  await session.saveKey('sk-e2e-quick-budget-3131');
  // The echo server reports 10 prompt and 5 answer tokens: at these prices one answer costs $0.02, past a $0.01 budget.
  await session.invoke('settings:setPrices', { overrides: [{ model: 'gpt-4o-mini', inputPerMillion: 1000, outputPerMillion: 2000 }] });
  await session.invoke('settings:setBudgets', { dailyUsd: 0.01, monthlyUsd: null });
});
afterAll(() => session?.close());

describe('the quick window past a spent budget', () => {
  it('says why a question was not sent, keeps it, and sends it once on "Send anyway"', async () => {
    session.model.setScenario({ kind: 'echo' });
    const page = await session.newPage();
    try {
      const quick = new QuickWindow(page);
      await quick.open(session.host.quickUrl);
      await quick.question('Spend the budget');
      await expect.poll(() => quick.answers().first().textContent()).toContain('You said: Spend the budget');
      const sent = session.model.requests.length;

      await quick.question('One more, please');
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toMatch(/Today’s budget of \$0\.01 is spent/);
      expect(await quick.ask.inputValue()).toBe('One more, please');
      expect(session.model.requests.length).toBe(sent);

      await page.getByRole('button', { name: 'Send anyway' }).click();
      await expect.poll(() => quick.answers().nth(1).textContent()).toContain('You said: One more, please');
      expect(session.model.requests.length).toBe(sent + 1);
      expect(await page.getByRole('button', { name: 'Send anyway' }).count()).toBe(0);

      // Once only: the next question is stopped by the budget again.
      await quick.question('And another');
      await expect.poll(() => alert.textContent()).toMatch(/budget of \$0\.01 is spent/);
      expect(session.model.requests.length).toBe(sent + 1);
    } finally {
      await page.context().close();
    }
  });
});
