/**
 * Keeps credentials out of everything the client prints or serializes. Two nets: the exact
 * secrets the client knows (its own API key), and the shape of any Fortary key secret
 * (`fsk_live_…`, `fsk_test_…`) or bearer token, so a secret the client never saw (one echoed in a
 * server message, one created with createApiKey) is caught as well.
 */
export const REDACTED = '[redacted]';

const SECRET_SHAPES = /fsk_(?:live|test)_[A-Za-z0-9]+|Bearer\s+[^\s"',]+/g;
/** Object keys whose values are credentials whatever they contain. */
const SECRET_KEYS = /secret|authorization|api[-_]?key|password|token/i;

export type Redactor = {
  text(value: string): string;
  value(value: unknown): unknown;
};

export function createRedactor(knownSecrets: readonly string[] = []): Redactor {
  const exact = knownSecrets.filter((secret) => secret.length > 0);
  const text = (value: string): string => {
    let out = value;
    for (const secret of exact) out = out.split(secret).join(REDACTED);
    return out.replace(SECRET_SHAPES, REDACTED);
  };
  // Only ever given JSON-shaped data (parsed bodies, error fields), so no cycles to guard against.
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(walk);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) && item != null ? REDACTED : walk(item);
    return out;
  };
  return { text, value: walk };
}

/** The redactor errors fall back on when they are built outside a client. */
export const shapeRedactor: Redactor = createRedactor();
