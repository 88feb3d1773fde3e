import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createTray, type TrayActions } from '../../electron/shell/tray';
import { FakeTray, type FakeNativeImage } from './fake-desktop';
import { resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const realPlatform = process.platform;
function setPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

let actions: { [K in keyof TrayActions]: Mock<() => void> };

function tray(): FakeTray {
  return FakeTray.all.at(-1)!;
}

beforeEach(() => {
  resetFakeElectron();
  setPlatform(realPlatform);
  actions = { quickAsk: vi.fn(), newChat: vi.fn(), showMain: vi.fn(), quit: vi.fn() };
});

describe('the tray icon', () => {
  it('offers Quick ask, New chat, Show Parley and Quit, in that order', () => {
    createTray('/opt/parley/out/electron/assets/tray-icon.png', actions);
    expect(tray().labels()).toEqual(['Quick ask', 'New chat', 'Show Parley', 'Quit']);
    expect(tray().tooltip).toBe('Parley');
  });

  it('runs the matching action for each item', () => {
    createTray('/icon.png', actions);
    for (const [label, action] of [
      ['Quick ask', actions.quickAsk],
      ['New chat', actions.newChat],
      ['Show Parley', actions.showMain],
      ['Quit', actions.quit],
    ] as const) {
      tray().click(label);
      expect(action).toHaveBeenCalledTimes(1);
    }
  });

  it('shows the hotkey beside Quick ask without registering it a second time', () => {
    const handle = createTray('/icon.png', actions, 'CommandOrControl+Shift+Space');
    expect(tray().item('Quick ask')).toMatchObject({ accelerator: 'CommandOrControl+Shift+Space', registerAccelerator: false });
    handle.setHotkey('Alt+Space');
    expect(tray().item('Quick ask').accelerator).toBe('Alt+Space');
    handle.setHotkey(null);
    expect(tray().item('Quick ask').accelerator).toBeUndefined();
  });

  it('loads its icon from the built assets, as a template image on macOS only', () => {
    createTray('/icon.png', actions);
    expect((tray().image as FakeNativeImage).path).toBe('/icon.png');
    expect((tray().image as FakeNativeImage).template).toBe(false);
    setPlatform('darwin');
    createTray('/icon.png', actions);
    expect((tray().image as FakeNativeImage).template).toBe(true);
  });

  it('brings the chat window up on a left click on Windows', () => {
    setPlatform('win32');
    createTray('/icon.png', actions);
    tray().emit('click');
    expect(actions.showMain).toHaveBeenCalledTimes(1);
  });

  it('can be taken down', () => {
    createTray('/icon.png', actions).destroy();
    expect(tray().destroyed).toBe(true);
  });
});
