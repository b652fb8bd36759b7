import { componentSchema, deref, finding, isObject, refName } from './lib/oas.js';
import { webhookDeliveries } from './lib/webhooks.js';

/** The `type` values a component schema built on the envelope admits (undefined: not narrowed). */
function narrowedTypes(document, schema) {
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const resolved = deref(document, member, []).node;
    const typeSchema = isObject(resolved) && isObject(resolved.properties) ? deref(document, resolved.properties.type, []).node : undefined;
    if (refName(member) === undefined && isObject(typeSchema) && Array.isArray(typeSchema.enum)) return typeSchema.enum;
  }
  return undefined;
}

/**
 * Every webhook POSTs the event envelope: a required JSON request body referring to the event
 * schema, to the envelope, or to a component built on the envelope (`allOf` with it) whose
 * `type` admits the webhook's name. Options: `envelopeSchema`, `eventSchema`.
 */
export default function fortaryWebhookPayload(document, options) {
  const results = [];
  const envelopeRef = `#/components/schemas/${options.envelopeSchema}`;
  for (const { name, operation, path } of webhookDeliveries(document)) {
    if (!operation) {
      results.push(finding(path, `Webhook \`${name}\` must describe its delivery as a \`post\` operation with the event as its request body.`));
      continue;
    }
    const body = deref(document, operation.requestBody, [...path, 'post', 'requestBody']);
    const media = isObject(body.node) && isObject(body.node.content) ? body.node.content['application/json'] : undefined;
    if (!isObject(body.node) || body.node.required !== true || !isObject(media)) {
      results.push(finding(isObject(body.node) ? body.path : [...path, 'post'], `Webhook \`${name}\` must have a required \`application/json\` request body: the event it delivers.`));
      continue;
    }
    const schemaPath = [...body.path, 'content', 'application/json', 'schema'];
    const target = refName(media.schema);
    const component = target === undefined ? undefined : componentSchema(document, target);
    const buildsOnEnvelope = isObject(component) && Array.isArray(component.allOf) && component.allOf.some((member) => isObject(member) && member.$ref === envelopeRef);
    if (target !== options.eventSchema && target !== options.envelopeSchema && !buildsOnEnvelope) {
      results.push(finding(schemaPath, `Webhook \`${name}\` must deliver the event envelope: refer to \`${options.eventSchema}\`, to \`${options.envelopeSchema}\`, or to an event schema built on it (\`allOf: [{ $ref: '${envelopeRef}' }, ...]\`).`));
      continue;
    }
    const admitted = buildsOnEnvelope ? narrowedTypes(document, component) : undefined;
    if (admitted && !admitted.includes(name)) {
      results.push(finding(schemaPath, `Webhook \`${name}\` delivers \`${target}\`, whose \`type\` admits only ${admitted.join(', ')}: use the event schema of \`${name.split('.')[0]}\` or add \`${name}\` to its \`type\` enum.`));
    }
  }
  return results;
}
