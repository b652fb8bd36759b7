/** An endpoint's secret, or all of them while one is being rotated. */
export type WebhookSecret = string | readonly string[];

/**
 * The secrets as a list. A missing secret, or one without its `whsec_` prefix, can never verify
 * a delivery (the key is the whole secret), so it is a programming error, thrown at once as a
 * TypeError rather than reported as a bad delivery.
 */
export function checkSecrets(secret: WebhookSecret, caller: string): readonly string[] {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (!Array.isArray(secrets) || secrets.length === 0) throw new TypeError(`${caller}: secret is required (the endpoint's whsec_… secret)`);
  for (const item of secrets) {
    if (typeof item !== 'string' || !/^whsec_\S+$/.test(item)) {
      throw new TypeError(`${caller}: each secret must be the endpoint's whole secret, whsec_ prefix included`);
    }
  }
  return secrets;
}
