import { finding, operations } from './lib/oas.js';

const ISO_DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/**
 * A deprecated operation documents when it stops answering: `x-sunset` with an ISO date
 * (the date the `Sunset` header will carry). `x-sunset` without `deprecated: true` is a
 * contradiction. Option: `extension` (the extension name).
 */
export default function fortaryDeprecation(document, options) {
  const results = [];
  const key = options.extension;
  for (const { operation, path } of operations(document)) {
    const sunset = operation[key];
    if (operation.deprecated === true) {
      if (sunset === undefined) results.push(finding([...path, 'deprecated'], `Deprecated operation \`${operation.operationId}\` must document its sunset: add \`${key}: 'YYYY-MM-DD'\`, the date after which it stops answering (sent as the \`Sunset\` header).`));
      else if (typeof sunset !== 'string' || !ISO_DATE.test(sunset) || Number.isNaN(Date.parse(sunset))) results.push(finding([...path, key], `\`${key}\` must be an ISO date such as '2027-01-01'.`));
    } else if (sunset !== undefined) {
      results.push(finding([...path, key], `Operation \`${operation.operationId}\` has \`${key}\` but is not \`deprecated: true\`: mark it deprecated or remove \`${key}\`.`));
    }
  }
  return results;
}
