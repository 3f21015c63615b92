// Page paths and anchors shared by the page generator (scripts/site.ts) and the playground, so a loss
// shown in the playground links to the row the generator wrote for its field.

/** The page of a platform pair, relative to the site root (no extension). */
export const pairPage = (from: string, to: string): string => `pairs/${from}-to-${to}`;

/** The page of a platform's fields. */
export const platformPage = (id: string): string => `mappings/${id}`;

/** The anchor of a source field's row on a pair page: array indices become `n` (`addresses.0.city` -> `f-addresses-n-city`). */
export const fieldAnchor = (path: readonly (string | number)[]): string =>
  `f-${path.map((k) => (typeof k === 'number' ? 'n' : String(k).replace(/[^A-Za-z0-9_]/g, '_'))).join('-')}`;

/** The anchor of a loss or issue code on the codes page. */
export const codeAnchor = (code: string): string => code;
