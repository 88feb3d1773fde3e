import type { ExplanationProgress } from '../../../shared/file-explanation';
import { partsText } from './plan-figures';

interface FileProgressProps {
  name: string;
  progress: ExplanationProgress | null;
  onStop(): void;
}

function phaseText(p: ExplanationProgress): string {
  if (p.waitingMs) return `waiting ${Math.ceil(p.waitingMs / 1000)} s for the rate limit`;
  if (p.phase === 'combining') return 'combining the parts';
  if (p.phase === 'done') return 'done';
  return 'explaining';
}

/** Parts done of a large file; Stop keeps the parts already explained. */
export function FileProgress({ name, progress, onStop }: FileProgressProps) {
  const done = progress?.partsDone ?? 0;
  const total = progress?.partsTotal ?? 1;
  return (
    <div className="file-progress" role="group" aria-label={`Explaining ${name}`}>
      <div className="file-progress-head">
        <span className="file-progress-name" title={name}>
          {name}
        </span>
        <span className="file-progress-count">
          {partsText(done, total)}
          {progress && <span className="file-progress-phase"> · {phaseText(progress)}</span>}
        </span>
        <button type="button" className="file-progress-stop" aria-label={`Stop explaining ${name}`} onClick={onStop}>
          Stop
        </button>
      </div>
      <div
        className="file-progress-track"
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={partsText(done, total)}
      >
        <div className="file-progress-fill" style={{ width: `${(100 * done) / total}%` }} />
      </div>
    </div>
  );
}
