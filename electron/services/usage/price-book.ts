import { findModel, knownModelIds } from '../../../shared/model-catalogue';
import type { PriceList, PriceOverride } from '../../../shared/usage';
import type { SettingsRepository } from '../../db/settings-repository';

const key = 'usage.prices';

export interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
}

/**
 * Prices per model: the person's own where they set one (a negotiated rate,
 * a local model they want to cost, a provider that changed its list), the
 * catalogue's list price otherwise. Stored in settings, applied to every
 * cost Parley works out from then on; costs already stored stay as they were
 * billed at the time.
 */
export function createPriceBook(settings: SettingsRepository) {
  let overrides = new Map<string, Price>((settings.get<PriceOverride[]>(key) ?? []).map((p) => [p.model, { inputPerMillion: p.inputPerMillion, outputPerMillion: p.outputPerMillion }]));

  function priceOf(model: string): Price | null {
    const own = overrides.get(model);
    if (own) return own;
    const listed = findModel(model);
    return listed ? { inputPerMillion: listed.inputPerMillion, outputPerMillion: listed.outputPerMillion } : null;
  }

  function list(): PriceList {
    const models = [...new Set([...knownModelIds, ...overrides.keys()])];
    return {
      prices: models.map((model) => {
        const listed = findModel(model);
        const price = priceOf(model)!;
        return {
          model,
          ...price,
          listInputPerMillion: listed?.inputPerMillion ?? null,
          listOutputPerMillion: listed?.outputPerMillion ?? null,
          edited: overrides.has(model),
        };
      }),
    };
  }

  return {
    priceOf,
    /** In US dollars; null for a model without a price. */
    costOf(model: string, promptTokens: number, completionTokens: number): number | null {
      const p = priceOf(model);
      return p ? (promptTokens * p.inputPerMillion + completionTokens * p.outputPerMillion) / 1_000_000 : null;
    },
    list,
    set(next: PriceOverride[]): PriceList {
      // An "override" equal to the list price is no override: it would stop following the catalogue for nothing.
      const kept = next.filter((p) => {
        const listed = findModel(p.model);
        return !listed || listed.inputPerMillion !== p.inputPerMillion || listed.outputPerMillion !== p.outputPerMillion;
      });
      settings.set(key, kept);
      overrides = new Map(kept.map((p) => [p.model, { inputPerMillion: p.inputPerMillion, outputPerMillion: p.outputPerMillion }]));
      return list();
    },
  };
}

export type PriceBook = ReturnType<typeof createPriceBook>;
