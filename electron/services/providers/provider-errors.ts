import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { Provider } from '../../../shared/providers';
import { AppError } from '../app-error';
import { toAppError } from '../chat/error-mapping';

/**
 * Errors from listing models or testing a connection, in words about the
 * provider and its address rather than about a model, since no model is
 * involved yet. Everything else reads as in a chat.
 */
export function providerError(err: unknown, provider: Provider): AppError {
  if (err instanceof AppError) return err;
  const name = provider.name;
  if (err instanceof APIConnectionTimeoutError) {
    return new AppError('TIMEOUT', `${name} did not answer in time at ${provider.baseUrl}.`);
  }
  if (err instanceof APIConnectionError) {
    return new AppError('NETWORK', `Could not reach ${name} at ${provider.baseUrl}. Check that it is running and that the base URL is right.`);
  }
  if (err instanceof APIError) {
    if (err.status === 401) return new AppError('INVALID_KEY', `${name} refused the API key. Check the key saved for it.`);
    if (err.status === 403) return new AppError('FORBIDDEN', `${name} did not allow this key to list models.`);
    if (err.status === 404) {
      return new AppError('BAD_RESPONSE', `${name} has no model list at ${provider.baseUrl}/models. Check the base URL (many servers want it to end in /v1).`);
    }
  }
  return toAppError(err, provider.model ?? 'the model');
}
