import { useEffect, useState } from 'react';
import type { UpdateReady } from '../../../shared/app-updates';
import { parley } from '../../api/parley';
import './updates.css';

/**
 * Shown once an update has downloaded in the background (app:updateReady).
 * "Later" hides it for now; the update installs at the next quit anyway.
 */
export function UpdateBanner() {
  const [ready, setReady] = useState<UpdateReady | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restarting, setRestarting] = useState(false);

  useEffect(() => parley.subscribe('app:updateReady', setReady), []);

  if (!ready) return null;

  async function restart(): Promise<void> {
    setRestarting(true);
    const r = await parley.app.restartToUpdate({});
    if (r.ok && r.value.restarting) return; // Parley is closing
    setRestarting(false);
    setProblem(r.ok ? 'The update could not be installed now; it will be the next time Parley quits.' : r.error.message);
  }

  return (
    <div role="status" className="update-banner" aria-label="Update ready">
      <span>
        Parley {ready.version} is ready to install.{problem && ` ${problem}`}
      </span>
      <button type="button" className="primary" disabled={restarting} onClick={() => void restart()}>
        Restart to update
      </button>
      <button type="button" className="link" onClick={() => setReady(null)}>
        Later
      </button>
    </div>
  );
}
