// Distributional word clusters computed offline from unlabeled text (training time only).
export function buildClusters(
  _text: string[][],
  log: (m: string) => void,
): { clusters: Map<number, number[]>; levels: number } {
  log('clusters: not built');
  return { clusters: new Map(), levels: 0 };
}
