import { defaultUpdateSettings, type UpdateReady, type UpdateSettings } from '../../../shared/app-updates';
import type { SettingsRepository } from '../../db/settings-repository';

/**
 * What the backend asks of the updater around it (electron/shell/auto-update.ts
 * in the packaged app). Absent (tests, the browser host, `npm start`): there is
 * nothing to check and nothing to restart into.
 */
export interface UpdateControl {
  /** The person turned automatic checks on or off. */
  setCheckAutomatically(on: boolean): void;
  /** Quits and installs the downloaded update; false when none is ready. */
  restartToUpdate(): boolean;
}

const key = 'updates';

export function createUpdateSettings(settings: SettingsRepository, control: UpdateControl | undefined) {
  let ready: UpdateReady | null = null;
  return {
    get: (): UpdateSettings => ({ ...defaultUpdateSettings, ...settings.get<Partial<UpdateSettings>>(key) }),
    set(update: UpdateSettings): UpdateSettings {
      settings.set(key, update);
      control?.setCheckAutomatically(update.checkAutomatically);
      return this.get();
    },
    /** Remembers the update the window was told of, so a restart is offered only for one that exists. */
    markReady(update: UpdateReady): void {
      ready = update;
    },
    restart: (): { restarting: boolean } => ({ restarting: ready !== null && control !== undefined && control.restartToUpdate() }),
  };
}

export type UpdateSettingsService = ReturnType<typeof createUpdateSettings>;
