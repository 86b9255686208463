/**
 * Canonical JSON, RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16 code units,
 * no whitespace, strings and numbers as ECMAScript's JSON.stringify writes them. One implementation,
 * used by the office (hash chain) and central (verification) alike (design.md "The ledger").
 * Refuses what JSON cannot carry exactly: undefined, functions, non-finite numbers, bigint.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${String(value)} is not a JSON number`);
      // ES Number.prototype.toString is the RFC 8785 number form; -0 is written 0.
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} cannot be written as JSON`);
}

function canonicalArray(values: readonly unknown[]): string {
  return `[${values.map((v) => canonicalJson(v)).join(',')}]`;
}

function canonicalObject(record: Record<string, unknown>): string {
  const proto: unknown = Object.getPrototypeOf(record);
  if (proto !== Object.prototype && proto !== null) throw new TypeError('canonicalJson: only plain objects can be written');
  // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
  const keys = Object.keys(record).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) throw new TypeError(`canonicalJson: "${key}" is undefined`);
    parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }
  return `{${parts.join(',')}}`;
}
