#!/usr/bin/env node
// The `customer-codecs` command (built as dist/cli.js, the package's `bin`). A thin adapter: argument
// handling here and in options.ts, the run in convert.ts, reading and writing in src/io and src/csv;
// every conversion is the library's.
import { defineCommand, runCommand, type CommandDef } from 'citty';
import pkg from '../../package.json';
import { runInterruptTasks } from '../io/cleanup.js';
import { InputError } from '../io/input.js';
import { runConvert } from './convert.js';
import { platforms } from '../index.js';
import { convertArgs, renderOptions, resolveOptions, UsageError, type ParsedConvertArgs } from './options.js';

const NAME = 'customer-codecs';
const mainDescription =
  'converts customer records between Magento 2, Medusa v1, WebCommander v4 and Open Food Network v1, reporting every value a target cannot hold.';
const convertDescription =
  'convert customer records from one platform to another. Every record read ends in the output or in the rejects file; the values the target cannot hold are counted in the report.';

const convertExamples = `EXAMPLES

  # A Magento NDJSON export to Medusa records, with rejects and a report
  ${NAME} convert --from magento --to medusa customers.ndjson -o medusa.ndjson --rejects rejects.ndjson --report report.json

  # An Open Food Network JSON:API page to Magento, as one JSON array (website_id: no OFN record has one)
  ${NAME} convert --from enterprise-v1 --to magento page.json --default website_id=1 -o magento.json

  # A Magento search result on standard input to WebCommander create bodies, NDJSON on standard output
  curl -s "$SHOP/rest/V1/customers/search?searchCriteria=" | ${NAME} convert --from magento --to v4 --input-format json --request create

  # Magento's CSV export (main file + addresses file) to Medusa, on two threads
  ${NAME} convert --from magento --to medusa customer.csv --addresses customer_address.csv -o medusa.ndjson --workers 2

  # Magento's CSV export whose rows name websites and stores by code only, to Medusa without the residue in metadata
  ${NAME} convert --from magento --to medusa customer.csv --website base=1 --store default=1 --no-residue -o medusa.ndjson

  # Medusa records to Magento's import CSVs: customers.csv and customers.addresses.csv
  ${NAME} convert --from medusa --to magento medusa.ndjson --default website_id=1 -o customers.csv

  # To Medusa with every phone normalised to E.164; the report counts each phone changed
  ${NAME} convert --from magento --to medusa customers.ndjson --phones e164 -o medusa.ndjson --report report.json

  # To WebCommander with the shop's country and state ids: shop.json is {"v4": {"countries": [{"id": 13, "code": "AU"}], "states": […]}}
  ${NAME} convert --from magento --to v4 customers.ndjson --platform-options shop.json -o v4.ndjson

  # A preview: what would convert, what would be rejected and what the target cannot hold
  ${NAME} convert --from magento --to enterprise-v1 customers.ndjson --default enterprise_id=42 --dry-run

EXIT CODES

  0  every record converted
  1  finished, with rejected records (in the rejects file)
  2  usage error, or the input or an output cannot be read or written (nothing is left at the output paths)
`;

/** Set by the command that ran (citty does not hand a subcommand's result back). */
let exitCode = 0;

const convert = defineCommand({
  meta: {
    name: 'convert',
    description: convertDescription,
  },
  args: convertArgs,
  run: async ({ args, rawArgs }) => {
    exitCode = await runConvert(resolveOptions(args as unknown as ParsedConvertArgs, rawArgs), process);
  },
});

const main = defineCommand({
  meta: {
    name: NAME,
    version: pkg.version,
    description: mainDescription,
  },
  subCommands: { convert },
});

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

function usage(argv: readonly string[]): string {
  const sub = argv.find((a) => !a.startsWith('-'));
  if (sub === 'convert') {
    return [
      `${NAME} convert: ${convertDescription}`,
      '',
      'USAGE',
      '',
      `  ${NAME} convert --from <platform> --to <platform> [INPUT] [-o OUT] [options]`,
      '',
      `  Platforms: ${platforms.join(', ')}.`,
      '',
      'ARGUMENTS AND OPTIONS',
      '',
      renderOptions(convertArgs),
      '',
      convertExamples,
    ].join('\n');
  }
  return [
    `${NAME} ${pkg.version}: ${mainDescription}`,
    '',
    'USAGE',
    '',
    `  ${NAME} convert --from <platform> --to <platform> [INPUT] [-o OUT] [options]`,
    `  ${NAME} convert --help     the options, formats, examples and exit codes`,
    `  ${NAME} --version`,
    '',
    'COMMANDS',
    '',
    `  convert    ${convertDescription}`,
    '',
    'EXAMPLE',
    '',
    `  ${NAME} convert --from magento --to medusa customers.ndjson -o medusa.ndjson --report report.json`,
    '',
  ].join('\n');
}

async function run(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage(argv)}\n`);
    return 0;
  }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (argv.length === 0) {
    process.stderr.write(`${usage(argv)}\n`);
    return 2;
  }
  try {
    await runCommand(main as CommandDef, { rawArgs: argv });
    return exitCode;
  } catch (error) {
    const usageError = error instanceof UsageError || (error instanceof Error && error.name === 'CLIError');
    const known = usageError || error instanceof InputError;
    const message = error instanceof Error ? plain(error.message) : String(error);
    process.stderr.write(`${NAME}: ${known ? '' : 'error: '}${message}\n`);
    if (usageError) process.stderr.write(`Run '${NAME} convert --help' for the options.\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

// An interrupted run removes its temporary files: nothing partial is left at an output path.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    runInterruptTasks();
    process.exit(code);
  });
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${NAME}: error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
