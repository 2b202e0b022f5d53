/** Longer lists go to Array.prototype.sort: insertion sort is quadratic. */
const SMALL = 32;

/**
 * Sorts a list in place, stably, with the result Array.prototype.sort gives for the same comparator.
 * A short list is sorted by insertion: V8's sort sets up about a kilobyte of working storage per
 * call, which was most of what sorting a handful of reasons allocated.
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > SMALL) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as T;
    let j = i - 1;
    for (; j >= 0 && compare(list[j] as T, item) > 0; j--) list[j + 1] = list[j] as T;
    list[j + 1] = item;
  }
  return list;
}
