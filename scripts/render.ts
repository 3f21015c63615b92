import { z } from 'zod';
import { Customer } from '../src/canonical/customer.js';
import type { Rule, Table } from '../src/core/mapping.js';
import type { Platform, RequestShape } from '../src/core/platform.js';
import { leftOut, type LeftOut } from '../src/core/requests.js';
import { RESIDUE_KEY } from '../src/core/residue.js';
import { ERROR_TEXT_LIMIT } from '../src/core/responses.js';
import { registry } from '../src/platforms/index.js';

const platforms = Object.values(registry) as unknown as Platform[];

const json = (schema: z.ZodType, title: string): string =>
  `${JSON.stringify({ title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) }, null, 2)}\n`;

/** `schemas/<name>.json`: the canonical Customer and each platform record, as JSON Schema. */
export function renderSchemas(): Map<string, string> {
  const files = new Map<string, string>([['customer.json', json(Customer, 'Canonical customer (customer-codecs)')]]);
  for (const p of platforms) files.set(`${p.id}.record.json`, json(p.record, `${p.label} customer record`));
  return files;
}

const code = (s: string): string => `\`${s}\``;

/** A request's line, then what it leaves out of a record (one line per reason, as `requestLosses` reports it). */
function requestLines(operation: string, r: RequestShape): string[] {
  const byReason = new Map<LeftOut, string[]>();
  const sometimes = new Set<string>();
  for (const { path, lost, sometimes: only } of leftOut(r.body)) {
    const at = path.join('.');
    byReason.set(lost, [...(byReason.get(lost) ?? []), at]);
    if (only) sometimes.add(at);
  }
  return [
    `- ${operation}: ${r.note}${r.acceptsPassword ? ' (takes `password`)' : ''}. Left out, reported by \`requestLosses\`:`,
    ...[...byReason].map(([lost, paths]) => `  - ${paths.map(code).join(', ')}: ${code(lost.code)}, ${lost.why}${paths.some((p) => sometimes.has(p)) ? ' (only such values)' : ''}`),
  ];
}
const cpath = (path: readonly (string | number)[]): string => code(path.join('.'));
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; options?: readonly z.ZodType[]; valueType?: z.ZodType; values?: readonly unknown[]; entries?: Record<string, unknown> };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** A field's type in words (`string`, `number or null`, `array of object`…), read from its zod schema. */
export function typeName(s: z.ZodType): string {
  const d = defOf(s);
  switch (d.type) {
    case 'optional':
      return typeName(d.innerType as z.ZodType);
    case 'nullable':
      return `${typeName(d.innerType as z.ZodType)} or null`;
    case 'array':
      return `array of ${typeName(d.element as z.ZodType)}`;
    case 'union':
      return [...new Set((d.options ?? []).map(typeName))].join(' or ');
    case 'record':
      return `object of ${typeName(d.valueType as z.ZodType)}`;
    case 'enum':
      return Object.keys(d.entries ?? {}).map((v) => JSON.stringify(v)).join(' or ');
    case 'literal':
      return (d.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    default:
      return d.type;
  }
}

/** Whether the platform's schema requires the key (neither optional nor defaulted). */
export const isRequired = (s: z.ZodType | undefined): boolean => s !== undefined && !['optional', 'default'].includes(defOf(s).type);

function typeCells(t: Table, keys: readonly string[]): string {
  const shape = t.schema.shape as Record<string, z.ZodType>;
  const known = keys.filter((k) => shape[k] !== undefined);
  if (known.length === 0) return '| | |';
  return `| ${cell(known.map((k) => typeName(shape[k] as z.ZodType)).join('; '))} | ${known.map((k) => (isRequired(shape[k]) ? 'yes' : 'no')).join('; ')} |`;
}

function row(rule: Rule, platform: string, t: Table): string {
  switch (rule.kind) {
    case 'field':
      return `| ${code(rule.key)} ${typeCells(t, [rule.key])} ${cpath(rule.canonical)} | ${cell([rule.value?.note, rule.note, rule.nonNull ? 'null kept as platform data' : undefined].filter(Boolean).join('; ') || 'as is')} |`;
    case 'keep':
      return `| ${code(rule.key)} ${typeCells(t, [rule.key])} ${cpath(['platformData', platform, rule.key])} | ${cell(`kept for ${platform} only (${rule.loss}): ${rule.note}`)} |`;
    case 'custom':
      return `| ${rule.keys.map(code).join(', ') || '(none)'} ${typeCells(t, rule.keys)} ${rule.canonical.map(cpath).join(', ')} | ${cell(rule.note)} |`;
  }
}

const table = (t: Table, platform: string): string =>
  [`### ${t.name}`, '', '| platform field | type | required | canonical field | note |', '| --- | --- | --- | --- | --- |', ...t.rules.map((r) => row(r, platform, t)), ''].join('\n');

/** `docs/mappings/<platform>.md`: every field correspondence, read from the mapping tables. */
export function renderMappingDocs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const p of platforms) {
    const lines = [
      `# ${p.label} (\`${p.id}\`)`,
      '',
      '<!-- Generated by `npm run docs:mappings` from the mapping tables in src/platforms/. Do not edit. -->',
      '',
      `Record: ${p.source}. Keys not listed here are accepted and travel as \`platformData.${p.id}\` (reported as \`unknown_field\` when another platform cannot hold them).`,
      '',
      '## Fields',
      '',
      ...p.tables.map((t) => table(t, p.id)),
      '## Read payloads (`unwrap`)',
      '',
      ...p.payloads.map((s) => `- ${s.name}`),
      '',
      ...(p.errorBody
        ? [
            '## API error responses',
            '',
            `An error body of the API given as a record or payload is one issue \`error_response\` at the root, quoting the API's own messages (at most ${ERROR_TEXT_LIMIT} characters, hash-shaped words hidden): ${p.errorBody.name}.`,
            '',
          ]
        : []),
      ...((p.shopValues ?? []).length > 0
        ? [
            '## Shop values (`defaults`)',
            '',
            `Record fields no other platform holds: give them in \`defaults\` when converting to ${p.label}.`,
            '',
            ...(p.shopValues ?? []).map((v) => `- ${code(v.key)}: ${v.note} (e.g. \`defaults: { ${v.key}: ${JSON.stringify(v.example)} }\`)`),
            '',
          ]
        : []),
      '## Request bodies (`toRequest`)',
      '',
      ...requestLines('create', p.requests.create),
      ...requestLines('update', p.requests.update),
      '',
      ...(Object.keys(p.options.shape).length > 0
        ? [
            `## Options (\`platformOptions${/^[A-Za-z_$][\w$]*$/.test(p.id) ? `.${p.id}` : `['${p.id}']`}\`)`,
            '',
            ...Object.entries(p.options.shape as Record<string, z.ZodType>).map(([k, v]) => `- \`${k}\`: ${v.description ?? ''}`),
            '',
          ]
        : []),
      ...(p.residue
        ? [
            '## Residue',
            '',
            `Values a ${p.label} record has no field for travel in its metadata under \`${RESIDUE_KEY}\` (opt out with \`residue: false\`), so a record converted here and back returns exactly; they are reported with code \`carried\`.`,
            '',
            `- customer-level values: ${cpath(p.residue.customer)}`,
            ...(p.residue.item ? [`- values of each element of \`${p.residue.item.list}\`, in the element's own bag (they follow it wherever it is stored): ${cpath(p.residue.item.bag)}`] : []),
            '',
          ]
        : []),
      '## Decisions on unverified facts',
      '',
      ...p.decisions.map((d) => `- ${d}`),
      '',
    ];
    files.set(`${p.id}.md`, lines.join('\n'));
  }
  return files;
}
