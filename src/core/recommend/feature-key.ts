/**
 * Feature ids ("s:<signal>", "c:<criterion>", "x:<role>@<status>&<kind>") are built once and kept:
 * they come from the knowledge's own ids, so the cache stays small, and a verdict builds no strings
 * for them. Past CACHE_LIMIT ids (facts carried in from elsewhere could name anything) they are
 * built afresh each time instead.
 */
const CACHE_LIMIT = 50_000;

type Make = (a: string, b: string) => string;
const cache = new Map<Make, Map<string, Map<string, string>>>();
let cached = 0;

/** The id `make(a, b)` builds, from the cache when it has been built before. */
export function featureKey(make: Make, a: string, b = ''): string {
  let byA = cache.get(make);
  if (!byA) {
    byA = new Map();
    cache.set(make, byA);
  }
  let byB = byA.get(a);
  if (!byB) {
    byB = new Map();
    byA.set(a, byB);
  }
  let key = byB.get(b);
  if (key === undefined) {
    key = make(a, b);
    if (cached++ < CACHE_LIMIT) byB.set(b, key);
  }
  return key;
}

export const signalKey: Make = (signal) => `s:${signal}`;
/** a fact in a status: `s:<signal>@<status>` (for a product role, its role feature) */
export const statusKey: Make = (signal, status) => `s:${signal}@${status}`;
export const criterionKey: Make = (criterion) => `c:${criterion}`;
export const missingKey: Make = (followUp) => `m:${followUp}`;
/** a role feature (`s:<role>@<status>`) crossed with a kind of question */
export const crossKey: Make = (role, kind) => `x:${role.slice(2)}&${kind}`;
export const pairKey: Make = (a, b) => `p:${a}&${b}`;
export const groupKey: Make = (group) => `k:${group}`;
