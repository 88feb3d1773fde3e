/**
 * The files the ingest scenario reads, generated from a seed: a source file
 * of real-looking TypeScript (functions, classes, comments with accents, so
 * decoding has work to do) and a prose text. Varied words, so neither the
 * tokenizer's merge cache nor a repeated line flatters the figures.
 */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = Math.imul(s ^ (s >>> 15), 2246822507) >>> 0);
}

const syllables = ['ka', 'lo', 'mi', 'ter', 'vos', 'un', 'dra', 'pe', 'sil', 'no', 'ba', 'qui', 'zen', 'or', 'fa', 'ly', 'é', 'ün'];

function wordFrom(next: () => number): string {
  let w = '';
  for (let k = 0; k < 1 + (next() % 3); k++) w += syllables[next() % syllables.length];
  return w;
}

const ident = (next: () => number) => wordFrom(next).replace(/[^a-z]/g, 'x') + (next() % 100);

function functionSource(next: () => number): string {
  const name = ident(next);
  const a = ident(next);
  const b = ident(next);
  const comment = Array.from({ length: 6 + (next() % 8) }, () => wordFrom(next)).join(' ');
  return [
    `/** ${comment}. */`,
    `export function ${name}(${a}: number, ${b}: string[]): number {`,
    `  let total = ${next() % 1000};`,
    `  for (const item of ${b}) {`,
    `    if (item.length > ${a}) total += item.length * ${next() % 17};`,
    `    else total -= ${next() % 9};`,
    '  }',
    `  return total; // ${wordFrom(next)} ${wordFrom(next)}`,
    '}',
    '',
  ].join('\n');
}

function classSource(next: () => number): string {
  const name = ident(next);
  const field = ident(next);
  return [
    `export class C${name} {`,
    `  private ${field} = new Map<string, number>();`,
    `  add(key: string, value: number): void {`,
    `    this.${field}.set(key, (this.${field}.get(key) ?? 0) + value);`,
    '  }',
    `  /** ${wordFrom(next)} ${wordFrom(next)} ${wordFrom(next)} */`,
    `  get size(): number {`,
    `    return this.${field}.size;`,
    '  }',
    '}',
    '',
  ].join('\n');
}

export function sourceFile(bytes: number, seed = 1): string {
  const next = random(seed * 2654435761);
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const part = next() % 4 === 0 ? classSource(next) : functionSource(next);
    parts.push(part);
    length += Buffer.byteLength(part);
  }
  return parts.join('\n');
}

export function prose(bytes: number, seed = 2): string {
  const next = random(seed * 2246822519);
  const sentences: string[] = [];
  let length = 0;
  while (length < bytes) {
    const words = Array.from({ length: 6 + (next() % 14) }, () => wordFrom(next));
    const sentence = `${words.join(' ')}.${next() % 5 === 0 ? '\n\n' : ' '}`;
    sentences.push(sentence);
    length += Buffer.byteLength(sentence);
  }
  return sentences.join('');
}
