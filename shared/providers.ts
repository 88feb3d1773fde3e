import { z } from 'zod';

/**
 * Several providers at once. `openai` is OpenAI itself (a key is required);
 * `azure` is Azure OpenAI (api-key header, deployments, api-version);
 * `compatible` is any server that speaks the OpenAI API (Ollama, LM Studio,
 * OpenRouter, Groq…), where a key is optional because local servers need none.
 */
export const ProviderKind = z.enum(['openai', 'azure', 'compatible']);
export type ProviderKind = z.infer<typeof ProviderKind>;

/** Also the keychain account name, hence the narrow alphabet. */
export const ProviderId = z.string().min(1).max(40).regex(/^[a-z0-9-]+$/, 'not a valid provider id');

export { defaultAzureApiVersion } from './provider-defaults';

export const ProviderBaseUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'enter a full http:// or https:// address');

const ProviderName = z.string().trim().min(1, 'give the provider a name').max(60);
const ProviderModel = z.string().trim().min(1).max(200);
/** Azure's api-version looks like 2024-10-21 or 2025-01-01-preview. */
const ApiVersion = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'an api-version looks like 2024-10-21');
/** A deployment name goes into the URL path, so nothing that could change the path. */
const Deployment = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'a deployment name has letters, digits, dots, dashes or underscores');

/**
 * The model that answers instead when a provider is down (refused, 5xx after
 * the retries, its circuit open) and no text was shown yet: a local Ollama,
 * say. The answer is stored under the fallback's model, so it says who wrote it.
 */
export const ProviderFallback = z.object({ providerId: ProviderId, model: ProviderModel }).strict();
export type ProviderFallback = z.infer<typeof ProviderFallback>;

export const Provider = z.object({
  id: ProviderId,
  kind: ProviderKind,
  name: z.string(),
  baseUrl: z.string(),
  /** null until one is chosen ("Fetch models" lists what the server offers). */
  model: z.string().nullable(),
  apiVersion: z.string().nullable(),
  deployment: z.string().nullable(),
  /** The OpenAI entry that OPENAI_API_KEY and OPENAI_BASE_URL configure: it can be edited, not removed. */
  builtIn: z.boolean(),
  /** null (or absent, from an older Parley) for none. */
  fallback: ProviderFallback.nullable().optional(),
});
export type Provider = z.infer<typeof Provider>;

export const ProviderList = z.object({ providers: z.array(Provider), defaultProviderId: ProviderId });
export type ProviderList = z.infer<typeof ProviderList>;

/** Azure's own fields are refused for other kinds rather than silently stored. */
function azureFieldsOnlyForAzure(p: { kind?: ProviderKind; apiVersion?: string | null; deployment?: string | null }, ctx: z.RefinementCtx) {
  if (p.kind === undefined || p.kind === 'azure') return;
  for (const field of ['apiVersion', 'deployment'] as const) {
    if (p[field] != null) ctx.addIssue({ code: 'custom', path: [field], message: `only an Azure provider has a ${field}` });
  }
}

export const AddProviderInput = z
  .object({
    kind: ProviderKind,
    name: ProviderName,
    baseUrl: ProviderBaseUrl,
    model: ProviderModel.optional(),
    apiVersion: ApiVersion.optional(),
    deployment: Deployment.optional(),
  })
  .strict()
  .superRefine(azureFieldsOnlyForAzure);
export type AddProviderInput = z.infer<typeof AddProviderInput>;

/** Fields left out are unchanged; `null` clears a model or deployment. The kind cannot change: remove and add instead. */
export const UpdateProviderInput = z
  .object({
    id: ProviderId,
    name: ProviderName.optional(),
    baseUrl: ProviderBaseUrl.optional(),
    model: ProviderModel.nullable().optional(),
    apiVersion: ApiVersion.optional(),
    deployment: Deployment.nullable().optional(),
    /** `null` removes the fallback. */
    fallback: ProviderFallback.nullable().optional(),
  })
  .strict();
export type UpdateProviderInput = z.infer<typeof UpdateProviderInput>;

export const ProviderModels = z.object({ models: z.array(z.string()) });

export const ConnectionCheck = z.object({
  latencyMs: z.number().nonnegative(),
  /** How many models the server listed: 0 says the URL answers but offers nothing to chat with. */
  modelCount: z.number().int().nonnegative(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

/** A model server found on this computer at first run, offered in Settings. */
export const LocalServer = z.object({
  kind: z.enum(['ollama', 'lmstudio']),
  name: z.string(),
  baseUrl: z.string(),
  models: z.array(z.string()),
});
export type LocalServer = z.infer<typeof LocalServer>;
