/**
 * The shape of a JSON document and a truncated sample of it, so a model can
 * explain a 30 MB export from its structure without every value inline.
 */
export interface JsonSummary {
  /** A readable outline: keys with their types, array lengths, nested to a few levels. */
  shape: string;
  /** The document with long arrays and strings cut, pretty-printed. */
  sample: string;
  /** Set for JSON Lines: the number of records. */
  records?: number;
}

const maxDepth = 6;
const maxKeys = 40;
const sampleArrayItems = 3;
const sampleStringChars = 200;
const maxSampleChars = 6_000;
// Arrays are summarised from their first elements: their union of keys is the usual schema.
const shapeArrayItems = 50;

/** Parses JSON (or JSON Lines) text; null when it is neither. */
export function summariseJson(text: string): JsonSummary | null {
  const whole = parseOrUndefined(text);
  if (whole !== undefined) return { shape: describe(whole, 0, ''), sample: sampleOf(whole) };
  const records = parseJsonLines(text);
  if (!records) return null;
  return { shape: describe(records, 0, ''), sample: sampleOf(records), records: records.length };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseJsonLines(text: string): unknown[] | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return null;
  const records: unknown[] = [];
  for (const line of lines) {
    const value = parseOrUndefined(line);
    if (value === undefined) return null;
    records.push(value);
  }
  return records;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describe(value: unknown, depth: number, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'array (empty)';
    const items = value.slice(0, shapeArrayItems);
    const types = [...new Set(items.map(typeName))];
    const head = `array of ${value.length.toLocaleString('en-US')} (${types.join(' | ')})`;
    const objects = items.filter((v): v is Record<string, unknown> => typeName(v) === 'object');
    if (objects.length === 0 || depth >= maxDepth) return head;
    return `${head}, each:\n${describeKeys(mergeObjects(objects), depth + 1, `${indent}  `, objects.length)}`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (depth >= maxDepth) return `object (${Object.keys(record).length} keys)`;
    const keys = Object.keys(record);
    const shown = new Map(keys.slice(0, maxKeys).map((k) => [k, [record[k]]]));
    const more = keys.length > maxKeys ? `\n${indent}  - … ${keys.length - maxKeys} more keys` : '';
    return `object:\n${describeKeys(shown, depth + 1, `${indent}  `, 1)}${more}`;
  }
  return typeName(value);
}

function mergeObjects(objects: Record<string, unknown>[]): Map<string, unknown[]> {
  const merged = new Map<string, unknown[]>();
  for (const o of objects) {
    // Records used as dictionaries can have millions of keys; the schema shows in the first ones.
    for (const k of Object.keys(o).slice(0, maxKeys * 5)) {
      const values = merged.get(k);
      if (values) values.push(o[k]);
      else merged.set(k, [o[k]]);
    }
  }
  return merged;
}

function describeKeys(keys: Map<string, unknown[]>, depth: number, indent: string, of: number): string {
  const lines: string[] = [];
  for (const [key, values] of [...keys].slice(0, maxKeys)) {
    const optional = values.length < of ? ' (optional)' : '';
    const types = [...new Set(values.map(typeName))];
    const first = values[0];
    const nested = types.length === 1 && (types[0] === 'object' || types[0] === 'array');
    lines.push(`${indent}- ${key}${optional}: ${nested ? describe(first, depth, indent) : types.join(' | ')}`);
  }
  if (keys.size > maxKeys) lines.push(`${indent}- … ${keys.size - maxKeys} more keys`);
  return lines.join('\n');
}

function truncate(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (depth >= maxDepth) return `[… ${value.length} items]`;
    const kept = value.slice(0, sampleArrayItems).map((v) => truncate(v, depth + 1));
    return value.length > sampleArrayItems ? [...kept, `… ${value.length - sampleArrayItems} more items`] : kept;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (depth >= maxDepth) return `{… ${keys.length} keys}`;
    const kept = keys.slice(0, maxKeys).map((k) => [k, truncate((value as Record<string, unknown>)[k], depth + 1)]);
    if (keys.length > maxKeys) kept.push(['…', `${keys.length - maxKeys} more keys`]);
    return Object.fromEntries(kept);
  }
  if (typeof value === 'string' && value.length > sampleStringChars) return `${value.slice(0, sampleStringChars)}…`;
  return value;
}

function sampleOf(value: unknown): string {
  const text = JSON.stringify(truncate(value), null, 2);
  return text.length > maxSampleChars ? `${text.slice(0, maxSampleChars)}\n… (sample cut at ${maxSampleChars} characters)` : text;
}
