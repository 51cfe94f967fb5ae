// A cache for pure functions of a string that repeat (a link's host, a posting app's name, a
// reason's text): at most `max` entries, and when full it starts over. No clock, so no ages:
// the classifier, which is pure, keeps its caches so too.

/** compute(key), remembered in `cache` (undefined is never a result: it means "not yet read"). */
export function remember<V>(cache: Map<string, V>, max: number, key: string, compute: (key: string) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
  }
  return value;
}
