import type { Locator } from 'playwright-core';

/** One message on screen, with what a person can do to it. */
export class ChatMessage {
  constructor(readonly root: Locator) {}

  text(): Promise<string | null> {
    return this.root.textContent();
  }

  button(name: 'Regenerate' | 'Edit' | 'Copy' | 'Continue' | 'Previous version' | 'Next version'): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  async regenerate(): Promise<void> {
    await this.button('Regenerate').click();
  }

  async copy(): Promise<void> {
    await this.button('Copy').click();
  }

  async continue(): Promise<void> {
    await this.button('Continue').click();
  }

  /** The text box of a question being edited. */
  editor(): Locator {
    return this.root.getByRole('textbox', { name: 'Edited message' });
  }

  /** Opens the editor, replaces the text and sends it as a new version. */
  async editAndSend(text: string): Promise<void> {
    await this.button('Edit').click();
    await this.editor().fill(text);
    await this.root.getByRole('button', { name: 'Save and send' }).click();
  }

  async previousVersion(): Promise<void> {
    await this.button('Previous version').click();
  }

  async nextVersion(): Promise<void> {
    await this.button('Next version').click();
  }

  isFocused(name: Parameters<ChatMessage['button']>[0]): Promise<boolean> {
    return this.button(name).evaluate((el) => el === document.activeElement);
  }

  /** "Version 2 of 3", or null when the message has one version. */
  async version(): Promise<string | null> {
    const group = this.root.getByRole('group', { name: /^Version \d+ of \d+$/ });
    return (await group.count()) === 0 ? null : group.getAttribute('aria-label');
  }

  /** What the message says after an action, such as "Copied". */
  note(): Locator {
    return this.root.getByRole('status');
  }
}
