import { componentSchema, finding, isObject } from './lib/oas.js';
import { webhookDeliveries } from './lib/webhooks.js';

/**
 * The event type enum, the webhooks described and the event's discriminator mapping name the
 * same types, so a type added to one and not the others fails (as the asset grammar is held to
 * the network enum). Options: `eventTypeSchema`, `eventSchema` (the discriminated event).
 */
export default function fortaryEventTypeSync(document, options) {
  const typeSchema = componentSchema(document, options.eventTypeSchema);
  if (!typeSchema) return [finding(['components', 'schemas'], `Define \`${options.eventTypeSchema}\`: the enum of event types, one per webhook.`)];
  const enumPath = ['components', 'schemas', options.eventTypeSchema, 'enum'];
  if (!Array.isArray(typeSchema.enum)) return [finding(['components', 'schemas', options.eventTypeSchema], `\`${options.eventTypeSchema}\` must be an \`enum\` naming every webhook.`)];
  const types = new Set(typeSchema.enum.filter((value) => typeof value === 'string'));
  const results = [];
  const webhooks = webhookDeliveries(document);
  const described = new Set(webhooks.map(({ name }) => name));
  const missing = [...types].filter((type) => !described.has(type));
  if (missing.length > 0) {
    results.push(finding(enumPath, `Event type(s) ${missing.join(', ')} of \`${options.eventTypeSchema}\` have no webhook: describe each under \`webhooks\` (e.g. \`webhooks: { ${missing[0]}: { post: ... } }\`) or remove it from the enum.`));
  }
  for (const { name, path } of webhooks) {
    if (!types.has(name)) results.push(finding(path, `Webhook \`${name}\` is not an event type: add \`${name}\` to the \`${options.eventTypeSchema}\` enum or remove the webhook.`));
  }
  const event = componentSchema(document, options.eventSchema);
  const mapping = isObject(event?.discriminator) && isObject(event.discriminator.mapping) ? event.discriminator.mapping : undefined;
  if (mapping) {
    const mappingPath = ['components', 'schemas', options.eventSchema, 'discriminator', 'mapping'];
    const unmapped = [...types].filter((type) => !(type in mapping));
    if (unmapped.length > 0) results.push(finding(mappingPath, `The discriminator mapping of \`${options.eventSchema}\` lacks event type(s) ${unmapped.join(', ')}: map each to the event schema of its resource.`));
    for (const key of Object.keys(mapping)) {
      if (!types.has(key)) results.push(finding([...mappingPath, key], `The discriminator mapping of \`${options.eventSchema}\` names \`${key}\`, which \`${options.eventTypeSchema}\` does not list: add it to the enum (with its webhook) or remove the mapping.`));
    }
  }
  return results;
}
