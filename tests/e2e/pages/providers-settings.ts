import type { Locator } from 'playwright-core';
import type { SettingsDialog } from './settings-dialog';

/** The Providers section of Settings: the list, one entry per provider, and the form that adds one. */
export class ProvidersSettings {
  readonly root: Locator;
  readonly addForm: Locator;

  constructor(settings: SettingsDialog) {
    this.root = settings.root.getByRole('group', { name: 'Providers' });
    this.addForm = this.root.getByRole('group', { name: 'Add a provider' });
  }

  provider(name: string): Locator {
    return this.root.getByRole('listitem', { name, exact: true });
  }

  async add({ kind, name, url, key }: { kind: string; name: string; url: string; key?: string }): Promise<void> {
    await this.addForm.getByLabel('Kind').selectOption({ label: kind });
    await this.addForm.getByLabel('Name', { exact: true }).fill(name);
    await this.addForm.getByLabel(/^(Address|Endpoint) of the new provider$/).fill(url);
    if (key !== undefined) await this.addForm.getByLabel(/^Key of the new provider/).fill(key);
    await this.addForm.getByRole('button', { name: 'Add provider' }).click();
    await this.provider(name).waitFor();
  }

  async fetchModels(name: string): Promise<void> {
    await this.provider(name).getByRole('button', { name: `Fetch models of ${name}` }).click();
  }

  modelPicker(name: string): Locator {
    return this.provider(name).getByLabel(`Model for ${name}`);
  }

  async testConnection(name: string): Promise<void> {
    await this.provider(name).getByRole('button', { name: `Test connection to ${name}` }).click();
  }

  /** What the last test said when it worked. */
  connectionStatus(name: string): Locator {
    return this.provider(name).getByRole('status');
  }

  /** What went wrong, in words. */
  problem(name: string): Locator {
    return this.provider(name).getByRole('alert');
  }

  /** Changes a provider's address in place, keeping it and its key. */
  async changeAddress(name: string, url: string): Promise<void> {
    await this.provider(name).getByRole('button', { name: `Edit ${name}` }).click();
    await this.provider(name).getByLabel(`Address of ${name}`).fill(url);
    await this.provider(name).getByRole('button', { name: 'Save changes' }).click();
    await this.provider(name).getByRole('group', { name: `Edit ${name}` }).waitFor({ state: 'detached' });
  }

  async makeDefault(name: string): Promise<void> {
    await this.provider(name).getByRole('button', { name: `Make ${name} the default` }).click();
  }

  localOffer(serverName: string): Locator {
    return this.root.getByRole('button', { name: `Use ${serverName} (found on this computer)` });
  }
}
