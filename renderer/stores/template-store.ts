import { create } from 'zustand';
import type { PromptTemplate } from '../../shared/prompt-templates';
import { parley, unwrap } from '../api/parley';

interface TemplateState {
  templates: PromptTemplate[];
  loaded: boolean;
  load(): Promise<void>;
  save(template: PromptTemplate): Promise<void>;
  remove(id: string): Promise<void>;
  reset(): Promise<void>;
}

export const useTemplateStore = create<TemplateState>((set, get) => ({
  templates: [],
  loaded: false,
  async load() {
    if (get().loaded) return;
    set({ templates: await unwrap(parley.templates.list({})), loaded: true });
  },
  save: async (template) => set({ templates: await unwrap(parley.templates.save({ template })) }),
  remove: async (id) => set({ templates: await unwrap(parley.templates.delete({ id })) }),
  reset: async () => set({ templates: await unwrap(parley.templates.reset({})) }),
}));
