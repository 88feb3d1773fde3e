import { pickOffered, dismissOffer } from './file-actions';
import type { DirectoryOffer as Offer } from './file-jobs-store';
import { formatSize } from './plan-figures';

/** A folder is not explained whole: its files are offered, one click each. */
export function DirectoryOffer({ offer }: { offer: Offer }) {
  return (
    <section className="directory-offer" aria-label={`Files in ${offer.name}`}>
      <div className="directory-offer-head">
        <span>
          <strong>{offer.name}</strong> is a folder. {offer.files.length ? 'Choose a file in it to explain:' : 'It has no files to explain.'}
        </span>
        <button type="button" className="icon" aria-label={`Dismiss the files of ${offer.name}`} onClick={() => dismissOffer(offer.id)}>
          ×
        </button>
      </div>
      {offer.files.length > 0 && (
        <ul className="directory-offer-files">
          {offer.files.map((f) => (
            <li key={f.name}>
              <button type="button" aria-label={`Explain ${f.name}`} onClick={() => pickOffered(offer.id, f)}>
                {f.name} <span className="file-size">{formatSize(f.size)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {offer.more > 0 && <p className="directory-offer-more">and {offer.more} more not shown</p>}
    </section>
  );
}
