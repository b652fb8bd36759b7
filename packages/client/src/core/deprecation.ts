/** What the client reports when the API marks an operation (or v1) as retiring. */
export interface DeprecationNotice {
  /** The operation as method and path template, e.g. `GET /v1/vaults/{vaultId}`. */
  operation: string;
  /** When the operation was deprecated (`Deprecation: @<unix seconds>`, RFC 9745); null if absent or unreadable. */
  deprecation: Date | null;
  /** When it stops working (`Sunset`, an HTTP date, RFC 8594); null if absent or unreadable. */
  sunset: Date | null;
}

const toDate = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms));

/** `@1767225600` (RFC 9745) */
const parseDeprecation = (value: string | null) => toDate(Number(value?.trim().match(/^@(-?\d+)$/)?.[1] ?? NaN) * 1000);

/** An HTTP date (RFC 8594) */
const parseSunset = (value: string | null) => toDate(value ? Date.parse(value) : NaN);

/** Calls `notify` the first time each operation answers with `Deprecation` or `Sunset`, never again. */
export function createDeprecationWatch(notify: (notice: DeprecationNotice) => void): (method: string, path: string, headers: Headers) => void {
  const reported = new Set<string>();
  return (method, path, headers) => {
    const deprecation = headers.get('Deprecation');
    const sunset = headers.get('Sunset');
    // Most answers have neither header: then the operation's name is not even built.
    if (deprecation === null && sunset === null) return;
    const operation = `${method} ${path}`;
    if (reported.has(operation)) return;
    reported.add(operation);
    notify({ operation, deprecation: parseDeprecation(deprecation), sunset: parseSunset(sunset) });
  };
}
