import type { Locator, Page } from 'playwright-core';

export class SettingsDialog {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Settings', exact: true });
  }

  async configure({ apiKey, baseUrl, model }: { apiKey?: string; baseUrl?: string; model?: string }): Promise<void> {
    // Exact names: the providers list below has its own "Key for …" and "Model for …" fields and "Save key" buttons.
    if (apiKey !== undefined) await this.root.getByLabel('API key', { exact: true }).fill(apiKey);
    if (baseUrl !== undefined) await this.root.getByLabel('Base URL', { exact: true }).fill(baseUrl);
    if (model !== undefined) await this.root.getByLabel('Model', { exact: true }).fill(model);
    await this.root.getByRole('button', { name: 'Save', exact: true }).click();
  }
}
