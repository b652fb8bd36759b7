import { finding, isObject, operations } from './lib/oas.js';

/**
 * Every tag (declared or used by an operation) is in an `x-tagGroups` group, because Redoc
 * hides the tags that are not; every grouped tag is declared.
 */
export default function fortaryTagGroups(document) {
  const results = [];
  const groups = Array.isArray(document['x-tagGroups']) ? document['x-tagGroups'] : [];
  const grouped = new Set(groups.flatMap((group) => (isObject(group) && Array.isArray(group.tags) ? group.tags : [])));
  const declared = new Set();
  const hint = (name) => `add \`${name}\` to the \`tags\` of a group in \`x-tagGroups\` (Redoc hides tags outside every group)`;
  (Array.isArray(document.tags) ? document.tags : []).forEach((tag, index) => {
    if (!isObject(tag)) return;
    declared.add(tag.name);
    if (!grouped.has(tag.name)) results.push(finding(['tags', index, 'name'], `Tag \`${tag.name}\` is in no tag group: ${hint(tag.name)}.`));
  });
  for (const { operation, path } of operations(document)) {
    (Array.isArray(operation.tags) ? operation.tags : []).forEach((name, index) => {
      if (!declared.has(name) && !grouped.has(name)) results.push(finding([...path, 'tags', index], `Tag \`${name}\` is in no tag group: declare it under \`tags\` and ${hint(name)}.`));
    });
  }
  groups.forEach((group, groupIndex) => {
    if (!isObject(group) || !Array.isArray(group.tags)) return;
    group.tags.forEach((name, index) => {
      if (!declared.has(name)) results.push(finding(['x-tagGroups', groupIndex, 'tags', index], `Grouped tag \`${name}\` is not declared under \`tags\`: declare it with a description, or remove it from the group.`));
    });
  });
  return results;
}
