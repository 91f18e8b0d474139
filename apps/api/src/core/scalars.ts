import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate as CheckedLocalDate } from 'graphql-scalars';
import { DECIMAL_PATTERN } from '@comptoir/schema';

/**
 * Wire formats (issue 8): quantities, rates and percentages cross the wire as
 * decimal strings ("1234.56"), never as floats; calendar days as `LocalDate`
 * ("2026-12-02"); instants as `DateTime` (ISO 8601, UTC). Range and scale of a
 * decimal are checked by the input's zod schema, which names the field.
 */
function readDecimal(value: unknown): string {
  // A JSON number is read by its shortest round-trip form (2.5 → "2.5"): exact for what a person types.
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null || !DECIMAL_PATTERN.test(text)) {
    throw new GraphQLError(`Decimal must be a decimal number written as a string, e.g. "1234.56"; got ${JSON.stringify(value)?.slice(0, 40)}`);
  }
  return text;
}

export const GraphQLDecimal = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number written as a string: "1234.56", "-0.5", "20". Never a float.',
  serialize: (value) => readDecimal(value),
  parseValue: (value) => readDecimal(value),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return readDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string such as "1234.56"');
  },
});

/**
 * graphql-scalars' LocalDate, whose answers skip the calendar check (a regex, a Date
 * parsed and printed back) for a day already checked: a list page sends 50 to 100 days,
 * mostly the same few. Inputs are checked as before, every time.
 */
const checkedDays = new Set<string>();
const CHECKED_DAYS_MAX = 10_000;
export const GraphQLLocalDate = new GraphQLScalarType({
  ...CheckedLocalDate.toConfig(),
  serialize(value: unknown) {
    if (typeof value === 'string' && checkedDays.has(value)) return value;
    const day = CheckedLocalDate.serialize(value) as string;
    if (checkedDays.size >= CHECKED_DAYS_MAX) checkedDays.clear();
    checkedDays.add(day);
    return day;
  },
});

export { GraphQLDateTime };
