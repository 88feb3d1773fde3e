import { app, BrowserWindow, screen, type Rectangle } from 'electron';
import { QUICK_WINDOW_MAX_HEIGHT, QUICK_WINDOW_MIN_HEIGHT, QUICK_WINDOW_WIDTH } from '../../shared/quick-ask';
import type { AppPaths } from './app-paths';
import { createSecureWindow } from './window-security';

/** How far down the work area the window's top edge sits: high enough to read as a popup, not a dialog. */
const TOP_FRACTION = 0.2;

/**
 * The quick-ask popup. Made once, hidden, at start-up and never closed while
 * Parley runs, so the hotkey shows a window whose page is already loaded and
 * painted instead of paying a cold start.
 */
export interface QuickWindow {
  readonly window: BrowserWindow;
  show(): void;
  /** Esc or the hotkey: hides and, on macOS, hands focus back to the app the person came from. Returns whether it was showing. */
  hide(): boolean;
  toggle(): void;
  /** Fits the window to its content's height, clamped to the allowed range, keeping its top edge. Returns the height used. */
  resize(contentHeight: number): number;
  setPinned(pinned: boolean): void;
  /** Quit only: the one way the window really closes. */
  destroy(): void;
}

export function clampQuickHeight(contentHeight: number): number {
  const h = Number.isFinite(contentHeight) ? Math.round(contentHeight) : QUICK_WINDOW_MIN_HEIGHT;
  return Math.min(QUICK_WINDOW_MAX_HEIGHT, Math.max(QUICK_WINDOW_MIN_HEIGHT, h));
}

/** Centred across the work area, a fifth of the way down, and never past its edges. */
export function quickWindowBounds(workArea: Rectangle, height: number): Rectangle {
  const width = Math.min(QUICK_WINDOW_WIDTH, workArea.width);
  const x = workArea.x + Math.round((workArea.width - width) / 2);
  const lowest = workArea.y + Math.max(0, workArea.height - height);
  const y = Math.min(workArea.y + Math.round(workArea.height * TOP_FRACTION), lowest);
  return { x, y, width, height };
}

export interface QuickWindowOptions {
  onLoadError?: (err: unknown) => void;
}

export function createQuickWindow(paths: AppPaths, { onLoadError = () => undefined }: QuickWindowOptions = {}): QuickWindow {
  const win = createSecureWindow({
    preload: paths.preloadFile,
    title: 'Parley quick ask',
    width: QUICK_WINDOW_WIDTH,
    height: QUICK_WINDOW_MIN_HEIGHT,
    show: false,
    frame: false,
    resizable: false,
    movable: true,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
  });
  // On every Space and over full-screen apps, as a popup summoned from anywhere must be. Without
  // skipTransformProcessType Electron turns Parley into a UI element app, which hides its dock icon.
  if (process.platform === 'darwin') win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
  win.on('page-title-updated', (event) => event.preventDefault());

  let pinned = false;
  let closable = false;
  /** Whether Parley was in the background when the hotkey was pressed, so Esc should give the focus back. */
  let summonedFromElsewhere = false;

  // Clicking elsewhere puts it away, like a menu; a pinned window stays for reading beside other work.
  win.on('blur', () => {
    if (!pinned && win.isVisible()) win.hide();
  });
  win.on('close', (event) => {
    if (closable) return;
    event.preventDefault();
    win.hide();
  });

  const quick: QuickWindow = {
    window: win,
    show() {
      summonedFromElsewhere = BrowserWindow.getFocusedWindow() === null;
      const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
      win.setBounds(quickWindowBounds(display.workArea, win.getBounds().height));
      win.show();
      win.focus();
      win.webContents.send('quick:shown', { at: Date.now() });
    },
    hide() {
      if (!win.isVisible()) return false;
      // Asked before hiding: "Open in main window" has just put the chat window in front, and it must stay there.
      const focused = BrowserWindow.getFocusedWindow();
      const otherInFront = focused !== null && focused !== win;
      win.hide();
      // macOS keeps Parley active with no window in front; hiding the app returns the person to where they were.
      // Windows and Linux hand the focus to the window below on their own.
      if (process.platform === 'darwin' && summonedFromElsewhere && !otherInFront) app.hide();
      return true;
    },
    toggle() {
      if (win.isVisible()) quick.hide();
      else quick.show();
    },
    resize(contentHeight) {
      const height = clampQuickHeight(contentHeight);
      const bounds = win.getBounds();
      if (bounds.height !== height) win.setBounds({ ...bounds, height });
      return height;
    },
    setPinned(value) {
      pinned = value;
    },
    destroy() {
      closable = true;
      if (!win.isDestroyed()) win.destroy();
    },
  };

  win.loadFile(paths.quickRendererFile).catch(onLoadError);
  return quick;
}
