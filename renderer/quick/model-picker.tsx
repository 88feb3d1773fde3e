import { useEffect, useState } from 'react';
import { knownModelIds } from '../../shared/model-catalogue';
import { parley } from '../api/parley';
import { chooseModel, useQuickStore } from './quick-store';

/** The model for this quick ask: the default provider's own, or one from the catalogue. */
export function ModelPicker() {
  const model = useQuickStore((s) => s.model);
  const [defaultModel, setDefaultModel] = useState<string | null>(null);
  useEffect(() => {
    void parley.settings.getProvider({}).then((r) => r.ok && setDefaultModel(r.value.model));
  }, []);
  const choices = knownModelIds.filter((id) => id !== defaultModel);
  return (
    <select className="quick-model" aria-label="Model" title="Model" value={model} onChange={(e) => void chooseModel(e.target.value)}>
      <option value="">{defaultModel ? `${defaultModel} (default)` : 'Default model'}</option>
      {choices.map((id) => (
        <option key={id} value={id}>
          {id}
        </option>
      ))}
    </select>
  );
}
