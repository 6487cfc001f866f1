/**
 * Finding repeated ids among many records without a hash map per record: 32-bit FNV-1a hashes in an
 * open-addressing table of typed arrays (the hash and the first position of each distinct id),
 * compared as strings only when the hashes are equal. One pass in input order, O(n) expected time,
 * 16–32 bytes per id (the table is a power of two at least twice the count), and nothing for the
 * garbage collector to trace where a `Map` of a million strings is not.
 * @module
 */

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash;
}

/**
 * Every id that repeats an earlier one, as `[position, first position of that id]`, in position
 * order.
 */
export function findDuplicateIds(ids: readonly string[]): Array<readonly [number, number]> {
  const count = ids.length;
  // A power of two at least twice the count: probes stay short.
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  // Slot s holds the hash at 2s and the first position + 1 at 2s + 1 (0: empty), side by side so
  // that a probe touches one cache line.
  const table = new Int32Array(size * 2);
  const duplicates: Array<readonly [number, number]> = [];
  for (let position = 0; position < count; position++) {
    const id = ids[position]!;
    const hash = fnv1a(id) | 0;
    let slot = hash & mask;
    for (;;) {
      const stored = table[2 * slot + 1]!;
      if (stored === 0) {
        table[2 * slot] = hash;
        table[2 * slot + 1] = position + 1;
        break;
      }
      if (table[2 * slot] === hash && ids[stored - 1] === id) {
        duplicates.push([position, stored - 1]);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return duplicates;
}
