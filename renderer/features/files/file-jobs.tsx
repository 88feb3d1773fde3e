import './files.css';
import { ConfirmExplainDialog } from './confirm-explain-dialog';
import { DirectoryOffer } from './directory-offer';
import { cancelJob, confirmJob, stopJob } from './file-actions';
import { removeJob, useFileJobs, type FileJob } from './file-jobs-store';
import { FileProgress } from './file-progress';

/**
 * The files on their way in: reading, the confirmation before a large one,
 * the parts done, a refusal and a folder's files. Shown above the question
 * box; `conversationId` filters to the conversation on screen (undefined: all).
 */
export function FileJobs({ conversationId, inlineConfirm = false }: { conversationId?: string | null; inlineConfirm?: boolean }) {
  const jobs = useFileJobs((s) => s.jobs);
  const offers = useFileJobs((s) => s.offers);
  // Progress belongs to its conversation; readings, refusals and questions show wherever the person is.
  const here = (j: FileJob) => conversationId === undefined || j.state !== 'explaining' || j.conversationId === conversationId;
  const shown = jobs.filter(here);
  // One question at a time: several large files are confirmed one after another.
  const confirming = jobs.find((j) => j.state === 'confirming');
  if (!shown.length && !offers.length && !confirming) return null;
  return (
    <div className="file-jobs">
      {shown.map((job) => (
        <FileJobRow key={job.id} job={job} />
      ))}
      {offers.map((offer) => (
        <DirectoryOffer key={offer.id} offer={offer} />
      ))}
      {confirming?.prepared && (
        <ConfirmExplainDialog
          key={confirming.id}
          summary={confirming.prepared.plan}
          inline={inlineConfirm}
          onExplain={() => confirmJob(confirming.id)}
          onCancel={() => cancelJob(confirming.id)}
        />
      )}
    </div>
  );
}

function FileJobRow({ job }: { job: FileJob }) {
  if (job.state === 'refused') {
    return (
      <div role="alert" className="file-refusal">
        <span>{job.error ?? `${job.name} could not be explained.`}</span>
        <button type="button" className="icon" aria-label={`Dismiss the message about ${job.name}`} onClick={() => removeJob(job.id)}>
          ×
        </button>
      </div>
    );
  }
  if (job.state === 'explaining' && job.prepared && !job.prepared.plan.inline) {
    return <FileProgress name={job.name} progress={job.progress} onStop={() => stopJob(job.id)} />;
  }
  if (job.state === 'waiting') {
    return (
      <p className="file-status" role="status">
        {job.name} waits for the file before it.
        <button type="button" className="icon" aria-label={`Do not explain ${job.name}`} onClick={() => cancelJob(job.id)}>
          ×
        </button>
      </p>
    );
  }
  if (job.state === 'preparing' || job.state === 'starting') {
    return (
      <p className="file-status" role="status">
        Reading {job.name}…
      </p>
    );
  }
  return null;
}
