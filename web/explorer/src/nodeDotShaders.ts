/**
 * The node dots' shaders (nodeDots.ts): sigma's circle, drawn from a point. Each
 * line of arithmetic follows sigma's node program (its vertex shader's size and
 * antialiasing width, its fragment shader's signed distance and smoothstep), so
 * the pixels come out as sigma's do; the browser tests compare the two.
 */
export const DOT_VERTEX = `#version 300 es
in vec2 a_position;
in float a_size;
in vec4 a_color;
uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform vec2 u_resolution;
out vec4 v_color;
out float v_aa;
flat out vec2 v_center;
flat out float v_radius;
void main() {
  // As sigma's node program: the half-side of the node's quad in framed units, and one pixel of antialiasing in its [-1, 1] square.
  float size = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  vec2 center = (u_matrix * vec3(a_position, 1.0)).xy;
  vec2 edge = (u_matrix * vec3(a_position + vec2(size, 0.0), 1.0)).xy;
  float radius = length((edge - center) * u_resolution * 0.5);
  gl_Position = vec4(center, 0.0, 1.0);
  // A pixel of margin: the square sigma's quad covers is cut by the fragment shader, not by the point's own (rounded) size.
  gl_PointSize = 2.0 * radius + 2.0;
  v_center = (center * 0.5 + 0.5) * u_resolution;
  v_radius = radius;
  v_aa = u_correctionRatio / size;
  v_color = vec4(a_color.rgb * a_color.a, a_color.a);
}`;

export const DOT_FRAGMENT = `#version 300 es
precision highp float;
in vec4 v_color;
in float v_aa;
flat in vec2 v_center;
flat in float v_radius;
out vec4 fragColor;
void main() {
  // The pixel's place in the node's square, as sigma's quad interpolates it.
  vec2 uv = (gl_FragCoord.xy - v_center) / v_radius;
  if (abs(uv.x) > 1.0 || abs(uv.y) > 1.0) discard;
  // Sigma's circle: its signed distance, cut one antialiasing width out, smoothed over two.
  float sdf = length(uv) - (1.0 - v_aa);
  if (sdf > v_aa) discard;
  fragColor = v_color * smoothstep(v_aa, -v_aa, sdf);
}`;
