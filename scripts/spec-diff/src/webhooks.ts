/**
 * OpenAPI 3.1 `webhooks` are requests the API sends: their payload flows toward the integrator,
 * as a response does. api-smart-diff has no rules for `webhooks`, so each webhook operation is
 * compared as a synthetic path whose response carries the payload and the headers sent with it.
 * Then a removed payload field is breaking and a new field, a new enum value (an event type) or a
 * new webhook is additive, exactly as for responses. What a receiver answers is the receiver's
 * contract, not ours, and is not compared.
 */

/** The route under which a webhook is compared (a `paths` key no real path can have). */
export const WEBHOOK_PREFIX = 'webhook:';
/** The synthetic response status that holds a webhook's payload. */
const PAYLOAD = '200';

type Node = Record<string, unknown>;

/** The document as the differ compares it: its webhooks as synthetic paths. */
export function comparableDocument(document: unknown): unknown {
  if (!isNode(document) || !isNode(document['webhooks'])) return document;
  const { webhooks, ...rest } = document as Node & { webhooks: Node };
  const paths: Node = { ...(isNode(rest['paths']) ? rest['paths'] : {}) };
  for (const [name, item] of Object.entries(webhooks)) {
    const pathItem = deref(document, item);
    if (!isNode(pathItem)) continue;
    const operations: Node = {};
    for (const [method, value] of Object.entries(pathItem)) {
      const operation = deref(document, value);
      if (!isNode(operation) || method === 'parameters' || !isNode(operation['responses'] ?? operation['requestBody'])) continue;
      operations[method] = payloadAsResponse(document, operation, [...asList(pathItem['parameters']), ...asList(operation['parameters'])]);
    }
    paths[`${WEBHOOK_PREFIX}${name}`] = operations;
  }
  return { ...rest, paths };
}

/** Shows a location inside a compared webhook as `payload/…` rather than the synthetic response. */
export function webhookLocation(rest: string[]): string[] {
  return rest[0] === 'responses' && rest[1] === PAYLOAD ? ['payload', ...rest.slice(2)] : rest;
}

function payloadAsResponse(document: unknown, operation: Node, parameters: unknown[]): Node {
  const { requestBody, parameters: _parameters, responses: _responses, ...kept } = operation;
  const body = deref(document, requestBody);
  const headers: Node = {};
  for (const parameter of parameters.map((entry) => deref(document, entry))) {
    if (!isNode(parameter) || parameter['in'] !== 'header' || typeof parameter['name'] !== 'string') continue;
    const { name, in: _in, ...header } = parameter;
    headers[name] = header;
  }
  const response: Node = { description: 'webhook payload' };
  if (isNode(body) && body['content'] !== undefined) response['content'] = body['content'];
  if (Object.keys(headers).length > 0) response['headers'] = headers;
  return { ...kept, responses: { [PAYLOAD]: response } };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deref(document: unknown, node: unknown): unknown {
  for (let hops = 0; hops < 32; hops += 1) {
    const ref = isNode(node) ? node['$ref'] : undefined;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
    node = ref
      .slice(2)
      .split('/')
      .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((parent, token) => (isNode(parent) ? parent[token] : undefined), document);
  }
  return node;
}
