import type { Locator, Page } from 'playwright-core';
import { ChatMessage } from './chat-message';
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
    await this.page.getByRole('button', { name: 'Settings', exact: true }).waitFor();
  }

  async openSettings(): Promise<SettingsDialog> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click();
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

  /** The n-th answer on screen (0 is the first), with its actions. */
  answer(n: number): ChatMessage {
    return new ChatMessage(this.answers().nth(n));
  }

  question(n: number): ChatMessage {
    return new ChatMessage(this.questions().nth(n));
  }

  conversation(title: string | RegExp): Locator {
    return this.conversations.getByRole('button', { name: title, exact: typeof title === 'string' });
  }

  /** Opens the conversation's "⋯" menu and picks an action (Rename, Pin, Unpin, Export, Delete). */
  async conversationAction(title: string, action: string): Promise<void> {
    await this.conversations.getByRole('button', { name: `Actions for ${title}` }).click();
    await this.page.getByRole('menu', { name: `Actions for ${title}` }).getByRole('menuitem', { name: action }).click();
  }

  conversationGroup(label: string): Locator {
    return this.conversations.getByRole('region', { name: label });
  }

  alerts(): Locator {
    return this.page.getByRole('alert');
  }
}
