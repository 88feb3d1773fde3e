/**
 * quick.html carries a plain question box so the window takes typing before React has loaded. Called once
 * the app's own box is in the page: it gets the text, caret and focus, and the plain one goes. Both happen
 * in one task, so no keystroke falls between them.
 */
export function adoptBootAsk(input: HTMLTextAreaElement, setText: (text: string) => void): void {
  const boot = document.getElementById('quick-boot');
  if (!boot) return;
  const typed = boot.querySelector('textarea');
  if (typed && typed.value !== '') {
    input.value = typed.value; // at once, for the caret below; React's state follows
    setText(typed.value);
  }
  const focused = typed !== null && document.activeElement === typed;
  const [start, end] = [typed?.selectionStart ?? 0, typed?.selectionEnd ?? 0];
  boot.remove();
  if (focused) {
    input.focus();
    input.setSelectionRange(start, end);
  }
}
