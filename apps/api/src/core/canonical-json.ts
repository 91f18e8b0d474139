/**
 * RFC 8785 (JSON Canonicalization Scheme) through the `canonicalize` package:
 * object keys sorted at every level, no whitespace, numbers and strings as ECMAScript
 * serializes them, `undefined` members dropped, dates through their `toJSON` (ISO).
 * The same content always gives the same string, hence the same hash — and any
 * RFC 8785 implementation (an auditor's) gives the same string too.
 *
 * `canonicalize` is published as an ES module only; Node ≥ 20.19 loads it with
 * `require` (jest transforms it, see jest.config.js).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { default: canonicalize } = require('canonicalize') as { default: (value: unknown) => string | undefined };

export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}
