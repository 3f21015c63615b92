import type { Issue } from './issues.js';
import type { Path } from './path.js';

/**
 * Own `__proto__` keys (JSON.parse makes them) cannot be held safely: zod and plain assignment would
 * turn them into a prototype and drop the data in silence. They are refused with an issue instead.
 */
export function protoKeyIssues(value: unknown, path: Path = [], out: Issue[] = []): Issue[] {
  if (value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => protoKeyIssues(v, [...path, i], out));
    return out;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') {
      out.push({ code: 'invalid_input', path: [...path, key], message: 'A "__proto__" key cannot be carried safely' });
    } else protoKeyIssues((value as Record<string, unknown>)[key], [...path, key], out);
  }
  return out;
}
