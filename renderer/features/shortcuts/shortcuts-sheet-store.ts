import { create } from 'zustand';

export const useShortcutSheet = create<{ open: boolean }>(() => ({ open: false }));
