/** The join key of a customer: e-mail ignoring case (Magento lower-cases it on import) and website code. */
export const joinKey = (email: string, website: string): string => `${email.toLowerCase()}\u0000${website}`;
/** The e-mail of a join key; `undefined` for the key of a record whose customer cannot be told. */
const emailOfKey = (key: string): string | undefined => (key.includes('\u0000') ? key.slice(0, key.indexOf('\u0000')) : undefined);

/** An addresses-file record waiting for its customer: its cells, or its text and why it is damaged. */
export interface Waiting {
  readonly no: number;
  readonly cells?: string[];
  readonly raw?: string;
  readonly problem?: string;
}

/** A damaged addresses-file record that holds a customer's e-mail: its record number and what is wrong. */
export interface Suspect {
  readonly no: number;
  readonly problem: string;
}

/**
 * The addresses-file records waiting for their customer, by join key. Each is kept as one JSON
 * string `[no, cells]` or `[no, raw, problem]` (far less memory than arrays of cells); a key's entry
 * is removed when its customer is read, so what is left at the end is the records no customer claimed.
 * Beside them, the damaged records each e-mail appears in (`suspects`): a customer of that e-mail
 * may have rows inside one of them.
 */
export class WaitingRoom {
  private readonly byKey = new Map<string, string | string[]>();
  private readonly suspectsOf = new Map<string, Suspect[]>();
  /** Keys by e-mail, built at the first `takeEmail` (a damaged main-file record), after the last `add`. */
  private byEmail: Map<string, string[]> | undefined;

  add(key: string, w: Waiting): void {
    const encoded = JSON.stringify(w.cells ? [w.no, w.cells] : [w.no, w.raw, w.problem]);
    const found = this.byKey.get(key);
    if (found === undefined) this.byKey.set(key, encoded);
    else if (typeof found === 'string') this.byKey.set(key, [found, encoded]);
    else found.push(encoded);
  }

  /** Notes that damaged record `s` holds `email` (lower-cased). */
  suspect(email: string, s: Suspect): void {
    const found = this.suspectsOf.get(email);
    if (found) found.push(s);
    else this.suspectsOf.set(email, [s]);
  }

  /** The damaged records that hold `email` (any case), in file order. */
  suspects(email: string): readonly Suspect[] {
    return this.suspectsOf.get(email.toLowerCase()) ?? [];
  }

  /** The records of one customer, in file order. */
  take(key: string): Waiting[] {
    const found = this.byKey.get(key);
    if (found === undefined) return [];
    this.byKey.delete(key);
    return (typeof found === 'string' ? [found] : found).map(decode);
  }

  /** The records of every customer with this e-mail (any case), whatever the website, in file order. */
  takeEmail(email: string): Waiting[] {
    if (!this.byEmail) {
      this.byEmail = new Map();
      for (const key of this.byKey.keys()) {
        const e = emailOfKey(key);
        if (e === undefined) continue;
        const keys = this.byEmail.get(e);
        if (keys) keys.push(key);
        else this.byEmail.set(e, [key]);
      }
    }
    const lower = email.toLowerCase();
    const keys = this.byEmail.get(lower) ?? [];
    this.byEmail.delete(lower);
    return keys.flatMap((k) => this.take(k)).sort((a, b) => a.no - b.no);
  }

  /** Every record left, in file order, decoded one at a time. */
  *left(): Generator<Waiting> {
    const all = [...this.byKey.values()].flat();
    all.sort((a, b) => parseInt(a.slice(1), 10) - parseInt(b.slice(1), 10));
    for (const e of all) yield decode(e);
  }
}

function decode(encoded: string): Waiting {
  const [no, second, problem] = JSON.parse(encoded) as [number, string[] | string, string?];
  return Array.isArray(second) ? { no, cells: second } : { no, raw: second, problem: problem ?? '' };
}
