import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The Chat options dialog, opened from the chat header. */
export class ConversationOptionsDialog {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Chat options' });
  }

  async open(): Promise<this> {
    await this.page.getByRole('button', { name: 'Chat options' }).click();
    await this.root.waitFor();
    // The fields stay disabled until the conversation's saved options arrive; reading them sooner sees blanks.
    await expect.poll(() => this.root.getByLabel('Model').isEnabled()).toBe(true);
    return this;
  }

  async choose({ model, systemPrompt, temperature, maxOutputTokens }: { model?: string; systemPrompt?: string; temperature?: string; maxOutputTokens?: string }): Promise<void> {
    if (model !== undefined) await this.root.getByLabel('Model').fill(model);
    if (systemPrompt !== undefined) await this.root.getByLabel('System prompt').fill(systemPrompt);
    if (temperature !== undefined) await this.root.getByLabel('Temperature').fill(temperature);
    if (maxOutputTokens !== undefined) await this.root.getByLabel('Max output tokens').fill(maxOutputTokens);
    await this.root.getByRole('button', { name: 'Save', exact: true }).click();
    await this.root.waitFor({ state: 'hidden' });
  }
}

/** The line under the composer: tokens and cost of the next request, and what it leaves out. */
export function requestEstimate(page: Page): Locator {
  return page.getByRole('group', { name: 'Next request' });
}
