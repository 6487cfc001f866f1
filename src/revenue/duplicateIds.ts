/**
 * Finding repeated ids among many records without a hash map per record: 32-bit FNV-1a hashes,
 * compared as strings only when the hashes are equal. The ids are first spread by the top bits of
 * their hash into partitions of a few thousand (a counting sort of positions and hashes, in input
 * order), then each partition goes through one small open-addressing table of typed arrays that
 * stays in the processor's cache — one table for the whole input would miss the cache on nearly every
 * probe. O(n) expected time, 12 bytes per id, nothing for the garbage collector to trace.
 * @module
 */

/** About this many ids per partition: its table (two slots per id, 8 bytes a slot) fits in a core's cache. */
const PARTITION_SIZE = 8192;

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
  const hashes = new Int32Array(count);
  for (let position = 0; position < count; position++) hashes[position] = fnv1a(ids[position]!);
  // 2^bits partitions by the hash's top bits (the tables index by its low bits).
  let bits = 0;
  while (bits < 16 && count >>> bits > PARTITION_SIZE) bits++;
  const partitions = 1 << bits;
  const shift = 32 - bits;
  const partitionOf = (hash: number): number => (bits === 0 ? 0 : hash >>> shift);
  const starts = new Int32Array(partitions + 1);
  for (let position = 0; position < count; position++) starts[partitionOf(hashes[position]!) + 1]!++;
  let largest = 0;
  for (let partition = 0; partition < partitions; partition++) {
    largest = Math.max(largest, starts[partition + 1]!);
    starts[partition + 1]! += starts[partition]!;
  }
  // Positions and hashes by partition, each partition's in input order (so a first occurrence comes first).
  const next = starts.slice(0, partitions);
  const positions = new Int32Array(count);
  const partitionedHashes = new Int32Array(count);
  for (let position = 0; position < count; position++) {
    const hash = hashes[position]!;
    const at = next[partitionOf(hash)]!++;
    positions[at] = position;
    partitionedHashes[at] = hash;
  }
  // A power of two at least twice the largest partition: probes stay short.
  let size = 16;
  while (size < largest * 2) size *= 2;
  const mask = size - 1;
  // Slot s holds the hash at 2s and the first position + 1 at 2s + 1 (0: empty), side by side so
  // that a probe touches one cache line.
  const table = new Int32Array(size * 2);
  const duplicates: Array<readonly [number, number]> = [];
  for (let partition = 0; partition < partitions; partition++) {
    if (partition > 0) table.fill(0);
    for (let at = starts[partition]!; at < starts[partition + 1]!; at++) {
      const hash = partitionedHashes[at]!;
      const position = positions[at]!;
      let slot = hash & mask;
      for (;;) {
        const stored = table[2 * slot + 1]!;
        if (stored === 0) {
          table[2 * slot] = hash;
          table[2 * slot + 1] = position + 1;
          break;
        }
        if (table[2 * slot] === hash && ids[stored - 1] === ids[position]) {
          duplicates.push([position, stored - 1]);
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  // Found partition by partition: back to position order.
  return partitions === 1 ? duplicates : duplicates.sort((a, b) => a[0] - b[0]);
}
