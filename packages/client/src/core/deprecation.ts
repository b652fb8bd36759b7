/** What the client reports when the API marks an operation (or v1) as retiring. */
export interface DeprecationNotice {
  /** The operationId, e.g. `listVaults` (or `METHOD /path` for a path the client does not know). */
  operation: string;
  /** When the operation was deprecated (`Deprecation: @<unix seconds>`, RFC 9745); null if absent or unreadable. */
  deprecation: Date | null;
  /** When it stops working (`Sunset`, an HTTP date, RFC 8594); null if absent or unreadable. */
  sunset: Date | null;
}

function parseDeprecation(value: string | null): Date | null {
  const match = value?.trim().match(/^@(-?\d+)$/);
  return match ? new Date(Number(match[1]) * 1000) : null;
}

function parseSunset(value: string | null): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/** Calls `notify` the first time each operation answers with `Deprecation` or `Sunset`, never again. */
export function createDeprecationWatch(notify: (notice: DeprecationNotice) => void): (operation: string, headers: Headers) => void {
  const reported = new Set<string>();
  return (operation, headers) => {
    if (reported.has(operation)) return;
    const deprecation = headers.get('Deprecation');
    const sunset = headers.get('Sunset');
    if (deprecation === null && sunset === null) return;
    reported.add(operation);
    notify({ operation, deprecation: parseDeprecation(deprecation), sunset: parseSunset(sunset) });
  };
}
