import type { Locator, Page } from 'playwright-core';

/** The quick-ask window's page, as a person uses it after pressing the hotkey. */
export class QuickWindow {
  readonly ask: Locator;
  readonly model: Locator;
  readonly useClipboard: Locator;
  /** The quote that will go with the question. */
  readonly clipboardPreview: Locator;
  readonly pin: Locator;

  constructor(readonly page: Page) {
    this.ask = page.getByRole('textbox', { name: 'Ask' });
    this.model = page.getByRole('combobox', { name: 'Model' });
    this.useClipboard = page.getByRole('checkbox', { name: 'Use clipboard text' });
    this.clipboardPreview = page.getByRole('figure', { name: 'Clipboard text to send' });
    this.pin = page.getByRole('button', { name: 'Keep this window open' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    // quick.html has an Ask box of its own that takes typing before the script runs, so `ask` is there at once; the
    // app's box (in #root) replaces it when React starts, and only then do Enter, Esc and the focus behave.
    await this.page.locator('#root').getByRole('textbox', { name: 'Ask' }).waitFor();
  }

  async question(text: string): Promise<void> {
    await this.ask.fill(text);
    await this.ask.press('Enter');
  }

  sendButton(): Locator {
    return this.page.getByRole('button', { name: 'Send', exact: true });
  }

  stopButton(): Locator {
    return this.page.getByRole('button', { name: 'Stop', exact: true });
  }

  openInMainButton(): Locator {
    return this.page.getByRole('button', { name: 'Open in main window' });
  }

  answers(): Locator {
    return this.page.getByRole('article', { name: /^Assistant/ });
  }

  questions(): Locator {
    return this.page.getByRole('article', { name: 'You' });
  }

  askIsFocused(): Promise<boolean> {
    return this.ask.evaluate((el) => el === document.activeElement);
  }

  /** Every script file the page has fetched so far (the entry, its chunks, lazily imported ones). */
  scriptsLoaded(): Promise<string[]> {
    return this.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname.split('/').pop()!)
        .filter((name) => name.endsWith('.js')),
    );
  }
}
