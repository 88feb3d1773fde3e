import type { Theme } from '../../../shared/appearance';
import { useAppearanceStore } from '../../stores/appearance-store';

const labels: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Applies as soon as it changes, like the theme pickers people know; no Save needed. */
export function ThemePicker() {
  const { theme, setTheme } = useAppearanceStore();
  return (
    <label>
      Theme
      <select value={theme} onChange={(e) => void setTheme(e.target.value as Theme)}>
        {(Object.keys(labels) as Theme[]).map((t) => (
          <option key={t} value={t}>
            {labels[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
