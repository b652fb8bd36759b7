/**
 * Amounts are decimal strings on the wire and integers of the asset's smallest unit inside the
 * mock, so no arithmetic ever goes through a float.
 */
const AMOUNT_PATTERN = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/** The number of digits after the decimal point, or null when the text is not an Amount. */
export function fractionDigits(amount: string): number | null {
  const match = AMOUNT_PATTERN.exec(amount);
  if (!match) return null;
  return match[2]?.length ?? 0;
}

/** Parses an Amount into base units; the caller has checked the digits fit `decimals`. */
export function toBaseUnits(amount: string, decimals: number): bigint {
  const match = AMOUNT_PATTERN.exec(amount);
  if (!match) throw new RangeError(`not an amount: ${amount}`);
  const whole = match[1] as string;
  const fraction = (match[2] ?? '').padEnd(decimals, '0');
  if (fraction.length > decimals) throw new RangeError(`${amount} has more than ${decimals} decimals`);
  return BigInt(whole + fraction);
}

/** Formats base units with exactly `decimals` digits after the point (none for 0 decimals). */
export function fromBaseUnits(units: bigint, decimals: number): string {
  if (units < 0n) throw new RangeError('negative amount');
  if (decimals === 0) return units.toString();
  const text = units.toString().padStart(decimals + 1, '0');
  return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}
