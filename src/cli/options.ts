// The `convert` command's arguments (citty definitions, each with its description) and their checks.
// Everything wrong with the command line is a `UsageError`: exit code 2, one line.
import { readFileSync } from 'node:fs';
import type { ArgsDef } from 'citty';
// The CSV module's errors, from the module it throws them with: the CLI bundle holds it (and the core
// it uses) beside the library it imports as a package, so `InvalidOptionError` of '../index.js' is
// another class there.
import type { InvalidOptionError } from '../core/issues.js';
import { setOwn } from '../core/objects.js';
import { withArticle } from '../core/words.js';
import { writerSetup, type MagentoCsvReadOptions, type MagentoCsvWriteOptions } from '../csv/magento.js';
import { phoneModes, platforms, requiredDefaults, safeConvert, type Operation, type PhoneMode, type PlatformId, type PlatformOptions } from '../index.js';
import { InputError, reason } from '../io/input.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const inputFormats = ['ndjson', 'json', 'magento-csv', 'magento-composite-csv'] as const;
export const outputFormats = ['ndjson', 'json', 'magento-csv'] as const;
export type InputFormat = (typeof inputFormats)[number];
export type OutputFormat = (typeof outputFormats)[number];

export const convertArgs = {
  input: {
    type: 'positional',
    required: false,
    valueHint: 'INPUT',
    description: 'Input file: .ndjson/.jsonl (a record or read payload per line, or an array of them), .json (an array or a read payload), .csv (Magento export). Standard input when left out or "-".',
  },
  from: { type: 'enum', options: [...platforms], required: true, description: 'Platform the input records come from.' },
  to: { type: 'enum', options: [...platforms], required: true, description: 'Platform to convert them to.' },
  output: {
    type: 'string',
    alias: 'o',
    valueHint: 'OUT',
    description: 'Output file, written to a temporary file beside it and renamed when the run ends. Standard output when left out or "-". No file the run writes (OUT, the rejects file, the report, the Customer Addresses file of magento-csv) may be a file it reads (INPUT, --addresses, --platform-options) or another of its outputs: that is a usage error.',
  },
  rejects: {
    type: 'string',
    valueHint: 'FILE',
    description:
      'Records that could not be converted, one NDJSON line { line, input, issues } each (line: the record number in the input; with index for an element of an array line, inputBase64 for a line that is not UTF-8). A Magento CSV input (magento-csv) adds file: "main", or "addresses" for an address record (line: its number in the --addresses file) whose customer is not in the main file. Default with -o: OUT with its extension replaced by .rejects.ndjson; without -o they are not kept (a warning on stderr, even with --quiet, says how many). "-": standard output, when the records do not go there (-o FILE; a usage error otherwise, and with --dry-run, whose report goes there). Holds the raw input, passwords and hashes included.',
  },
  report: {
    type: 'string',
    valueHint: 'FILE',
    description:
      'Write a JSON report: counts, losses and rejects by path and by code, hints naming the option that fixes a frequent reject or loss (--default, --platform-options and the lookup tables it needs, --from), warnings (a Magento CSV main file without --addresses), duration, records per second. "-": standard output, when the records do not go there (-o FILE; a usage error otherwise); with --dry-run the report goes there anyway.',
  },
  default: {
    type: 'string',
    valueHint: 'key=value',
    description:
      'A target-record field used where a record has none, e.g. website_id=1. The value is read as JSON when it parses and the field can hold it, else as the text typed: website_id=1 is the number 1, addresses.telephone=0391234567 the text 0391234567 (a text field keeps what was typed), code=\'"007"\' (a JSON string, quoted for the shell) the text 007. Repeatable, one value per key. A key the target record does not have, a key given twice, or a value the field cannot hold (website_id=abc) is a usage error. Required when no --from record holds the value: website_id with --to magento, enterprise_id with --to enterprise-v1 (from any other platform); without it the run does not start. A key addresses.FIELD is a field of the target\'s addresses, filled in each address that has none, e.g. --default "addresses.telephone=+61 3 9000 0000" (not reported as a loss).',
  },
  'platform-options': {
    type: 'string',
    valueHint: 'FILE',
    description:
      'A JSON file of per-platform options keyed by platform id (the library\'s platformOptions: lookup tables, street lines), e.g. {"magento": {"streetLines": 3, "groups": [{"id": 2, "name": "Wholesale"}]}, "v4": {"countries": [{"id": 13, "code": "AU"}]}}. A Magento shop whose address telephone is optional ("Show Telephone"): {"magento": {"requiredAddressFields": []}} (by default an address without one is left out and reported, as a standard install requires it). Checked before reading the input: an option the library refuses is a usage error naming its path.',
  },
  residue: {
    type: 'boolean',
    default: true,
    description:
      'Keep the values the target cannot hold out of its metadata bag (Medusa metadata "customer_codecs", where they otherwise travel so that converting back restores them): the metadata keeps only its own keys, and the report counts those values as losses (not_representable, platform_data, …) instead of "carried". E.g. --from magento --to medusa --no-residue.',
  },
  'strict-addresses': {
    type: 'boolean',
    description:
      'Reject a customer when the target cannot hold one of its addresses (a Magento address with no telephone, an address with nothing in it). By default such an address is left out and reported as one loss (not_representable) at it, and the customer converts.',
  },
  'derive-names': {
    type: 'boolean',
    default: true,
    description:
      "Leave a customer's missing names missing (the library's deriveNames: false). By default, where the target requires names the customer record lacks (a Medusa or Open Food Network guest to Magento), they are taken from the customer's default billing address, else the first address that has them, and the report counts each (derived). With no name on any address the customer is rejected either way. E.g. --from medusa --to magento --default website_id=1 --no-derive-names.",
  },
  phones: {
    type: 'enum',
    options: [...phoneModes],
    default: 'as-written',
    description:
      "How phones travel (the library's phones option). as-written: each phone exactly as the source wrote it, never parsed or changed. e164: normalised to E.164 (+61391234567) with libphonenumber-js, read in its address's country (the customer's phone in the customer's); the report counts each phone changed (value_changed) and each that is no valid number, written as it was (not_normalised). Parsing costs about 18 µs a phone. E.g. --from magento --to medusa --phones e164.",
  },
  addresses: { type: 'string', valueHint: 'FILE', description: 'Magento Customer Addresses CSV, joined on (_email, _website) with a Customers Main File INPUT. An address record whose customer is not in INPUT is a reject of its own, with file: "addresses". A main file read without it converts every customer without addresses: the summary and the report warn, naming a Customer Addresses file found beside INPUT (by its header), then even with --quiet; the Customer Addresses file given as INPUT is a usage error naming --addresses.' },
  website: {
    type: 'string',
    valueHint: 'CODE=ID',
    description:
      'A Magento website code and its website_id, e.g. --website base=1. Repeatable. Reading a Magento CSV: a row gets the id of its _website code, as the Magento importer (which ignores the website_id column) does; a website_id cell naming another website is reported (value_changed at website_id); a code without a pair keeps the website_id cell. Writing magento-csv: the _website code written for each website_id, in place of the default 0=admin, 1=base (a record whose website_id has no code is rejected).',
  },
  store: {
    type: 'string',
    valueHint: 'CODE=ID',
    description:
      'A Magento store view code and its store_id, e.g. --store default=1. Repeatable. Reading a Magento CSV: a row gets the id of its _store code, as the Magento importer (which ignores the store_id column) does; a store_id cell naming another store view is reported (value_changed at store_id); a code without a pair keeps the store_id cell. Writing magento-csv: the _store code written for each store_id, in place of the default 0=admin, 1=default (a store_id without a code leaves _store empty).',
  },
  attribute: {
    type: 'string',
    valueHint: 'customer:CODE|address:CODE',
    description:
      'A merchant attribute column for magento-csv output, e.g. --attribute customer:loyalty_tier --attribute address:delivery_notes. Repeatable. The column CODE is appended to the Customers Main File (customer:) or the Customer Addresses file (address:) and holds the text value of the custom_attributes entry whose attribute_code is CODE; without a column, the report counts that attribute as a loss (custom_attributes.0). A CODE that is already a column of the file is a usage error.',
  },
  'input-format': {
    type: 'enum',
    options: [...inputFormats],
    description: 'Input format. Default: from the extension of INPUT (.csv: magento-csv, read as magento-composite-csv when its header has _address_ columns); ndjson for standard input (NDJSON that starts like one JSON document over several lines gets a hint on stderr to pass --input-format json).',
  },
  'output-format': {
    type: 'enum',
    options: [...outputFormats],
    description: 'Output format. Default: from the extension of OUT (.json, .csv), else ndjson. magento-csv (--to magento): OUT is the Customers Main File and <OUT without .csv>.addresses.csv the Customer Addresses file.',
  },
  request: {
    type: 'enum',
    options: ['create', 'update'],
    description:
      "Write each record's API request body for this operation instead of the record; the report also counts what the bodies leave out. --to medusa-v2 writes each record's calls in order, a JSON array [{method, path, body}] (the customer, then each address on its own route; {id} in a path is the customer id the first call's response gives). Not --to medusa --request create: Medusa's admin create requires a password, which the CLI cannot give (a usage error; write the records, or use update).",
  },
  'dry-run': { type: 'boolean', description: 'Convert everything and write no output: print the report (JSON, to standard output) and the summary. --rejects and --report are still written when given.' },
  limit: {
    type: 'string',
    valueHint: 'N',
    description:
      'Convert only the first N input items (NDJSON lines, JSON records, CSV customers) and stop: a trial run of the options on a large export. The report and summary count those N.',
  },
  workers: { type: 'string', valueHint: 'N', default: '1', description: 'Worker threads converting batches of records in parallel; the output keeps the input order. Each worker warms up on its own and the reading thread needs a core too: with as many workers as cores they pay off on large inputs only (on 2 cores, 2 workers were slower than one thread at 5,000 records and 1.5x faster at 100,000), and a smaller run says so. Each worker heap is limited to 96 MiB (environment CUSTOMER_CODECS_WORKER_HEAP_MB); a batch that does not fit is converted in the main thread.' },
  quiet: { type: 'boolean', alias: 'q', description: 'Print no progress and no summary on stderr; a warning that rejected records were not kept (no --rejects, output to standard output) is still printed, and so is the warning naming a Customer Addresses file beside a main file read without --addresses.' },
  'docs-url': {
    type: 'string',
    valueHint: 'BASE',
    description:
      'Print, under the summary, the docs page of each loss and issue code the run met (BASE + "reference/codes#" + code), e.g. --docs-url https://customer-codecs.github.io/customer-codecs/ (the published site). The report always holds these links ("docs"), with this BASE or the published site.',
  },
  verbose: { type: 'boolean', description: "On an error, print its stack; print one line per rejected record on stderr (issue codes and paths, never values) and per payload that held no records." },
} as const satisfies ArgsDef;

export interface ConvertOptions {
  readonly from: PlatformId;
  readonly to: PlatformId;
  /** A file path; undefined for standard input. */
  readonly input: string | undefined;
  readonly output: string | undefined;
  /** `--rejects FILE`; undefined when not given, and for `--rejects -` (then `stdout` is `'rejects'`). */
  readonly rejects: string | undefined;
  /** `--report FILE`; undefined when not given, and for `--report -` (then `stdout` is `'report'`). */
  readonly report: string | undefined;
  /**
   * What standard output holds: the records (no `-o`, or `-o -`), the rejects (`--rejects -`), the
   * report (`--report -`, or `--dry-run`'s), or nothing. Never two of them (a usage error).
   */
  readonly stdout: StdoutUse;
  readonly addresses: string | undefined;
  readonly defaults: Record<string, unknown>;
  /** `--platform-options`: the file, and its content (JSON, checked by the library when the run starts). */
  readonly platformOptionsFile: string | undefined;
  readonly platformOptions: PlatformOptions | undefined;
  /** `false` with `--no-residue`. */
  readonly residue: boolean;
  /** `--strict-addresses`: reject a customer whose address the target cannot hold, instead of leaving the address out. */
  readonly strictAddresses: boolean;
  /** `false` with `--no-derive-names`. */
  readonly deriveNames: boolean;
  /** `--phones`: the library's `phones` option. */
  readonly phones: PhoneMode;
  /** `--website`/`--store` as the Magento CSV reader's code -> id tables (Magento CSV input only). */
  readonly csvRead: Pick<MagentoCsvReadOptions, 'websites' | 'stores'>;
  /** `--website`/`--store` as the Magento CSV writer's id -> code tables, `--attribute` as its columns (magento-csv output only). */
  readonly csvWrite: MagentoCsvWriteOptions;
  readonly inputFormat: InputFormat;
  readonly outputFormat: OutputFormat;
  readonly request: Operation | undefined;
  readonly dryRun: boolean;
  readonly workers: number;
  /** Convert only the first this many input items (`--limit`). */
  readonly limit?: number;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** `--docs-url`: the docs site the summary links each code to; `undefined`: no links in the summary. */
  readonly docsUrl?: string;
}

/** What a run writes to standard output (see `ConvertOptions.stdout`). */
export type StdoutUse = 'records' | 'rejects' | 'report' | undefined;

/**
 * Who has standard output: one of the records, `--rejects -` and `--report -` (`--dry-run` prints
 * its report there); a second one is a usage error, since their lines would mix.
 */
function stdoutUse(records: boolean, dryRun: boolean, rejects: boolean, report: boolean): StdoutUse {
  const holder = records ? 'the records (no -o, or -o -)' : dryRun ? 'the report of --dry-run' : undefined;
  for (const [dash, flag] of [[rejects, '--rejects'], [report && !dryRun, '--report']] as const) {
    if (dash && holder) throw new UsageError(`${flag} -: standard output holds ${holder}: give ${flag} a file${records ? ', or write the records to a file with -o' : ''}`);
  }
  if (rejects && report) throw new UsageError('--rejects - and --report -: standard output can hold only one of them: give the other a file');
  return records ? 'records' : rejects ? 'rejects' : report || dryRun ? 'report' : undefined;
}

const extension = (path: string) => /\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? '';

export function inputFormatOf(path: string | undefined): InputFormat {
  if (path === undefined) return 'ndjson';
  const ext = extension(path);
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'magento-csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  throw new UsageError(`cannot tell the format of ${path} from its extension: pass --input-format`);
}

export function outputFormatOf(path: string | undefined): OutputFormat {
  const ext = path === undefined ? '' : extension(path);
  return ext === '.json' ? 'json' : ext === '.csv' ? 'magento-csv' : 'ndjson';
}

/** `customers.csv` -> `customers.addresses.csv`: the Customer Addresses file written beside the main file. */
export const addressesPathOf = (output: string) => `${output.replace(/\.csv$/i, '')}.addresses.csv`;

/** `out/medusa.ndjson` -> `out/medusa.rejects.ndjson`. */
export const rejectsPathOf = (output: string) => `${output.replace(/\.[^./\\]+$/, '')}.rejects.ndjson`;


/**
 * The request bodies a target API refuses without a password (platforms.md §1.7: Medusa's
 * `POST /admin/customers`), which the CLI cannot give: a password belongs to one customer, and records
 * never hold one. Such a run would reject every record, so it is refused before reading anything.
 * test/cli/options.test.ts checks this table against the library's request schemas.
 */
export const passwordRequired: Readonly<Partial<Record<PlatformId, readonly Operation[]>>> = { medusa: ['create'] };

/** The values of `--website` or `--store` (`CODE=ID`) as a code -> id table; `undefined` when none is given. */
export function parseCodes(values: readonly string[], flag: string, example: string): Record<string, number> | undefined {
  if (values.length === 0) return undefined;
  const table: Record<string, number> = {};
  for (const text of values) {
    const [, code = '', id = ''] = /^([^=\s]+)=(\d+)$/.exec(text) ?? [];
    if (!code || !Number.isSafeInteger(Number(id))) throw new UsageError(`${flag} expects CODE=ID with a whole-number id, e.g. ${flag} ${example}`);
    if (Object.hasOwn(table, code)) throw new UsageError(`${flag} ${code} is given twice`);
    setOwn(table, code, Number(id));
  }
  return table;
}

/** A code -> id table as the CSV writer's id -> code table; an id given two codes is a usage error (it writes one). */
export function codesById(table: Readonly<Record<string, number>>, flag: string): Record<number, string> {
  const byId: Record<number, string> = {};
  for (const [code, id] of Object.entries(table)) {
    if (Object.hasOwn(byId, id)) throw new UsageError(`${flag}: ${byId[id]} and ${code} have the same id ${id}, and magento-csv output writes one code per id`);
    byId[id] = code;
  }
  return byId;
}

/** What the library's `InvalidOptionError` says about its option, without the `Invalid option "…": ` before it. */
/**
 * Whether `error` is an `InvalidOptionError`, by name: dist/cli.js holds the package's class and the
 * bundled CSV module's own copy of it, and `instanceof` knows only one of them.
 */
export const isInvalidOption = (error: unknown): error is InvalidOptionError =>
  error instanceof Error && error.name === 'InvalidOptionError' && typeof (error as { option?: unknown }).option === 'string';

export function optionDetail(error: InvalidOptionError): string {
  const prefix = `Invalid option "${error.option}": `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

const attributeFiles = { customer: 'the Customers Main File', address: 'the Customer Addresses file' } as const;

/** The values of `--attribute` (`customer:CODE`, `address:CODE`) as the CSV writer's `attributes`; `undefined` when none is given. */
export function parseAttributes(values: readonly string[]): MagentoCsvWriteOptions['attributes'] {
  if (values.length === 0) return undefined;
  const attributes: { customer: string[]; address: string[] } = { customer: [], address: [] };
  for (const text of values) {
    const [, side, code = ''] = /^(customer|address):([A-Za-z][A-Za-z0-9_]*)$/.exec(text) ?? [];
    if (side !== 'customer' && side !== 'address') {
      throw new UsageError('--attribute expects customer:CODE or address:CODE, CODE an attribute code (a letter, then letters, digits, _), e.g. --attribute customer:loyalty_tier');
    }
    attributes[side].push(code);
  }
  // The writer refuses a code that is already a column of its file.
  try {
    writerSetup({ attributes });
  } catch (error) {
    if (!isInvalidOption(error)) throw error;
    const side = error.option === 'attributes.address' ? 'address' : 'customer';
    throw new UsageError(`--attribute: ${optionDetail(error)} of ${attributeFiles[side]}`);
  }
  return attributes;
}

/**
 * The value of `--default key=value` for the target `to`: JSON when it parses (`1`, `true`, `"1"`,
 * `{…}`) and the target field can hold it, else the text as typed. So a text field keeps what was
 * typed (`addresses.telephone=391234567` is the text, not the number), and a numeric field gets its
 * number (`website_id=1`). A JSON `null` stays null (a default fills a null, it is never one): refused.
 */
export function parseDefault(text: string, to: PlatformId): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--default expects key=value, e.g. --default website_id=1`);
  const key = text.slice(0, eq);
  const raw = text.slice(eq + 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [key, raw];
  }
  if (typeof parsed === 'string' || parsed === null || holdsDefault(to, key, parsed) || !holdsDefault(to, key, raw)) return [key, parsed];
  return [key, raw];
}

/** Whether the library takes `value` as the default `key` of a `to` record (it checks defaults before reading anything). */
function holdsDefault(to: PlatformId, key: string, value: unknown): boolean {
  const defaults: Record<string, unknown> = {};
  setOwn(defaults, key, value);
  try {
    safeConvert({}, { from: to, to, defaults: defaults as never });
    return true;
  } catch (error) {
    if (isInvalidOption(error)) return false;
    throw error;
  }
}

/** Why `JSON.parse` refused a text, in one line and without quoting it (Node quotes a window of the text). */
function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const short = message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '').replace(/ at position \d+.*$/s, '');
  const at = / at position (\d+)/.exec(message);
  if (!at) return short;
  const before = text.slice(0, Number(at[1]));
  return `${short} at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * The content of a `--platform-options` file. A file that cannot be read is an input error, one that
 * is not JSON a usage error; what the options say is checked by the library when the run starts.
 */
export function readPlatformOptions(path: string): PlatformOptions {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`--platform-options: cannot read ${path}: ${reason(error)}`);
  }
  try {
    return JSON.parse(text) as PlatformOptions;
  } catch (error) {
    throw new UsageError(`--platform-options ${path}: not valid JSON: ${jsonProblem(error, text)}`);
  }
}

/** Every value of a repeatable string option, in order (citty keeps only the last). */
export function repeated(rawArgs: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i] as string;
    if (arg === '--') break;
    if (arg === `--${name}`) {
      const next = rawArgs[i + 1];
      if (next === undefined) throw new UsageError(`--${name} expects a value`);
      values.push(next);
      i += 1;
    } else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
  }
  return values;
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Rejects options the command does not have (citty's parser lets them through). */
export function checkUnknown(rawArgs: readonly string[], args: ArgsDef): void {
  const takesValue = new Set<string>();
  const known = new Set<string>(['--help', '-h']);
  for (const [name, def] of Object.entries(args)) {
    if (def.type === 'positional') continue;
    const names = [`--${name}`, `--${camel(name)}`, ...['alias' in def && def.alias !== undefined ? def.alias : []].flat().map((a) => (a.length === 1 ? `-${a}` : `--${a}`))];
    for (const n of names) {
      known.add(n);
      if (def.type === 'boolean') known.add(`--no-${n.slice(2)}`);
      else takesValue.add(n);
    }
  }
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i] as string;
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const flag = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!known.has(flag)) throw new UsageError(`unknown option ${flag}`);
    if (takesValue.has(flag) && !arg.includes('=')) i += 1;
  }
}

export interface ParsedConvertArgs {
  readonly _: string[];
  readonly input?: string;
  readonly from: string;
  readonly to: string;
  readonly output?: string;
  readonly rejects?: string;
  readonly report?: string;
  readonly addresses?: string;
  readonly 'platform-options'?: string;
  readonly residue?: boolean;
  readonly 'strict-addresses'?: boolean;
  readonly 'derive-names'?: boolean;
  readonly phones?: string;
  readonly website?: string;
  readonly store?: string;
  readonly attribute?: string;
  readonly 'input-format'?: string;
  readonly 'output-format'?: string;
  readonly request?: string;
  readonly 'dry-run'?: boolean;
  readonly workers?: string;
  readonly quiet?: boolean;
  readonly limit?: string;
  readonly verbose?: boolean;
  readonly 'docs-url'?: string;
}

const nonEmpty = (value: string | undefined, flag: string): string | undefined => {
  if (value === undefined) return undefined;
  if (value === '') throw new UsageError(`${flag} expects a value`);
  return value;
};

/** The checked options of a `convert` command line. */
export function resolveOptions(args: ParsedConvertArgs, rawArgs: readonly string[]): ConvertOptions {
  checkUnknown(rawArgs, convertArgs);
  for (const name of ['from', 'to'] as const) {
    if (args[name] === undefined || args[name] === '') throw new UsageError(`missing --${name} <${platforms.join('|')}>`);
  }
  if (args._.length > 1) throw new UsageError(`expected at most one INPUT, got ${args._.length}`);
  const from = args.from as PlatformId;
  const to = args.to as PlatformId;
  const input = args.input === undefined || args.input === '-' ? undefined : args.input;
  const output = args.output === '-' ? undefined : nonEmpty(args.output, '--output');
  const addresses = nonEmpty(args.addresses, '--addresses');
  const inputFormat = (args['input-format'] as InputFormat | undefined) ?? inputFormatOf(input);
  const outputFormat = (args['output-format'] as OutputFormat | undefined) ?? outputFormatOf(output);
  const request = args.request as Operation | undefined;
  const dryRun = args['dry-run'] === true;
  if (request && passwordRequired[to]?.includes(request)) {
    throw new UsageError(
      `--to ${to} --request ${request}: ${withArticle(to)} ${request} body requires a password, which records never hold and the CLI cannot give; write the records without --request, or use --request update`,
    );
  }

  const limit = args.limit === undefined ? undefined : Number(args.limit);
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) throw new UsageError('--limit expects a whole number of records, 1 or more');
  const workers = Number(args.workers ?? '1');
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--workers expects a whole number from 1 to 64');

  const defaults: Record<string, unknown> = {};
  for (const text of repeated(rawArgs, 'default')) {
    const [key, value] = parseDefault(text, to);
    if (Object.hasOwn(defaults, key)) throw new UsageError(`--default ${key} is given twice`);
    setOwn(defaults, key, value);
  }
  // A shop value no record of --from holds would reject every record: refused before any input is read.
  const missing = requiredDefaults(from, to).filter((v) => !Object.hasOwn(defaults, v.key));
  if (missing.length > 0) {
    const needs = missing.map((v) => `--default ${v.key}=${v.key.endsWith('_id') ? 'ID' : 'VALUE'}`).join(' ');
    throw new UsageError(`--to ${to} needs ${needs}: ${from} records never hold ${missing.length === 1 ? 'it' : 'them'} (${missing.map((v) => `${v.key}: ${v.note}`).join('; ')})`);
  }
  const websites = parseCodes(repeated(rawArgs, 'website'), '--website', 'base=1');
  const stores = parseCodes(repeated(rawArgs, 'store'), '--store', 'default=1');
  const attributes = parseAttributes(repeated(rawArgs, 'attribute'));
  const platformOptionsFile = nonEmpty(args['platform-options'], '--platform-options');

  const csvInput = inputFormat === 'magento-csv' || inputFormat === 'magento-composite-csv';
  const csvOutput = outputFormat === 'magento-csv';
  if (csvInput && from !== 'magento') throw new UsageError(`--input-format ${inputFormat} reads Magento exports: use --from magento`);
  if (addresses !== undefined && inputFormat !== 'magento-csv') throw new UsageError('--addresses goes with a Magento Customers Main File (--input-format magento-csv)');
  if (csvOutput) {
    if (to !== 'magento') throw new UsageError('--output-format magento-csv writes Magento records: use --to magento');
    if (request) throw new UsageError('--request writes API request bodies, which have no CSV form: use ndjson or json');
    if (output === undefined && !dryRun) throw new UsageError('--output-format magento-csv writes two files, not standard output: give the main file with -o');
  }
  if ((websites || stores) && !csvInput && !csvOutput) {
    throw new UsageError(`${websites ? '--website' : '--store'} maps Magento CSV codes to ids: it goes with a Magento CSV input or --output-format magento-csv`);
  }
  if (attributes && !csvOutput) throw new UsageError('--attribute adds a column to Magento import CSVs: it goes with --output-format magento-csv');
  const rejects = nonEmpty(args.rejects, '--rejects');
  const report = nonEmpty(args.report, '--report');
  const stdout = stdoutUse(!dryRun && output === undefined, dryRun, rejects === '-', report === '-');
  const csvWrite = csvOutput ? { websites: websites && codesById(websites, '--website'), stores: stores && codesById(stores, '--store'), attributes } : {};
  return {
    from,
    to,
    input,
    output,
    rejects: rejects === '-' ? undefined : rejects,
    report: report === '-' ? undefined : report,
    stdout,
    addresses,
    defaults,
    platformOptionsFile,
    platformOptions: platformOptionsFile === undefined ? undefined : readPlatformOptions(platformOptionsFile),
    residue: args.residue !== false,
    strictAddresses: args['strict-addresses'] === true,
    deriveNames: args['derive-names'] !== false,
    phones: (args.phones as PhoneMode | undefined) ?? 'as-written',
    csvRead: csvInput ? { websites, stores } : {},
    csvWrite,
    inputFormat,
    outputFormat,
    request,
    dryRun,
    workers,
    ...(limit === undefined ? {} : { limit }),
    quiet: args.quiet === true,
    verbose: args.verbose === true,
    ...(args['docs-url'] === undefined ? {} : { docsUrl: nonEmpty(args['docs-url'], '--docs-url') }),
  };
}

/** Wraps `text` at `width` columns, each line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** The options section of `convert --help`, from the argument definitions (one block per option). */
export function renderOptions(args: ArgsDef): string {
  const blocks: string[] = [];
  for (const [name, def] of Object.entries(args)) {
    const alias = 'alias' in def && def.alias !== undefined ? [def.alias].flat() : [];
    const value =
      def.type === 'enum' ? ` <${(def.options ?? []).join('|')}>` : def.type === 'string' ? ` <${def.valueHint ?? name}>` : '';
    // A boolean that is on unless turned off is shown as the flag that turns it off.
    const negated = def.type === 'boolean' && 'default' in def && def.default === true;
    const flag = negated ? `--no-${name}` : `--${name}`;
    const head = def.type === 'positional' ? `  ${def.valueHint ?? name.toUpperCase()}` : `  ${[...alias.map((a) => `-${a}`), flag].join(', ')}${value}`;
    const notes = [def.description ?? '', def.type !== 'positional' && def.required ? '(required)' : '', 'default' in def && def.default !== undefined && !negated ? `(default: ${String(def.default)})` : '']
      .filter(Boolean)
      .join(' ');
    blocks.push(`${head}\n      ${wrap(notes, 90, '      ')}`);
  }
  return blocks.join('\n');
}
