import { explainTemplateIdFor, type FileKind } from '../../../shared/file-explanation';
import { defaultPromptTemplates, type PromptTemplate } from '../../../shared/prompt-templates';

/**
 * The template a file of this kind is explained with: the person's own
 * version from their library when there is one. A library saved before the
 * explain templates existed, or one the person deleted it from, falls back
 * to the built-in default, so a dropped file is always explained.
 */
export function explainTemplateFor(kind: FileKind, library: readonly PromptTemplate[]): PromptTemplate {
  const id = explainTemplateIdFor(kind);
  return library.find((t) => t.id === id) ?? defaultPromptTemplates.find((t) => t.id === id)!;
}
