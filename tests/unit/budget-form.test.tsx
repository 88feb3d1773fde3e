import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { BudgetForm } from '../../renderer/features/usage/budget-form';

// Rendered to a string, the form is as it first shows: the saved budgets are still on their way.
vi.mock('../../renderer/api/parley', () => ({ parley: { settings: { getBudgets: () => new Promise(() => {}) } }, unwrap: () => undefined, ParleyError: Error }));

describe('the budgets before their saved values have loaded', () => {
  const html = renderToStaticMarkup(<BudgetForm />);
  const fieldset = /<fieldset([^>]*)>([\s\S]*?)<\/fieldset>/.exec(html);

  it('cannot be edited or saved, and says they are loading', () => {
    expect(fieldset, 'the fields and Save in one fieldset').not.toBeNull();
    expect(fieldset?.[1]).toMatch(/ disabled=""/);
    expect(fieldset?.[1]).toMatch(/ aria-busy="true"/);
    expect(fieldset?.[2]).toMatch(/<label>Daily budget \(US\$\)<input [^>]*><\/label>/);
    expect(fieldset?.[2]).toMatch(/<label>Monthly budget \(US\$\)<input [^>]*><\/label>/);
    expect(fieldset?.[2]).toContain('<button type="submit">Save budgets</button>');
    expect(html).toContain('Loading the saved budgets…');
  });
});
