// Visual encoding shared by the graph, the legend and the exports. Colours are assigned to the
// schema's entity types in the order the schema lists them.

const PALETTE = ['#3b82c4', '#e8862a', '#3f9e5a', '#c0398f', '#8a6bd1', '#8c6d4f', '#5aa5a8', '#b0a23a'];

export function typeColour(types: readonly string[], type: string): string {
  const i = types.indexOf(type);
  return PALETTE[(i < 0 ? types.length : i) % PALETTE.length]!;
}

export const NEGATED_COLOUR = '#d62828';
export const EDGE_COLOUR = '#8795a8';

export type EdgeStyle = 'solid' | 'dashed';

/** Solid for asserted, dashed for hedged or reported; negated is red (and solid). */
export function edgeStyle(modality: string): { style: EdgeStyle; colour: string } {
  if (modality === 'negated') return { style: 'solid', colour: NEGATED_COLOUR };
  if (modality === 'hedged' || modality === 'reported') return { style: 'dashed', colour: EDGE_COLOUR };
  return { style: 'solid', colour: EDGE_COLOUR };
}

/** Edge width in pixels from its number of independent sources. */
export function edgeWidth(sources: number): number {
  return Math.min(1 + 1.5 * Math.log2(1 + sources), 8);
}

/** Node radius from a measure, scaled against the largest value. */
export function nodeSize(value: number, max: number): number {
  if (!(max > 0)) return 6;
  return 4 + 14 * Math.sqrt(Math.max(0, value) / max);
}
