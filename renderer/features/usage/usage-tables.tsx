import type { Percentiles, UsageGroup, UsageSummary } from '../../../shared/usage';
import { formatCount, formatMs, formatRate, formatUsd, monthName, shortDay } from './format';

/** A table that may grow long scrolls in its own box, which the keyboard can reach and a screen reader names. */
function Scroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="usage-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

const costCell = (g: { costUsd: number; unpricedRequests: number }) => `${formatUsd(g.costUsd)}${g.unpricedRequests > 0 ? ' + unpriced' : ''}`;

export function TotalsList({ summary }: { summary: UsageSummary }) {
  const t = summary.totals;
  return (
    <dl className="usage-totals">
      <div>
        <dt>Requests</dt>
        <dd>{formatCount(t.requests)}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd>{formatUsd(t.costUsd)}</dd>
      </div>
      <div>
        <dt>Tokens sent</dt>
        <dd>{formatCount(t.promptTokens)}</dd>
      </div>
      <div>
        <dt>Tokens received</dt>
        <dd>{formatCount(t.completionTokens)}</dd>
      </div>
      <div>
        <dt>Errors</dt>
        <dd>{formatCount(t.errors)}</dd>
      </div>
      <div>
        <dt>Estimated</dt>
        <dd title="Requests whose provider reported no usage: Parley counted their tokens itself.">{formatCount(t.estimatedRequests)}</dd>
      </div>
    </dl>
  );
}

export function DaysTable({ summary }: { summary: UsageSummary }) {
  return (
    <Scroll label="Usage per day">
      <table className="usage-table">
        <caption>Per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Requests</th>
            <th scope="col">Errors</th>
            <th scope="col">Tokens</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {[...summary.days].reverse().map((d) => (
            <tr key={d.day}>
              <th scope="row">{shortDay(d.day)}</th>
              <td>{formatCount(d.requests)}</td>
              <td>{formatCount(d.errors)}</td>
              <td>{formatCount(d.promptTokens + d.completionTokens)}</td>
              <td>{costCell(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

export function MonthsTable({ summary }: { summary: UsageSummary }) {
  return (
    <table className="usage-table">
      <caption>Per month</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Requests</th>
          <th scope="col">Tokens</th>
          <th scope="col">Cost</th>
        </tr>
      </thead>
      <tbody>
        {summary.months.map((m) => (
          <tr key={m.month}>
            <th scope="row">{monthName(m.month)}</th>
            <td>{formatCount(m.requests)}</td>
            <td>{formatCount(m.promptTokens + m.completionTokens)}</td>
            <td>{costCell(m)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PercentileRow({ name, p, format }: { name: string; p: Percentiles; format: (v: number | null) => string }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{format(p.p50)}</td>
      <td>{format(p.p95)}</td>
      <td>{format(p.p99)}</td>
    </tr>
  );
}

export function SpeedTable({ summary }: { summary: UsageSummary }) {
  return (
    <table className="usage-table">
      <caption>Speed</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">p50</th>
          <th scope="col">p95</th>
          <th scope="col">p99</th>
        </tr>
      </thead>
      <tbody>
        <PercentileRow name="Time to first token" p={summary.ttftMs} format={formatMs} />
        <PercentileRow name="Total time" p={summary.totalMs} format={formatMs} />
        <PercentileRow name="Tokens per second" p={summary.tokensPerSecond} format={formatRate} />
      </tbody>
    </table>
  );
}

export function ErrorsTable({ summary }: { summary: UsageSummary }) {
  if (summary.errors.length === 0) return <p className="hint">No errors in this period.</p>;
  return (
    <table className="usage-table">
      <caption>Errors by kind</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Count</th>
        </tr>
      </thead>
      <tbody>
        {summary.errors.map((e) => (
          <tr key={e.code}>
            <th scope="row">{e.code}</th>
            <td>{formatCount(e.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Requests, errors, tokens, cost and speed per model, provider or conversation. */
export function GroupTable({ caption, first, groups, withProvider }: { caption: string; first: string; groups: UsageGroup[]; withProvider?: boolean }) {
  if (groups.length === 0) return null;
  return (
    <Scroll label={caption}>
      <table className="usage-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {withProvider && <th scope="col">Provider</th>}
            <th scope="col">Requests</th>
            <th scope="col">Errors</th>
            <th scope="col">Tokens</th>
            <th scope="col">Cost</th>
            <th scope="col">First token p50</th>
            <th scope="col">Tokens per second</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.provider ?? ''}/${g.key}`}>
              <th scope="row">{g.label}</th>
              {withProvider && <td>{g.provider}</td>}
              <td>{formatCount(g.requests)}</td>
              <td>{formatCount(g.errors)}</td>
              <td>
                {formatCount(g.promptTokens + g.completionTokens)}
                {g.estimatedRequests > 0 && <abbr title={`${g.estimatedRequests} of these requests had no usage report: tokens counted by Parley`}> (est.)</abbr>}
              </td>
              <td>{costCell(g)}</td>
              <td>{formatMs(g.ttftMs.p50)}</td>
              <td>{formatRate(g.tokensPerSecond)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}
