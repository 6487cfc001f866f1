/**
 * Finding repeated ids among many records without a hash map per record: 32-bit FNV-1a hashes,
 * radix-sorted in typed arrays, then exact string comparison inside each run of equal hashes.
 * O(n) time, 12 bytes per id, and memory-friendly where a `Map` of a million strings is not.
 * @module
 */

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/**
 * Indexes 0…n−1 ordered by `keys` (stable), with the keys in that order, by two 16-bit LSD radix
 * passes that carry the keys along (so the caller scans them sequentially).
 */
function radixOrder(keys: Uint32Array): { order: Uint32Array; sortedKeys: Uint32Array } {
  const count = keys.length;
  let order = new Uint32Array(count);
  let next = new Uint32Array(count);
  let sortedKeys = Uint32Array.from(keys);
  let nextKeys = new Uint32Array(count);
  for (let index = 0; index < count; index++) order[index] = index;
  for (let shift = 0; shift < 32; shift += 16) {
    const buckets = new Uint32Array(65_537);
    for (let position = 0; position < count; position++) buckets[((sortedKeys[position]! >>> shift) & 0xffff) + 1]!++;
    for (let bucket = 1; bucket < 65_537; bucket++) buckets[bucket]! += buckets[bucket - 1]!;
    for (let position = 0; position < count; position++) {
      const key = sortedKeys[position]!;
      const target = buckets[(key >>> shift) & 0xffff]!++;
      next[target] = order[position]!;
      nextKeys[target] = key;
    }
    [order, next] = [next, order];
    [sortedKeys, nextKeys] = [nextKeys, sortedKeys];
  }
  return { order, sortedKeys };
}

/**
 * Every repeated id: for each position whose id occurred earlier, the pair
 * `[position, first position of that id]`, in increasing position order.
 */
export function findDuplicateIds(ids: readonly string[]): Array<readonly [number, number]> {
  const count = ids.length;
  const hashes = new Uint32Array(count);
  for (let index = 0; index < count; index++) hashes[index] = fnv1a(ids[index]!);
  const { order, sortedKeys } = radixOrder(hashes);
  const duplicates: Array<readonly [number, number]> = [];
  for (let runStart = 0; runStart < count; ) {
    const hash = sortedKeys[runStart]!;
    let runEnd = runStart + 1;
    while (runEnd < count && sortedKeys[runEnd] === hash) runEnd++;
    // Within a run positions ascend (the sort is stable), so the first of each id is its earliest.
    if (runEnd - runStart > 1) {
      const firstOf = new Map<string, number>();
      for (let at = runStart; at < runEnd; at++) {
        const position = order[at]!;
        const first = firstOf.get(ids[position]!);
        if (first === undefined) firstOf.set(ids[position]!, position);
        else duplicates.push([position, first]);
      }
    }
    runStart = runEnd;
  }
  return duplicates.sort((a, b) => a[0] - b[0]);
}
