import { useId } from 'react';

export interface Bar {
  /** Short label under the bar (e.g. "Nov 26"). */
  label: string;
  value: number;
  /** The value as a person reads it ("$0.42", "12 requests"). */
  text: string;
}

const width = 640;
const height = 180;
const pad = { top: 20, right: 8, bottom: 24, left: 8 };

/**
 * A bar chart drawn as SVG, no library: one bar per day. It is an image to
 * assistive technology, named by its caption and summed up in words; the
 * numbers themselves are in the table beside it, which is what a screen
 * reader should read. Each bar still has a title for pointer users.
 */
export function BarChart({ caption, bars, summary }: { caption: string; bars: Bar[]; summary: string }) {
  const captionId = useId();
  const summaryId = useId();
  const max = Math.max(0, ...bars.map((b) => b.value));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const barW = Math.max(1, Math.min(28, slot * 0.7));
  // About eight labels whatever the range, so a year of days does not print 365 dates on top of each other.
  const labelEvery = Math.max(1, Math.ceil(bars.length / 8));
  return (
    <figure className="bar-chart">
      <figcaption id={captionId}>{caption}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={captionId} aria-describedby={summaryId}>
        <line className="axis" x1={pad.left} x2={width - pad.right} y1={pad.top + plotH} y2={pad.top + plotH} />
        {max > 0 && (
          <>
            <line className="grid" x1={pad.left} x2={width - pad.right} y1={pad.top} y2={pad.top} />
            <text className="tick" x={width - pad.right} y={pad.top - 6} textAnchor="end">
              {bars.find((b) => b.value === max)!.text}
            </text>
          </>
        )}
        {bars.map((b, i) => {
          const h = max === 0 ? 0 : (b.value / max) * plotH;
          const x = pad.left + i * slot + (slot - barW) / 2;
          return (
            <g key={`${b.label}-${i}`}>
              <rect className="bar" x={x} y={pad.top + plotH - h} width={barW} height={Math.max(h, b.value > 0 ? 1 : 0)} rx={Math.min(3, barW / 3)}>
                <title>{`${b.label}: ${b.text}`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text className="tick" x={x + barW / 2} y={height - 6} textAnchor="middle">
                  {b.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p id={summaryId} className="hint">
        {summary}
      </p>
    </figure>
  );
}
