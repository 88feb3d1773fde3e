import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { sampleAnswer } from '../fixtures/sample-answer';
import { MessageView } from '../../renderer/features/chat/message-view';

// The view's stores reach main through window.parley when first imported; rendered to a string here, nothing is called.
vi.mock('../../renderer/api/parley', () => ({ parley: {}, unwrap: () => undefined, ParleyError: Error }));

const answer = sampleAnswer;

describe('the model under an answer', () => {
  it('names the model that wrote it, a fallback included', () => {
    const html = renderToStaticMarkup(<MessageView message={answer({ model: 'llama3.2' })} />);
    expect(html).toContain('aria-label="Written by llama3.2"');
    expect(html).toContain('>llama3.2</p>');
  });

  it('is not shown while the answer is still being written, nor under a question', () => {
    expect(renderToStaticMarkup(<MessageView message={answer({ status: 'streaming' })} />)).not.toContain('Written by');
    expect(renderToStaticMarkup(<MessageView message={answer({ role: 'user', model: null })} />)).not.toContain('Written by');
  });
});
