import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';

export interface TrayActions {
  quickAsk(): void;
  newChat(): void;
  showMain(): void;
  quit(): void;
}

export interface ParleyTray {
  /** Shows the hotkey beside "Quick ask", so the menu teaches it. Null when none is registered. */
  setHotkey(accelerator: string | null): void;
  destroy(): void;
}

export function trayMenuTemplate(actions: TrayActions, hotkey: string | null): MenuItemConstructorOptions[] {
  return [
    // registerAccelerator: false: the label only; the global shortcut itself is hotkey.ts's.
    { label: 'Quick ask', click: () => actions.quickAsk(), ...(hotkey ? { accelerator: hotkey, registerAccelerator: false } : {}) },
    { label: 'New chat', click: () => actions.newChat() },
    { label: 'Show Parley', click: () => actions.showMain() },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}

/** The menu-bar (macOS) or notification-area icon that keeps Parley reachable with its window closed. */
export function createTray(iconFile: string, actions: TrayActions, hotkey: string | null = null): ParleyTray {
  const icon = nativeImage.createFromPath(iconFile);
  // One colour plus alpha: macOS tints it for light and dark menu bars.
  if (process.platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  tray.setToolTip('Parley');
  const setHotkey = (accelerator: string | null) => tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions, accelerator)));
  setHotkey(hotkey);
  // Windows users expect a left click on the icon to bring the app up; macOS and Linux open the menu.
  if (process.platform === 'win32') tray.on('click', () => actions.showMain());
  return {
    setHotkey,
    destroy: () => tray.destroy(),
  };
}
