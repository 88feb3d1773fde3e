/** A small memo for results that are costly to compute and asked for again on every streamed update. */
export function boundedCache<V>(limit: number) {
  const map = new Map<string, V>();
  return {
    get(key: string, make: () => V): V {
      const hit = map.get(key);
      if (hit !== undefined) return hit;
      const v = make();
      if (map.size >= limit) map.delete(map.keys().next().value!);
      map.set(key, v);
      return v;
    },
    clear: () => map.clear(),
  };
}
