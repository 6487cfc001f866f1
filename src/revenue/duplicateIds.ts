/**
 * Finding repeated ids among many records without a hash map per record: 32-bit FNV-1a hashes in an
 * open-addressing table of typed arrays (the hash and the first position of each distinct id),
 * compared as strings only when the hashes are equal. One pass in input order, O(n) expected time,
 * about 16 bytes per id, and nothing for the garbage collector to trace where a `Map` of a million
 * strings is not.
 * @module
 */

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
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
  const hashes = new Uint32Array(size);
  /** Position + 1 of the first id stored in a slot; 0 for an empty slot. */
  const firsts = new Int32Array(size);
  const duplicates: Array<readonly [number, number]> = [];
  for (let position = 0; position < count; position++) {
    const id = ids[position]!;
    const hash = fnv1a(id);
    let slot = hash & mask;
    for (;;) {
      const stored = firsts[slot]!;
      if (stored === 0) {
        firsts[slot] = position + 1;
        hashes[slot] = hash;
        break;
      }
      if (hashes[slot] === hash && ids[stored - 1] === id) {
        duplicates.push([position, stored - 1]);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return duplicates;
}
