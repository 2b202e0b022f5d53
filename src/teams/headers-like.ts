import type { HeadersLike } from './connector-types.js';

/** The connector pipeline's header interface over a fetch `Headers` (names kept lower-case). */
export function headersLike(source: Iterable<[string, string]>): HeadersLike {
  const map = new Map<string, string>();
  for (const [name, value] of source) map.set(name.toLowerCase(), value);
  const like: HeadersLike = {
    set: (name, value) => void map.set(name.toLowerCase(), String(value)),
    get: (name) => map.get(name.toLowerCase()),
    contains: (name) => map.has(name.toLowerCase()),
    remove: (name) => map.delete(name.toLowerCase()),
    rawHeaders: () => Object.fromEntries(map),
    headersArray: () => [...map].map(([name, value]) => ({ name, value })),
    headerNames: () => [...map.keys()],
    headerValues: () => [...map.values()],
    clone: () => headersLike(map),
    toJson: () => Object.fromEntries(map),
  };
  return like;
}
