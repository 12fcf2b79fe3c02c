// A dashed straight edge for sigma: sigma's rectangle edge with a fragment shader that drops
// every other stretch along the edge's length. Hedged and reported ties are drawn with it.
import type { Attributes } from 'graphology-types';
import { EdgeRectangleProgram } from 'sigma/rendering';

const DASHES_PER_CLIP_UNIT = 55.0;

export class DashedEdgeProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes>
  extends EdgeRectangleProgram<N, E, G> {
  override getDefinition() {
    const def = super.getDefinition();
    const vertex = def.VERTEX_SHADER_SOURCE
      .replace('varying float v_feather;', 'varying float v_feather;\nvarying float v_along;')
      .replace('v_color.a *= bias;', `v_color.a *= bias;
  vec2 clipStart = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 clipEnd = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_along = a_positionCoef * length(clipEnd - clipStart);`);
    const fragment = def.FRAGMENT_SHADER_SOURCE
      .replace('varying float v_feather;', 'varying float v_feather;\nvarying float v_along;')
      .replace('void main(void) {', `void main(void) {
  if (mod(v_along * ${DASHES_PER_CLIP_UNIT.toFixed(1)}, 1.0) > 0.55) discard;`);
    if (vertex === def.VERTEX_SHADER_SOURCE || fragment === def.FRAGMENT_SHADER_SOURCE) {
      throw new Error('sigma edge shaders changed: the dashed edge program needs updating');
    }
    return { ...def, VERTEX_SHADER_SOURCE: vertex, FRAGMENT_SHADER_SOURCE: fragment };
  }
}
