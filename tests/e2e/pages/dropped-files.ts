import type { JSHandle, Locator, Page } from 'playwright-core';

/** A file to drop: text, or raw bytes for binaries (a zip, an image). */
export interface FileToDrop {
  name: string;
  content: string | number[];
  type?: string;
}

/**
 * Files dragged and dropped onto a window through real drag events carrying
 * a DataTransfer, as the operating system's drag would deliver them; and
 * what the window shows of them (overlay, confirmation, progress, refusals).
 */
export class DroppedFiles {
  constructor(readonly page: Page) {}

  /** A DataTransfer made in the page, holding real File objects. */
  dataTransfer(files: FileToDrop[]): Promise<JSHandle<DataTransfer>> {
    return this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], f.name, { type: f.type ?? '' }));
      return dt;
    }, files);
  }

  /** Drags the files over `on` and holds them there: the overlay shows, nothing is dropped yet. */
  async dragOver(on: Locator, files: FileToDrop[]): Promise<JSHandle<DataTransfer>> {
    const dataTransfer = await this.dataTransfer(files);
    await on.dispatchEvent('dragenter', { dataTransfer });
    await on.dispatchEvent('dragover', { dataTransfer });
    return dataTransfer;
  }

  async drop(on: Locator, files: FileToDrop[]): Promise<void> {
    const dataTransfer = await this.dragOver(on, files);
    await on.dispatchEvent('drop', { dataTransfer });
  }

  /** The drag left the window without dropping. */
  async dragLeave(on: Locator, dataTransfer: JSHandle<DataTransfer>): Promise<void> {
    await on.dispatchEvent('dragleave', { dataTransfer });
  }

  /** What the overlay says a drop would do. */
  overlay(): Locator {
    return this.page.locator('.drop-overlay').getByRole('status').locator('.drop-overlay-text');
  }

  confirmation(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Explain ${name}?` });
  }

  progress(name: string): Locator {
    return this.page.getByRole('progressbar', { name, exact: true });
  }

  stopButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Stop explaining ${name}` });
  }

  refusal(): Locator {
    return this.page.locator('.file-refusal');
  }

  reusedLabel(): Locator {
    return this.page.getByRole('note', { name: /^Reused/ });
  }

  regenerateButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Regenerate the explanation of ${name}` });
  }

  /** A question's file chips, each named "<name>, <kind>, <size>". */
  attachments(question: Locator): Locator {
    return question.getByRole('list', { name: 'Attached files' }).getByRole('listitem');
  }
}
