import type { Locator, Page } from 'playwright-core';

/** The search box at the top of the sidebar and the results it shows. */
export class SearchPanel {
  readonly box: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByRole('searchbox', { name: 'Search conversations' });
    this.results = page.getByRole('region', { name: 'Search results' });
  }

  /** Types the way a person does, one key at a time, so every keystroke searches. */
  async type(text: string): Promise<void> {
    await this.box.click();
    await this.box.pressSequentially(text, { delay: 30 });
  }

  messageResult(name: string | RegExp): Locator {
    return this.results.getByRole('region', { name: 'Matching messages' }).getByRole('button', { name });
  }

  conversationResult(name: string | RegExp): Locator {
    return this.results.getByRole('region', { name: 'Matching conversations' }).getByRole('button', { name });
  }

  status(): Locator {
    return this.results.getByRole('status');
  }
}
