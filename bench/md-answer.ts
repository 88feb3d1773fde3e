import { longAnswer } from '../tests/fixtures/markdown-samples';

/**
 * The answer both markdown benches stream: md-stream times the pipeline in
 * Node, md-dom the same text through React in Chromium, so their figures
 * compare only while the text is the same.
 */
export const ANSWER_CHARS = 60_000;
export const CODE_BLOCKS = 16;

export const benchAnswer = (): string => longAnswer(ANSWER_CHARS, CODE_BLOCKS);
