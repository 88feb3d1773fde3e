import { useEffect, useState } from 'react';
import type { UpdateSettings } from '../../../shared/app-updates';
import { parley } from '../../api/parley';

/** Applies at once, like the quick-ask switches: turning checks on checks straight away. */
export function UpdateSection() {
  const [settings, setSettings] = useState<UpdateSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void parley.settings.getUpdates({}).then((r) => (r.ok ? setSettings(r.value) : setProblem(r.error.message)));
  }, []);

  async function toggle(on: boolean): Promise<void> {
    setSettings({ checkAutomatically: on });
    const r = await parley.settings.setUpdates({ checkAutomatically: on });
    setSettings(r.ok ? r.value : { checkAutomatically: !on });
    setProblem(r.ok ? null : r.error.message);
  }

  return (
    <fieldset>
      <legend>Updates</legend>
      {settings && (
        <label className="check">
          <input type="checkbox" checked={settings.checkAutomatically} onChange={(e) => void toggle(e.target.checked)} />
          Check for updates automatically
        </label>
      )}
      {problem && (
        <div role="alert" className="problem">
          {problem}
        </div>
      )}
    </fieldset>
  );
}
