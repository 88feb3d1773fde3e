/**
 * Fakes of the desktop parts of `electron` the quick-ask shell uses: global
 * shortcuts, the tray and its menu, images, displays and the clipboard.
 * Part of fake-electron.ts's state; reach them through fake().
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { checkAccelerator } from '../../shared/accelerator';

export class FakeGlobalShortcut {
  /** Held by other apps: register answers false for these, as Electron does. */
  readonly takenByOthers = new Set<string>();
  readonly callbacks = new Map<string, () => void>();

  /** One key for every spelling of a combination: on Linux and Windows CommandOrControl is Control. */
  private key(accelerator: string): string {
    const check = checkAccelerator(accelerator);
    // Electron throws a TypeError when the text does not convert to an accelerator.
    if (!check.ok) throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    return check.accelerator.replace('CommandOrControl', 'Control');
  }

  readonly register = vi.fn((accelerator: string, callback: () => void): boolean => {
    const key = this.key(accelerator);
    if (this.callbacks.has(key) || [...this.takenByOthers].some((t) => this.key(t) === key)) return false;
    this.callbacks.set(key, callback);
    return true;
  });
  readonly unregister = vi.fn((accelerator: string) => {
    this.callbacks.delete(this.key(accelerator));
  });
  readonly unregisterAll = vi.fn(() => this.callbacks.clear());
  isRegistered(accelerator: string): boolean {
    return this.callbacks.has(this.key(accelerator));
  }
  /** The person presses the combination anywhere on the desktop. */
  press(accelerator: string): void {
    this.callbacks.get(this.key(accelerator))?.();
  }
  registered(): string[] {
    return [...this.callbacks.keys()];
  }
}

export interface FakeMenuItem {
  label?: string;
  type?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: () => void;
}

export interface FakeMenu {
  items: FakeMenuItem[];
}

export const FakeMenuModule = {
  buildFromTemplate: (template: FakeMenuItem[]): FakeMenu => ({ items: template }),
};

export class FakeNativeImage {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(value: boolean): void {
    this.template = value;
  }
  isEmpty(): boolean {
    return false;
  }
}

export const FakeNativeImageModule = {
  createFromPath: (file: string) => new FakeNativeImage(file),
};

export class FakeTray extends EventEmitter {
  static all: FakeTray[] = [];
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(readonly image: FakeNativeImage | string) {
    super();
    FakeTray.all.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  labels(): string[] {
    return (this.menu?.items ?? []).filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
  }
  item(label: string): FakeMenuItem {
    const found = this.menu?.items.find((i) => i.label === label);
    if (!found) throw new Error(`No tray menu item "${label}" (have: ${this.labels().join(', ')})`);
    return found;
  }
  click(label: string): void {
    this.item(label).click?.();
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeDisplay {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

const inside = (p: { x: number; y: number }, r: Rect) => p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
const distance = (p: { x: number; y: number }, r: Rect) =>
  Math.hypot(Math.max(r.x - p.x, 0, p.x - (r.x + r.width - 1)), Math.max(r.y - p.y, 0, p.y - (r.y + r.height - 1)));

export class FakeScreen {
  /** One 1920x1080 display with a 40 px taskbar at the bottom, until a test sets others. */
  displays: FakeDisplay[] = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  cursor = { x: 100, y: 100 };
  getCursorScreenPoint = vi.fn(() => ({ ...this.cursor }));
  getDisplayNearestPoint = vi.fn((point: { x: number; y: number }): FakeDisplay => {
    const hit = this.displays.find((d) => inside(point, d.bounds));
    return hit ?? [...this.displays].sort((a, b) => distance(point, a.bounds) - distance(point, b.bounds))[0]!;
  });
  getPrimaryDisplay = vi.fn(() => this.displays[0]!);
}

export class FakeClipboard {
  text = '';
  readText = vi.fn(async () => this.text);
}
