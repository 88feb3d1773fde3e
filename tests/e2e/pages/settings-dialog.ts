import type { Locator, Page } from 'playwright-core';

export class SettingsDialog {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Settings' });
  }

  async configure({ apiKey, baseUrl, model }: { apiKey?: string; baseUrl?: string; model?: string }): Promise<void> {
    if (apiKey !== undefined) await this.root.getByLabel('API key').fill(apiKey);
    if (baseUrl !== undefined) await this.root.getByLabel('Base URL').fill(baseUrl);
    if (model !== undefined) await this.root.getByLabel('Model').fill(model);
    await this.root.getByRole('button', { name: 'Save' }).click();
  }
}
