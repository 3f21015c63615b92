// The generated pages of the docs site (docs/): one page per platform pair, the coverage matrix, the loss
// and issue codes, the CLI and API references, and the sidebar. Every page is read from the registry,
// the declarations and the library's own results on the bundled example records (examples/<id>.json),
// never from a list of platforms written here: a platform added to the registry appears on every page.
// `npm run docs:gen` writes them (docs:dev and docs:build run it first); they are not committed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { Customer } from '../src/canonical/customer.js';
import { convertArgs } from '../src/cli/options.js';
import type { Origin } from '../src/core/engine.js';
import type { Platform } from '../src/core/platform.js';
import type { PathTrie } from '../src/core/trie.js';
import { platforms, safeConvert, type Loss, type PlatformId } from '../src/index.js';
import { registry } from '../src/platforms/index.js';
import { codeAnchor, fieldAnchor, pairPage, platformPage } from '../docs/.vitepress/anchors.js';

type Path = (string | number)[];
type Json = Record<string, unknown>;

const root = join(import.meta.dirname, '..');
const platformOf = (id: string): Platform => (registry as unknown as Record<string, Platform>)[id] as Platform;
const label = (id: string): string => platformOf(id).label;

/** Shop values of the target, as each platform declares them: what a migration passes as `defaults`. */
export const shopDefaults = (to: string): Json => Object.fromEntries((platformOf(to).shopValues ?? []).map((v) => [v.key, v.example]));

/** The bundled example records of a platform (`examples/<id>.json`), none when it has no file. */
export function examplesOf(id: string): Json[] {
  const file = join(root, 'examples', `${id}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Json[]) : [];
}

const code = (s: string): string => `\`${s}\``;
/** Text for a table cell or a line: no pipes or line breaks, no HTML or Vue interpolation. */
const text = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{\{/g, '{ {');
const dotted = (p: readonly (string | number)[]): string => p.join('.') || '(root)';
const general = (p: readonly (string | number)[]): string => p.map((k) => (typeof k === 'number' ? '*' : k)).join('.') || '(root)';
const link = (page: string, anchor?: string): string => `/${page}${anchor ? `#${anchor}` : ''}`;

/** Every path in a JSON value, containers included, in document order. */
function paths(value: unknown, at: Path = [], out: { path: Path; leaf: boolean }[] = []): { path: Path; leaf: boolean }[] {
  const container = value !== null && typeof value === 'object';
  const entries: [string | number, unknown][] = !container ? [] : Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value as Json);
  if (at.length > 0) out.push({ path: at, leaf: entries.length === 0 });
  for (const [k, v] of entries) paths(v, [...at, k], out);
  return out;
}

/** Source path -> canonical path, read from a decode's origins (where each canonical value came from). */
function originMap(customer: unknown, origins: PathTrie<Origin>): Map<string, { canonical: Path; source: Path }> {
  const map = new Map<string, { canonical: Path; source: Path }>();
  for (const { path } of paths(customer)) {
    const o = origins.get(path);
    if (o) map.set(JSON.stringify(o.source), { canonical: path, source: [...o.source] });
  }
  return map;
}

/** The longest prefix of `path` that `map` holds, and the rest of the path below it. */
function longest<V>(path: Path, map: Map<string, V>): { value: V; rest: Path } | undefined {
  for (let n = path.length; n > 0; n--) {
    const v = map.get(JSON.stringify(path.slice(0, n)));
    if (v !== undefined) return { value: v, rest: path.slice(n) };
  }
  return undefined;
}

export type Fate = 'carried' | 'normalised' | 'residue' | 'lost';

/** One source value of a pair: where it goes, and whether it arrives. */
export interface PairRow {
  readonly source: Path;
  readonly canonical?: Path;
  /** The canonical path is the nearest one the decode names: the value is part of it. */
  readonly canonicalWithin?: boolean;
  readonly target?: Path;
  /** The target path is the nearest one the target record names: the value is part of it. */
  readonly targetWithin?: boolean;
  /** What became of the value in the example records: one entry per distinct fate and code (the third address of one record may be lost where the others arrive). */
  readonly outcomes: Outcome[];
}

export interface Outcome {
  readonly fate: Fate;
  readonly code?: string;
  readonly why?: string;
}

export interface PairRun {
  readonly from: string;
  readonly to: string;
  readonly rows: PairRow[];
  readonly example?: { before: Json; after?: unknown; losses: readonly Loss[]; issues?: readonly { code: string; path: Path; message: string }[] };
}

const fateOf = (loss: Loss | undefined): Fate =>
  !loss ? 'carried' : loss.code === 'carried' ? 'residue' : loss.code === 'value_changed' ? 'normalised' : loss.code === 'not_normalised' ? 'carried' : 'lost';

/** Runs the library on every example record of `from`, converted to `to`, and says what became of each source value. */
export function runPair(from: string, to: string): PairRun {
  const rows = new Map<string, PairRow>();
  let example: PairRun['example'];
  for (const record of examplesOf(from)) {
    const result = safeConvert(record, { from: from as PlatformId, to: to as PlatformId, defaults: shopDefaults(to) });
    if (!example) example = result.success ? { before: record, after: result.data, losses: result.losses } : { before: record, losses: [], issues: result.error.issues };
    if (!result.success) continue;
    const src = platformOf(from);
    const decoded = src.decodeRecord(src.record.parse(record) as Json);
    const toCanonical = originMap(decoded.customer, decoded.state.origins);
    const dst = platformOf(to);
    const back = dst.decodeRecord(dst.record.parse(result.data) as Json);
    const toTarget = new Map([...originMap(back.customer, back.state.origins).values()].map((o) => [JSON.stringify(o.canonical), o.source]));
    const losses = new Map(result.losses.map((l) => [JSON.stringify(l.path), l]));
    for (const { path, leaf } of paths(record)) {
      const loss = longest(path, losses)?.value;
      // Containers get a row only when a loss names them (a whole address left out).
      if (!leaf && !(loss && JSON.stringify(loss.path) === JSON.stringify(path))) continue;
      const key = general(path);
      const outcome: Outcome = { fate: fateOf(loss), ...(loss ? { code: loss.code, why: loss.message } : {}) };
      const have = rows.get(key);
      if (have) {
        if (!have.outcomes.some((o) => o.fate === outcome.fate && o.code === outcome.code)) have.outcomes.push(outcome);
        if (have.target || loss) continue;
      }
      const c = longest(path, toCanonical);
      const canonical = c ? c.value.canonical : undefined;
      const t = canonical && !loss ? longest(canonical, toTarget) : undefined;
      rows.set(key, {
        source: path,
        ...(canonical ? { canonical, canonicalWithin: (c?.rest.length ?? 0) > 0 } : {}),
        ...(t ? { target: t.value, targetWithin: t.rest.length > 0 || (c?.rest.length ?? 0) > 0 } : {}),
        outcomes: have?.outcomes ?? [outcome],
      });
    }
  }
  return { from, to, rows: [...rows.values()], ...(example ? { example } : {}) };
}

const FATE_TEXT: Record<Fate, string> = {
  carried: 'carried',
  normalised: 'normalised',
  residue: 'carried in the residue',
  lost: 'lost',
};

function pairMarkdown(run: PairRun, all: readonly string[]): string {
  const { from, to } = run;
  const counts = (f: Fate) => run.rows.filter((r) => r.outcomes.some((o) => o.fate === f)).length;
  const lines = [
    '---',
    'aside: false',
    '---',
    '',
    `# ${label(from)} → ${label(to)}`,
    '',
    `Converting a [${label(from)}](${link(platformPage(from))}) record (\`${from}\`) to a [${label(to)}](${link(platformPage(to))}) record (\`${to}\`), field by field, as the library does it.`,
    `Every row below comes from running \`convert\` on the example records of \`examples/${from}.json\` at build time` +
      ` (with the target's shop values as \`defaults\`: \`${JSON.stringify(shopDefaults(to))}\`); array positions are written \`*\`.`,
    '',
    `Other way round: [${label(to)} → ${label(from)}](${link(pairPage(to, from))}).`,
    '',
  ];
  if (run.rows.length === 0) {
    lines.push(`::: warning No example record`, `\`examples/${from}.json\` holds no record that converts to \`${to}\`, so this page has no field rows yet. The [${label(from)} page](${link(platformPage(from))}) lists every field.`, ':::', '');
  } else {
    lines.push(
      `Of the example fields: **${counts('carried')} carried**, **${counts('normalised')} normalised**, **${counts('residue')} carried in the residue** (the target's metadata bag, so converting back restores them), **${counts('lost')} lost**.`,
      '',
      '## Field by field',
      '',
      `| ${from} field | canonical | ${to} field | fate | code and reason |`,
      '| --- | --- | --- | --- | --- |',
    );
    const anchored = new Set<string>();
    for (const r of run.rows) {
      const anchor = fieldAnchor(r.source);
      const id = anchored.has(anchor) ? '' : `<a id="${anchor}"></a>`;
      anchored.add(anchor);
      lines.push(
        `| ${id}${code(general(r.source))} | ${r.canonical ? code(general(r.canonical)) + (r.canonicalWithin ? ' (part of)' : '') : ''} | ${r.target ? code(general(r.target)) + (r.targetWithin ? ' (part of)' : '') : r.outcomes.some((o) => o.fate === 'residue') ? 'metadata bag' : '—'} | ${[...new Set(r.outcomes.map((o) => FATE_TEXT[o.fate]))].join(' · ')} | ${r.outcomes
          .filter((o) => o.code)
          .map((o) => `[${code(o.code ?? '')}](${link('reference/codes', codeAnchor(o.code ?? ''))}) ${text(o.why ?? '')}`)
          .join(' · ')} |`,
      );
    }
    lines.push('');
  }
  const ex = run.example;
  if (ex) {
    lines.push(
      '## Example: before and after',
      '',
      `The first record of \`examples/${from}.json\`, converted by the library when this page was built.`,
      '',
      `::: code-group`,
      '',
      '```json [' + from + ' (before)]',
      JSON.stringify(ex.before, null, 2),
      '```',
      '',
      '```json [' + to + ' (after)]',
      ex.after === undefined ? '// not converted: see the issues below' : JSON.stringify(ex.after, null, 2),
      '```',
      '',
      ':::',
      '',
      ...(ex.issues?.length ? ['Issues:', '', ...ex.issues.map((i) => `- [${code(i.code)}](${link('reference/codes', codeAnchor(i.code))}) at ${code(dotted(i.path))}: ${text(i.message)}`), ''] : []),
      `Losses of this record (${ex.losses.length}):`,
      '',
      ...ex.losses.map((l) => `- [${code(l.code)}](${link('reference/codes', codeAnchor(l.code))}) at [${code(dotted(l.path))}](#${fieldAnchor(l.path)}): ${text(l.message)}`),
      '',
    );
  }
  lines.push('## Every pair', '', ...all.flatMap((a) => all.filter((b) => b !== a).map((b) => `- [${label(a)} → ${label(b)}](${link(pairPage(a, b))})`)), '');
  return lines.join('\n');
}

// ---- coverage matrix: canonical field × platform ----------------------------------------------------

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The canonical model's fields, as paths (`*` for list elements), read from its zod schema. */
export function canonicalFields(s: z.ZodType = Customer, at: string[] = []): string[][] {
  const d = defOf(s);
  if (d.type === 'optional' || d.type === 'nullable') return canonicalFields(d.innerType as z.ZodType, at);
  if (d.type === 'array' && defOf(d.element as z.ZodType).type === 'object') return canonicalFields(d.element as z.ZodType, [...at, '*']);
  if (d.type === 'object' && d.shape && !(at.length > 0 && Object.keys(d.shape).length === 0))
    return Object.entries(d.shape).flatMap(([k, v]) => (k === 'platformData' ? [] : canonicalFields(v, [...at, k])));
  return [at];
}

/** Whether each platform's encode takes a canonical field, on a customer merged from every platform's decoded examples. */
function coverage(ids: readonly string[]): { field: string; by: Map<string, boolean | undefined> }[] {
  const merged: Json = {};
  const merge = (into: Json, from: Json): void => {
    for (const [k, v] of Object.entries(from)) {
      if (k === 'platformData') continue;
      const have = into[k];
      if (have === undefined) into[k] = structuredClone(v);
      else if (Array.isArray(have) && Array.isArray(v)) v.forEach((x, i) => (have[i] === undefined ? (have[i] = structuredClone(x)) : isObj(have[i]) && isObj(x) && merge(have[i] as Json, x)));
      else if (isObj(have) && isObj(v)) merge(have, v);
    }
  };
  for (const id of ids) for (const r of examplesOf(id)) {
    const p = platformOf(id);
    const parsed = p.record.safeParse(r);
    if (parsed.success) merge(merged, p.decodeRecord(parsed.data as Json).customer as Json);
  }
  const taken = new Map<string, PathTrie<true> | undefined>();
  for (const id of ids) {
    try {
      taken.set(id, platformOf(id).encodeCustomer(merged as Customer).state.consumed);
    } catch {
      taken.set(id, undefined);
    }
  }
  const concrete = (field: string[]): Path[] => {
    let out: Path[] = [[]];
    for (const k of field) {
      if (k !== '*') out = out.map((p) => [...p, k]);
      else out = out.flatMap((p) => {
        const list = p.reduce<unknown>((v, key) => (isObj(v) || Array.isArray(v) ? (v as Json)[key as string] : undefined), merged);
        return Array.isArray(list) ? list.map((_, i) => [...p, i]) : [];
      });
    }
    return out.filter((p) => p.reduce<unknown>((v, key) => (isObj(v) || Array.isArray(v) ? (v as Json)[key as string] : undefined), merged) !== undefined);
  };
  return canonicalFields().map((field) => {
    const at = concrete(field);
    const by = new Map<string, boolean | undefined>();
    for (const id of ids) {
      const t = taken.get(id);
      by.set(id, at.length === 0 || !t ? undefined : at.some((p) => t.heldAlong(p) !== undefined || t.node(p)?.holdsBelow === true || t.has(p)));
    }
    return { field: field.join('.'), by };
  });
}
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function coverageMarkdown(ids: readonly string[]): string {
  const rows = coverage(ids);
  return [
    '# Coverage matrix',
    '',
    'Which platform holds which field of the canonical model. Read from the library itself: every example record of every platform is decoded and merged into one canonical customer, which each platform then encodes; a field is held when the encode takes it.',
    '',
    '✓ held in a field of the record · ✗ not held (reported as a loss, or carried in the residue where the platform has a metadata bag) · ? no example record holds this field',
    '',
    `| canonical field | ${ids.map((id) => `[${code(id)}](${link(platformPage(id))})`).join(' | ')} |`,
    `| --- | ${ids.map(() => ':---:').join(' | ')} |`,
    ...rows.map((r) => `| ${code(r.field)} | ${ids.map((id) => ({ true: '✓', false: '✗', undefined: '?' })[String(r.by.get(id)) as 'true' | 'false' | 'undefined']).join(' | ')} |`),
    '',
  ].join('\n');
}

// ---- loss and issue codes, from the doc comments of their types -------------------------------------

/** The members of a string-literal union type alias of `file`, each with the doc comment written above it. */
export function unionMembers(file: string, alias: string): { code: string; doc: string }[] {
  const source = readFileSync(join(root, file), 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  let out: { code: string; doc: string }[] = [];
  sf.forEachChild((node) => {
    if (!ts.isTypeAliasDeclaration(node) || node.name.text !== alias || !ts.isUnionTypeNode(node.type)) return;
    let from = node.type.pos;
    out = node.type.types.flatMap((t) => {
      const between = source.slice(from, t.getStart(sf));
      from = t.end;
      if (!ts.isLiteralTypeNode(t) || !ts.isStringLiteral(t.literal)) return [];
      const comment = [...between.matchAll(/\/\*\*([\s\S]*?)\*\//g)].at(-1)?.[1] ?? '';
      return [{ code: t.literal.text, doc: comment.replace(/^\s*\* ?/gm, '').replace(/\s+/g, ' ').trim() }];
    });
  });
  return out;
}

function codesMarkdown(runs: readonly PairRun[]): string {
  const seen = new Map<string, Set<string>>();
  for (const r of runs) for (const row of r.rows) for (const { code: c } of row.outcomes) if (c) {
    const s = seen.get(c) ?? new Set<string>();
    if (s.size < 6) s.add(`[${r.from} → ${r.to}](${link(pairPage(r.from, r.to), fieldAnchor(row.source))}) ${code(general(row.source))}`);
    seen.set(c, s);
  }
  const section = (c: { code: string; doc: string }) => [
    `### ${c.code} {#${codeAnchor(c.code)}}`,
    '',
    text(c.doc || 'See the message that comes with it.'),
    '',
    ...(seen.has(c.code) ? [`Seen in the examples: ${[...(seen.get(c.code) ?? [])].join(', ')}.`, ''] : []),
  ];
  return [
    '# Loss and issue codes',
    '',
    'Every **loss** (`{ code, path, message }`: a source value the target cannot hold, `path` in the *source* record) and every **issue** (`{ code, path, message }`: why a record is invalid) carries one of these codes. Each has a stable anchor: `reference/codes#<code>` (the CLI prints these links with `--docs-url`). The texts are the doc comments of `LossCode` and `IssueCode` in `src/core/issues.ts`.',
    '',
    '## Loss codes',
    '',
    ...unionMembers('src/core/issues.ts', 'LossCode').flatMap(section),
    '## Issue codes',
    '',
    ...unionMembers('src/core/issues.ts', 'IssueCode').flatMap(section),
  ].join('\n');
}

// ---- CLI reference, from the citty argument definitions ---------------------------------------------

interface ArgDef {
  type?: string;
  alias?: string | string[];
  valueHint?: string;
  default?: unknown;
  options?: readonly string[];
  required?: boolean;
  description?: string;
}

export function cliMarkdown(args: Record<string, ArgDef> = convertArgs as unknown as Record<string, ArgDef>): string {
  const usage = (name: string, a: ArgDef): string => {
    if (a.type === 'positional') return a.valueHint ?? name.toUpperCase();
    if (a.type === 'boolean') return a.default === true ? `--no-${name}` : `--${name}`;
    return `--${name} ${a.type === 'enum' ? (a.options ?? []).join('|') : (a.valueHint ?? 'VALUE')}`;
  };
  return [
    '# CLI reference',
    '',
    'The `customer-codecs` command (`npx customer-codecs …`, or `node dist/cli.js …` in a checkout after `npm run build`). Generated from the command\'s own argument definitions (`convertArgs` in `src/cli/options.ts`); `customer-codecs convert --help` prints the same.',
    '',
    '```sh',
    'customer-codecs convert --from <platform> --to <platform> [INPUT] [options]',
    '```',
    '',
    `Platforms: ${platforms.map((p) => `[${code(p)}](${link(platformPage(p))})`).join(', ')}.`,
    '',
    '## convert',
    '',
    ...Object.entries(args).flatMap(([name, a]) => [
      `### ${code(usage(name, a))} {#${name}}`,
      '',
      [
        a.alias ? `alias ${[a.alias].flat().map((x) => code(`-${x}`)).join(', ')}` : '',
        a.required ? 'required' : '',
        a.default !== undefined && a.type !== 'boolean' ? `default ${code(String(a.default))}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      '',
      text(a.description ?? ''),
      '',
    ]),
  ].join('\n');
}

// ---- API reference, from the public exports and their doc comments ----------------------------------

export function apiMarkdown(): string {
  const entry = join(root, 'src', 'index.ts');
  const program = ts.createProgram([entry], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(entry);
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) throw new Error('src/index.ts has no module symbol');
  const sections: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const sym = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = sym.declarations?.[0];
    if (!decl) continue;
    const doc = ts.displayPartsToString(sym.getDocumentationComment(checker));
    const kind =
      sym.flags & ts.SymbolFlags.Class ? 'class' : sym.flags & ts.SymbolFlags.Function ? 'function' : sym.flags & ts.SymbolFlags.TypeAlias ? 'type' : sym.flags & ts.SymbolFlags.Interface ? 'interface' : 'const';
    let signature: string;
    if (kind === 'function') {
      const sigs = checker.getSignaturesOfType(checker.getTypeOfSymbolAtLocation(sym, decl), ts.SignatureKind.Call);
      signature = sigs.map((s) => `function ${exported.name}${checker.signatureToString(s, undefined, ts.TypeFormatFlags.NoTruncation)}`).join('\n');
    } else if (kind === 'class') {
      const ctor = checker.getSignaturesOfType(checker.getTypeOfSymbolAtLocation(sym, decl), ts.SignatureKind.Construct)[0];
      signature = `class ${exported.name} extends Error${ctor ? ` { constructor${checker.signatureToString(ctor)} }` : ''}`;
    } else if (kind === 'const') {
      signature = `const ${exported.name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(sym, decl), undefined, ts.TypeFormatFlags.NoTruncation)}`;
    } else {
      signature = decl.getText().replace(/^export /, '');
    }
    if (signature.length > 1600) signature = `${signature.slice(0, 1600)} …`;
    sections.push(`### ${exported.name} {#${exported.name}}`, '', `*${kind}* · \`import { ${exported.name} } from 'customer-codecs'\``, '', ...(doc ? [text(doc), ''] : []), '```ts', signature, '```', '');
  }
  return [
    '# API reference',
    '',
    'Every name `customer-codecs` exports, with its doc comment and its type, read from `src/index.ts` with the TypeScript compiler when the site is built. [Getting started](/guide/getting-started) shows them at work.',
    '',
    ...sections,
  ].join('\n');
}

// ---- performance, from docs/performance.md -----------------------------------------------------------

/** Markdown with `<`, `>` and `{{` outside code made literal, so VitePress reads no HTML or Vue in it. */
export function literalMarkdown(md: string): string {
  let fenced = false;
  return md
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced || /^\s*(```|~~~)/.test(line)) return line;
      return line
        .split(/(`+[^`]*`+)/)
        .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{\{/g, '&#123;&#123;')))
        .join('');
    })
    .join('\n');
}

// ---- the site ------------------------------------------------------------------------------------

export interface SidebarItem {
  text: string;
  link?: string;
  items?: SidebarItem[];
  collapsed?: boolean;
}

/** Every generated page (path under docs/ -> content), and the sidebar as JSON. */
export function renderSite(): Map<string, string> {
  const ids = [...platforms] as string[];
  const files = new Map<string, string>();
  const runs: PairRun[] = [];
  for (const from of ids) for (const to of ids) if (from !== to) {
    const run = runPair(from, to);
    runs.push(run);
    files.set(`${pairPage(from, to)}.md`, pairMarkdown(run, ids));
  }
  files.set('reference/coverage.md', coverageMarkdown(ids));
  files.set('reference/codes.md', codesMarkdown(runs));
  files.set('reference/cli.md', cliMarkdown());
  files.set('reference/api.md', apiMarkdown());
  files.set('reference/performance.md', literalMarkdown(readFileSync(join(root, 'docs', 'performance.md'), 'utf8')));
  const sidebar: SidebarItem[] = [
    {
      text: 'Introduction',
      items: [
        { text: 'Getting started', link: '/guide/getting-started' },
        { text: 'Library', link: '/guide/library' },
        { text: 'Command line', link: '/guide/cli' },
        { text: 'Fidelity rules', link: '/guide/fidelity' },
        { text: 'The canonical model', link: '/guide/canonical-model' },
        { text: 'Playground', link: '/playground' },
      ],
    },
    { text: 'Platforms', items: ids.map((id) => ({ text: `${label(id)} (${id})`, link: `/${platformPage(id)}` })) },
    ...ids.map((from) => ({ text: `From ${label(from)}`, collapsed: true, items: ids.filter((to) => to !== from).map((to) => ({ text: `${from} → ${to}`, link: `/${pairPage(from, to)}` })) })),
    {
      text: 'Reference',
      items: [
        { text: 'Coverage matrix', link: '/reference/coverage' },
        { text: 'Loss and issue codes', link: '/reference/codes' },
        { text: 'CLI', link: '/reference/cli' },
        { text: 'API', link: '/reference/api' },
        { text: 'Performance', link: '/reference/performance' },
      ],
    },
  ];
  files.set('.vitepress/generated/sidebar.json', `${JSON.stringify(sidebar, null, 2)}\n`);
  files.set('.vitepress/generated/platforms.json', `${JSON.stringify(ids.map((id) => ({ id, label: label(id), defaults: shopDefaults(id) })), null, 2)}\n`);
  return files;
}
