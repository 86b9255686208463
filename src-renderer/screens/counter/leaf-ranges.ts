/** Leaf numbers as short ranges for a person to read: [1, 2, 3, 7, 9, 10] → "1–3, 7, 9–10". */
export function leafRanges(leaves: readonly number[]): string {
  const sorted = [...new Set(leaves)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
