import type { Download, Locator, Page } from 'playwright-core';

/** The Usage dialog as a person uses it: totals, charts, tables, budgets, export. */
export class UsageDashboard {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Usage', exact: true });
  }

  async open(): Promise<this> {
    await this.page.getByRole('button', { name: 'Usage', exact: true }).click();
    await this.root.getByRole('table', { name: 'Speed' }).waitFor();
    return this;
  }

  /** The figure under a heading of the totals ("Requests", "Cost", …). */
  total(name: string): Locator {
    return this.root.locator('.usage-totals > div', { has: this.page.locator(`dt:text-is("${name}")`) }).locator('dd');
  }

  table(name: string): Locator {
    return this.root.getByRole('table', { name, exact: true });
  }

  /** The cells of the row headed `row` in a table, as text. */
  async rowOf(table: string, row: string): Promise<string[]> {
    const r = this.table(table).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: row, exact: true }) });
    return r.locator('th, td').allTextContents();
  }

  chart(name: string): Locator {
    return this.root.getByRole('img', { name, exact: true });
  }

  async exportCsv(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.root.getByRole('button', { name: 'Export CSV' }).click()]);
    return readDownload(download);
  }

  async setBudgets(daily: string, monthly: string): Promise<void> {
    // fill waits for a field to be enabled: the budget fields are, once their saved values have loaded.
    await this.root.getByLabel('Daily budget (US$)').fill(daily);
    await this.root.getByLabel('Monthly budget (US$)').fill(monthly);
    await this.root.getByRole('button', { name: 'Save budgets' }).click();
    await this.root.getByText('Budgets saved.').waitFor();
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close', exact: true }).click();
    await this.root.waitFor({ state: 'detached' });
  }
}

async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
