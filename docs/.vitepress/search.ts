// The words of the local search: field names are indexed whole (`region_id`) as well as by their parts
// (`region`, `id`), and a query is read the same way, so `region_id` finds the rows naming that field
// first and `region` still finds them all. The config indexes with it; the theme reads queries with it.

/** Words of a text: each word, and the parts of a word joined by `_`. */
export function fieldTokens(text: string): string[] {
  const words = text.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  return words.flatMap((w) => (w.includes('_') ? [w, ...w.split('_').filter(Boolean)] : [w]));
}

/** How a query is read: its words whole (`region_id` is one word), matched as prefixes by the theme's defaults. */
export function queryTokens(text: string): string[] {
  return text.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
}
