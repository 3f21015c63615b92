import { describe, expect, it } from 'vitest';
import { ruleKeys } from '../src/core/mapping.js';
import type { Platform } from '../src/core/platform.js';
import { registry } from '../src/platforms/index.js';

const tables = (Object.values(registry) as unknown as Platform[]).flatMap((p) => p.tables.map((t) => [p.id, t.name, t] as const));

describe('every field of every platform schema is mapped or kept with a reason', () => {
  it.each(tables)('%s %s', (_platform, _name, table) => {
    const covered = new Set(table.rules.flatMap(ruleKeys));
    const fields = Object.keys(table.schema.shape);
    expect(fields.filter((f) => !covered.has(f)), 'fields with no rule').toEqual([]);
    expect([...covered].filter((k) => !fields.includes(k)), 'rules for fields the schema does not have').toEqual([]);
    for (const rule of table.rules) {
      if (rule.kind !== 'field') expect(rule.note.trim().length, `reason for ${ruleKeys(rule).join(', ')}`).toBeGreaterThan(10);
    }
  });

  it.each(Object.values(registry) as unknown as Platform[])('every $id option says what it does (the docs print it)', (p) => {
    for (const [key, schema] of Object.entries(p.options.shape as Record<string, { description?: string }>)) {
      expect(schema.description ?? '', key).not.toBe('');
    }
  });

  it('every platform has a root table and at least one table', () => {
    for (const p of Object.values(registry) as unknown as Platform[]) expect(p.tables[0]).toBe(p.customer);
  });
});
