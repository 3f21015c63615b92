// Which of Magento's CSV files a file is, from its header alone (never a data row): the hints about
// `--addresses` read it before the run reads anything.
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ADDRESS_HEADER } from '../csv/magento.js';

/** Bytes read to find a header line: Magento's headers are a few hundred. */
const HEAD_BYTES = 64 * 1024;

/** The column names of a CSV file's first line (unquoted), or `undefined` when it cannot be read. */
function headerOf(path: string): string[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const size = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const text = buffer.subarray(0, size).toString('utf8').replace(/^\uFEFF/, '');
    const end = text.search(/\r?\n/);
    if (end === -1 && size === HEAD_BYTES) return undefined;
    const line = end === -1 ? text : text.slice(0, end);
    return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether the file at `path` is a Magento Customer Addresses file: its header names the customer by
 * `_email` (a main file's column is `email`) and holds most of the sample file's columns.
 */
export function isMagentoAddressesFile(path: string): boolean {
  const header = headerOf(path);
  if (!header || !header.includes('_email') || header.includes('email')) return false;
  const known = ADDRESS_HEADER.filter((c) => header.includes(c)).length;
  return known * 2 >= ADDRESS_HEADER.length;
}

/** The Magento Customer Addresses files beside `input` (same directory, `.csv`), by the path to give `--addresses`. */
export function addressesFilesBeside(input: string): string[] {
  const dir = dirname(input);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const own = resolve(input);
  return names
    .filter((name) => extname(name).toLowerCase() === '.csv' && resolve(dir, name) !== own)
    .sort()
    .map((name) => (dir === '.' && !input.startsWith('./') ? name : join(dir, name)))
    .filter(isMagentoAddressesFile);
}

/**
 * The warning for a Magento CSV main file read without `--addresses`: Magento's Customers Main File
 * holds no address, so every customer is converted without one. It names an addresses file found
 * beside the input, when there is one.
 */
export function noAddressesWarning(input: string | undefined): { text: string; loud: boolean } {
  const found = input === undefined ? [] : addressesFilesBeside(input);
  const base = `no --addresses: a Magento Customers Main File holds no addresses, so every customer is converted without any`;
  if (found.length === 0) return { text: `${base}; give the Customer Addresses file with --addresses FILE`, loud: false };
  const named = found.slice(0, 3).join(', ');
  return {
    text: `${base}, and ${found.length === 1 ? `${named} beside ${basename(input!)} is a Magento Customer Addresses file` : `${named}${found.length > 3 ? ', …' : ''} beside ${basename(input!)} are Magento Customer Addresses files`}: pass --addresses ${found[0]}`,
    loud: true,
  };
}
