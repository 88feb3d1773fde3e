/**
 * The last check before a part of an estimated plan is sent (see
 * token-estimate.ts): counted exactly, a part still over its budget is
 * halved at the line nearest its middle until every piece fits. Counting
 * one part costs a fraction of the model's time to answer it, so the plan
 * stays quick and no request is ever larger than the window allows.
 */
export function piecesWithin(text: string, prefixTokens: number, count: (s: string) => number, budget: number): string[] {
  if (text.length <= 1 || prefixTokens + count(text) <= budget) return [text];
  const middle = Math.floor(text.length / 2);
  const after = text.indexOf('\n', middle);
  const before = text.lastIndexOf('\n', middle - 1);
  let cut = after >= 0 && after + 1 < text.length ? after + 1 : before >= 0 ? before + 1 : -1;
  if (cut <= 0 || cut >= text.length) {
    // One line with no newline to cut at: a space near the middle, or the middle itself.
    const space = text.lastIndexOf(' ', middle);
    cut = space > 0 ? space + 1 : middle;
  }
  return [...piecesWithin(text.slice(0, cut), prefixTokens, count, budget), ...piecesWithin(text.slice(cut), prefixTokens, count, budget)];
}
