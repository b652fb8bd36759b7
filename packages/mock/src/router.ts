import { operationTable, type OperationId } from '@fortary/types';

/**
 * Routes a method and path to an operation of the spec. Path parameters match any single
 * segment here; their format is checked by the request schemas afterwards, so a malformed id
 * is a validation error on that parameter rather than an unknown route.
 */
export type RouteMatch =
  | { kind: 'operation'; operationId: OperationId; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'not_found' };

interface CompiledRoute {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  names: string[];
}

const ROUTES: CompiledRoute[] = (Object.entries(operationTable) as Array<[OperationId, (typeof operationTable)[OperationId]]>).map(([operationId, entry]) => {
  const names: string[] = [];
  const source = entry.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(parameter[1] as string);
      return '([^/]+)';
    })
    .join('/');
  return { operationId, method: entry.method.toUpperCase(), pattern: new RegExp(`^${source}$`), names };
});

export function route(method: string, pathname: string): RouteMatch {
  const allow: string[] = [];
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    if (candidate.method !== method) {
      allow.push(candidate.method);
      continue;
    }
    const params: Record<string, string> = {};
    candidate.names.forEach((name, index) => {
      const raw = match[index + 1] as string;
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        // a broken percent-escape stays as sent and fails the parameter's pattern
      }
      params[name] = value;
    });
    return { kind: 'operation', operationId: candidate.operationId, params };
  }
  return allow.length > 0 ? { kind: 'method_not_allowed', allow } : { kind: 'not_found' };
}
