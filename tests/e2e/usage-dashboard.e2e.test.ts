import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageDashboard } from './pages/usage-dashboard';
import { chatWindowSuite } from './support/chat-window-suite';

const suite = chatWindowSuite('sk-e2e-usage-key-4444');
// A conversation's first answer is followed by a title request, counted like any other (automatic-title.test.ts).
// Here it fails, unbilled, so that the figures are the answers' alone.
beforeEach(() => suite.session.model.setCompletionHandler(() => ({ status: 503 })));
afterEach(() => suite.session.model.setCompletionHandler(null));

/** The echo server reports 10 prompt and 5 answer tokens; at these prices each answer costs $0.02. */
const dearPrices = { overrides: [{ model: 'gpt-4o-mini', inputPerMillion: 1000, outputPerMillion: 2000 }] };

describe('the usage dashboard', () => {
  it('shows the requests and cost of a conversation that was had, as charts and tables, and exports them as CSV', async () => {
    await suite.session.invoke('settings:setPrices', dearPrices);
    await suite.chat.ask('Count my tokens');
    await expect.poll(() => suite.chat.answers().first().textContent()).toContain('You said: Count my tokens');

    const usage = await new UsageDashboard(suite.chat.page).open();
    await expect.poll(() => usage.total('Requests').textContent()).toBe('1');
    expect(await usage.total('Cost').textContent()).toBe('$0.02');
    expect(await usage.total('Tokens sent').textContent()).toBe('10');
    expect(await usage.rowOf('Costliest conversations', 'Count my tokens')).toEqual(['Count my tokens', '1', '0', '15', '$0.02', expect.stringMatching(/ms|s$/), expect.any(String)]);
    expect((await usage.rowOf('By model', 'gpt-4o-mini')).slice(0, 6)).toEqual(['gpt-4o-mini', 'OpenAI', '1', '0', '15', '$0.02']);
    expect(await usage.chart('Requests per day').count()).toBe(1);
    expect(await usage.chart('Cost per day').count()).toBe(1);
    expect(await usage.table('Speed').getByRole('rowheader').allTextContents()).toEqual(['Time to first token', 'Total time', 'Tokens per second']);

    // Both themes, for a person to look at (and for the report).
    for (const colorScheme of ['light', 'dark'] as const) {
      await suite.chat.page.emulateMedia({ colorScheme });
      await suite.chat.page.screenshot({ path: `/tmp/parley-usage-${colorScheme}.png` });
      await usage.root.evaluate((dialog) => dialog.scrollTo(0, dialog.scrollHeight));
      await suite.chat.page.screenshot({ path: `/tmp/parley-usage-${colorScheme}-end.png` });
      await usage.root.evaluate((dialog) => dialog.scrollTo(0, 0));
    }

    const csv = (await usage.exportCsv()).trimEnd().split('\r\n');
    expect(csv[0]).toBe('time,day,provider,model,conversation,status,error_code,prompt_tokens,completion_tokens,tokens_estimated,cost_usd,ttft_ms,total_ms');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/,OpenAI,gpt-4o-mini,Count my tokens,complete,,10,5,false,0\.02,\d+,\d+$/);
  });

  it('warns under the composer as a budget fills, stops at it, and sends one message anyway when asked', async () => {
    const usage = await new UsageDashboard(suite.chat.page).open();
    // $0.02 spent so far: 80 % of $0.025.
    await usage.setBudgets('0.025', '');
    await usage.close();
    const notice = suite.chat.page.locator('.budget-notice');
    await expect.poll(() => notice.textContent()).toContain('$0.02 of today’s $0.025 budget spent (80 %).');
    await suite.chat.page.screenshot({ path: '/tmp/parley-usage-budget-warning.png' });

    await suite.chat.ask('One more');
    await expect.poll(() => suite.chat.answers().count()).toBe(1);
    await expect.poll(() => notice.textContent()).toContain('Today’s budget of $0.025 is spent ($0.04), so sending is stopped.');

    await suite.chat.ask('And another');
    await expect.poll(() => suite.chat.alerts().first().textContent()).toContain('budget of $0.025 is spent');
    expect(await suite.chat.composer.inputValue()).toBe('And another');
    await suite.chat.page.screenshot({ path: '/tmp/parley-usage-budget-stop.png' });
    await notice.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => suite.chat.answers().last().textContent()).toContain('You said: And another');

    // Once only: the next message is stopped again.
    await suite.chat.ask('Still more');
    await expect.poll(() => suite.chat.alerts().first().textContent()).toContain('budget of $0.025 is spent');
    expect(await suite.chat.composer.inputValue()).toBe('Still more');
  });

  it('lets a model’s price be changed, and a model the catalogue lacks be priced', async () => {
    const usage = await new UsageDashboard(suite.chat.page).open();
    await usage.root.getByText('Prices per model').click();
    await usage.root.getByLabel('Input price of gpt-4o', { exact: true }).fill('4');
    await usage.root.getByLabel('Another model').fill('llama3.1:8b');
    await usage.root.getByRole('button', { name: 'Add model' }).click();
    await usage.root.getByLabel('Output price of llama3.1:8b').fill('0.5');
    await usage.root.getByRole('button', { name: 'Save prices' }).click();
    await expect.poll(() => usage.root.getByRole('status').filter({ hasText: 'Prices saved' }).count()).toBe(1);
    await usage.table('Prices in US$ per million tokens').scrollIntoViewIfNeeded();
    await suite.chat.page.screenshot({ path: '/tmp/parley-usage-prices.png' });

    const { prices } = (await suite.session.invoke('settings:getPrices', {})) as { prices: { model: string; inputPerMillion: number; outputPerMillion: number; edited: boolean }[] };
    expect(prices.find((p) => p.model === 'gpt-4o')).toMatchObject({ inputPerMillion: 4, outputPerMillion: 10, edited: true });
    expect(prices.find((p) => p.model === 'llama3.1:8b')).toMatchObject({ inputPerMillion: 0, outputPerMillion: 0.5, edited: true });
    // The first test's dear price is still there, untouched by this save.
    expect(prices.find((p) => p.model === 'gpt-4o-mini')).toMatchObject({ inputPerMillion: 1000, edited: true });
  });
});
