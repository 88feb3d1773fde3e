import type { Provider, ProviderFallback } from '../../../shared/providers';
import { useProvidersStore } from '../../stores/providers-store';

/**
 * The model that answers when this provider is down (a local Ollama, say).
 * Only another provider is offered: when this one is down, its other models
 * are down with it.
 */
export function ProviderFallbackFields({ provider, value, onChange }: { provider: Provider; value: ProviderFallback | null; onChange(next: ProviderFallback | null): void }) {
  // Filtered outside the selector: a new array from it on every read would re-render for ever.
  const others = useProvidersStore((s) => s.providers).filter((p) => p.id !== provider.id);
  if (others.length === 0) return null;
  return (
    <>
      <label>
        {`When ${provider.name} is down, answer with`}
        <select
          value={value?.providerId ?? ''}
          onChange={(e) => {
            const target = others.find((p) => p.id === e.target.value);
            onChange(target ? { providerId: target.id, model: value?.model || target.model || '' } : null);
          }}
        >
          <option value="">No fallback</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {value && (
        <label>
          {`Fallback model for ${provider.name}`}
          <input spellCheck={false} value={value.model} onChange={(e) => onChange({ ...value, model: e.target.value })} />
        </label>
      )}
    </>
  );
}
