import { finding, isObject } from './lib/oas.js';

/** Every path is versioned: it starts with the version prefix. Option: `prefix` (e.g. `/v1/`). */
export default function fortaryPathPrefix(document, options) {
  if (!isObject(document.paths)) return [];
  return Object.keys(document.paths)
    .filter((urlPath) => !urlPath.startsWith(options.prefix))
    .map((urlPath) => finding(['paths', urlPath], `Path \`${urlPath}\` must start with \`${options.prefix}\`: every operation is versioned (write \`${options.prefix}${urlPath.replace(/^\/+/, '')}\`).`));
}
