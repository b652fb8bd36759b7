import { componentSchema, finding } from './lib/oas.js';
import { webhookDeliveries } from './lib/webhooks.js';

/** `<resource>.<verb>`: lowercase words, snake_case within a word, exactly one dot. */
const EVENT_TYPE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*\.[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/**
 * Event types are named `<resource>.<verb>` (`transfer.created`): in the event type enum and
 * as the names of the webhooks. Option: `schema` (the event type enum).
 */
export default function fortaryEventTypeNames(document, options) {
  const results = [];
  const schema = componentSchema(document, options.schema);
  const fix = (value) => `Event type \`${String(value)}\` must be named \`<resource>.<verb>\` in lowercase (e.g. \`transfer.created\`, \`api_key.revoked\`): rename it.`;
  if (schema && Array.isArray(schema.enum)) {
    const seen = new Set();
    schema.enum.forEach((value, index) => {
      const path = ['components', 'schemas', options.schema, 'enum', index];
      if (typeof value !== 'string' || !EVENT_TYPE.test(value)) results.push(finding(path, fix(value)));
      else if (seen.has(value)) results.push(finding(path, `Event type \`${value}\` is listed twice; remove the duplicate.`));
      seen.add(value);
    });
  }
  const listed = new Set(schema && Array.isArray(schema.enum) ? schema.enum : []);
  // A webhook named like an enum value was judged there (once); one outside the enum is judged here.
  for (const { name, path } of webhookDeliveries(document)) {
    if (!listed.has(name) && !EVENT_TYPE.test(name)) results.push(finding(path, fix(name)));
  }
  return results;
}
