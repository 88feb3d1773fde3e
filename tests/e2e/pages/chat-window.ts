import type { Locator, Page } from 'playwright-core';
import { SettingsDialog } from './settings-dialog';

/** The main window as a person sees it: what the tests do reads like their steps. */
export class ChatWindow {
  readonly settings: SettingsDialog;
  readonly composer: Locator;
  readonly conversations: Locator;

  constructor(readonly page: Page) {
    this.settings = new SettingsDialog(page);
    this.composer = page.getByRole('textbox', { name: 'Message' });
    this.conversations = page.getByRole('navigation', { name: 'Conversations' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('button', { name: 'Settings' }).waitFor();
  }

  async openSettings(): Promise<SettingsDialog> {
    await this.page.getByRole('button', { name: 'Settings' }).click();
    await this.settings.root.waitFor();
    return this.settings;
  }

  async ask(question: string): Promise<void> {
    await this.composer.fill(question);
    await this.composer.press('Enter');
  }

  stopButton(): Locator {
    return this.page.getByRole('button', { name: 'Stop' });
  }

  sendButton(): Locator {
    return this.page.getByRole('button', { name: 'Send' });
  }

  messages(): Locator {
    return this.page.getByRole('article');
  }

  answers(): Locator {
    return this.page.getByRole('article', { name: /^Assistant/ });
  }

  questions(): Locator {
    return this.page.getByRole('article', { name: /^You/ });
  }

  conversation(title: string | RegExp): Locator {
    return this.conversations.getByRole('button', { name: title, exact: typeof title === 'string' });
  }

  alerts(): Locator {
    return this.page.getByRole('alert');
  }
}
