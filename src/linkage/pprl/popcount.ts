/** Bits set in each byte value, for popcounts computed outside the kernel. */
export const popcountTable: Uint8Array = Uint8Array.from({ length: 256 }, (_, v) => {
  let c = 0;
  for (let x = v; x; x &= x - 1) c++;
  return c;
});

/** Sørensen–Dice coefficient of two filters of equal length: 2·|a ∧ b| / (|a| + |b|). */
export function dice(a: Uint8Array, b: Uint8Array): number {
  let common = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    common += popcountTable[a[i]! & b[i]!]!;
    total += popcountTable[a[i]!]! + popcountTable[b[i]!]!;
  }
  return total === 0 ? 0 : (2 * common) / total;
}
