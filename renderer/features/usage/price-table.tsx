import { useEffect, useState } from 'react';
import type { ModelPrice } from '../../../shared/usage';
import { parley } from '../../api/parley';

interface Row {
  model: string;
  input: string;
  output: string;
  listInput: number | null;
  listOutput: number | null;
}

const toRow = (p: ModelPrice): Row => ({ model: p.model, input: String(p.inputPerMillion), output: String(p.outputPerMillion), listInput: p.listInputPerMillion, listOutput: p.listOutputPerMillion });
const price = (text: string) => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 10_000 ? n : null;
};

/**
 * Prices per million tokens, editable: the catalogue's list prices until the
 * person changes one (a negotiated rate, a local model they want costed).
 */
export function PriceTable({ onSaved }: { onSaved(): void }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [newModel, setNewModel] = useState('');
  const [message, setMessage] = useState<{ kind: 'alert' | 'status'; text: string } | null>(null);

  useEffect(() => {
    void parley.settings.getPrices({}).then((r) => r.ok && setRows(r.value.prices.map(toRow)));
  }, []);
  if (!rows) return null;

  const edit = (model: string, field: 'input' | 'output', value: string) => {
    setMessage(null);
    setRows(rows.map((r) => (r.model === model ? { ...r, [field]: value } : r)));
  };

  function useListPrice(row: Row) {
    setMessage(null);
    setRows(rows!.map((x) => (x.model === row.model ? { ...x, input: String(row.listInput), output: String(row.listOutput) } : x)));
  }

  async function save() {
    const overrides = [];
    for (const r of rows!) {
      const input = price(r.input);
      const output = price(r.output);
      if (input === null || output === null) return setMessage({ kind: 'alert', text: `The price of ${r.model} is not a number of dollars from 0 to 10,000.` });
      if (input !== r.listInput || output !== r.listOutput) overrides.push({ model: r.model, inputPerMillion: input, outputPerMillion: output });
    }
    const r = await parley.settings.setPrices({ overrides });
    if (!r.ok) return setMessage({ kind: 'alert', text: r.error.message });
    setRows(r.value.prices.map(toRow));
    setMessage({ kind: 'status', text: 'Prices saved. New requests are costed at them.' });
    onSaved();
  }

  function addModel() {
    const model = newModel.trim();
    if (!model || rows!.some((r) => r.model === model)) return;
    setRows([...rows!, { model, input: '0', output: '0', listInput: null, listOutput: null }]);
    setNewModel('');
  }

  return (
    <form
      className="price-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="usage-scroll" tabIndex={0} role="region" aria-label="Prices per model">
        <table className="usage-table price-table">
          <caption>Prices in US$ per million tokens</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Input</th>
              <th scope="col">Output</th>
              <th scope="col">List price</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.model}>
                <th scope="row">{r.model}</th>
                <td>
                  <input inputMode="decimal" aria-label={`Input price of ${r.model}`} value={r.input} onChange={(e) => edit(r.model, 'input', e.target.value)} />
                </td>
                <td>
                  <input inputMode="decimal" aria-label={`Output price of ${r.model}`} value={r.output} onChange={(e) => edit(r.model, 'output', e.target.value)} />
                </td>
                <td>
                  {r.listInput === null ? (
                    'not listed'
                  ) : (
                    <button type="button" className="link" aria-label={`Use the list price of ${r.model}`} onClick={() => useListPrice(r)}>
                      ${r.listInput} / ${r.listOutput}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="price-actions">
        <label>
          Another model
          <input value={newModel} placeholder="e.g. llama3.1:8b" onChange={(e) => setNewModel(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), addModel())} />
        </label>
        <button type="button" onClick={addModel} disabled={newModel.trim() === ''}>
          Add model
        </button>
        <button type="submit" className="primary">
          Save prices
        </button>
      </div>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'problem' : 'hint'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
