/**
 * The ties, drawn as WebGL lines in a sigma custom layer under the nodes. Sigma's
 * own tie program is built for arrows, curves and picking: every tie is an
 * instanced strip whose vertex shader reads several data textures, after a
 * per-frame pass that clips each tie at its nodes' shapes. On a 10k-actor district
 * drawn by a CPU rasteriser (SwiftShader, as in headless Chromium or on a machine
 * without a GPU) that is most of a frame. Here a tie is one line (two vertices,
 * positions and colour in one buffer, nothing fetched), a tie across sectors two
 * lines a pixel apart; the buffer is rebuilt only when the ties drawn or their
 * colours change, not on camera moves. Ties take no pointer events (sigma's
 * `enableEdgeEvents` is off for the explorer anyway).
 */
import type Sigma from 'sigma';
import type { TieStyle } from './drawingStyle';

/** What the layer needs from the view: the ties to draw, their ends and looks, by the union's order. */
export interface TieSource {
  /** Each tie's ends as node indexes: tie t joins ends[2t] and ends[2t+1] (-1: an end outside the union). */
  ends(): Int32Array;
  /** A node's id, by index. */
  nodeId(node: number): string;
  /** 1 where the tie is drawn on the shown date. */
  drawn(): Uint8Array | null;
  /** The tie's look (shared objects: nothing allocated per tie). */
  style(tie: number): TieStyle;
}

const VERTEX = `#version 300 es
in vec2 a_position;
in vec2 a_other;
in vec4 a_color;
in float a_offset;
uniform mat3 u_matrix;
uniform vec2 u_resolution;
out vec4 v_color;
void main() {
  vec2 p = (u_matrix * vec3(a_position, 1.0)).xy;
  vec2 o = (u_matrix * vec3(a_other, 1.0)).xy;
  vec2 d = (o - p) * u_resolution;
  float l = length(d);
  // The second line of a thick tie: one pixel to the side (a_offset is +1 at the source end, -1 at the target end, so both ends move the same way).
  vec2 n = l > 0.0 ? vec2(-d.y, d.x) / l : vec2(0.0);
  gl_Position = vec4(p + a_offset * n * 2.0 / u_resolution, 0.0, 1.0);
  v_color = vec4(a_color.rgb * a_color.a, a_color.a);
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
in vec4 v_color;
out vec4 fragColor;
void main() { fragColor = v_color; }`;

/** Floats a vertex: position (2), other end (2), colour (1 float holding 4 bytes), offset (1). */
const STRIDE_FLOATS = 6;

function compile(gl: WebGL2RenderingContext): WebGLProgram {
  const program = gl.createProgram() as WebGLProgram;
  for (const [type, source] of [
    [gl.VERTEX_SHADER, VERTEX],
    [gl.FRAGMENT_SHADER, FRAGMENT],
  ] as const) {
    const shader = gl.createShader(type) as WebGLShader;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`tie lines: ${gl.getShaderInfoLog(shader) ?? 'shader failed'}`);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`tie lines: ${gl.getProgramInfoLog(program) ?? 'link failed'}`);
  return program;
}

export class TieLines {
  private dirty = true;
  private vertices = 0;

  constructor(
    private readonly sigma: Sigma,
    private readonly ties: TieSource,
  ) {}

  /** Each node's framed position, once looked up: nodes do not move until the next union is loaded. */
  private places = new Map<number, { x: number; y: number } | undefined>();

  /** The ties drawn or their colours changed: rebuild the buffer before the next frame (and ask for one). */
  invalidate(render = true): void {
    this.dirty = true;
    if (render) this.sigma.scheduleRender();
  }

  /** Another union (other nodes, another frame): positions are looked up again at the next build. */
  reset(): void {
    this.places.clear();
    this.invalidate(false);
  }

  /** Registers the layer under sigma's nodes. */
  attach(id = 'tie-lines'): void {
    this.sigma.addCustomLayerProgram(id, 'edges', (gl) => this.program(gl));
  }

  private program(gl: WebGL2RenderingContext) {
    const program = compile(gl);
    const vao = gl.createVertexArray() as WebGLVertexArrayObject;
    const buffer = gl.createBuffer() as WebGLBuffer;
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    const bytes = STRIDE_FLOATS * 4;
    const attribute = (name: string, size: number, type: number, normalized: boolean, offset: number) => {
      const location = gl.getAttribLocation(program, name);
      gl.enableVertexAttribArray(location);
      gl.vertexAttribPointer(location, size, type, normalized, bytes, offset);
    };
    attribute('a_position', 2, gl.FLOAT, false, 0);
    attribute('a_other', 2, gl.FLOAT, false, 8);
    attribute('a_color', 4, gl.UNSIGNED_BYTE, true, 16);
    attribute('a_offset', 1, gl.FLOAT, false, 20);
    gl.bindVertexArray(null);
    const matrix = gl.getUniformLocation(program, 'u_matrix');
    const resolution = gl.getUniformLocation(program, 'u_resolution');
    // A new context (restored after a loss) needs the buffer again.
    this.dirty = true;
    return {
      render: (params: { matrix: Float32Array; width: number; height: number; pixelRatio: number }) => {
        if (this.dirty) {
          gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
          const data = this.build();
          gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
          this.vertices = data.length / STRIDE_FLOATS;
          this.dirty = false;
        }
        if (this.vertices === 0) return;
        gl.useProgram(program);
        gl.bindVertexArray(vao);
        gl.uniformMatrix3fv(matrix, false, params.matrix);
        gl.uniform2f(resolution, params.width * params.pixelRatio, params.height * params.pixelRatio);
        gl.enable(gl.BLEND);
        gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
        gl.disable(gl.DEPTH_TEST);
        gl.drawArrays(gl.LINES, 0, this.vertices);
        gl.bindVertexArray(null);
      },
      kill: () => {
        gl.deleteBuffer(buffer);
        gl.deleteVertexArray(vao);
        gl.deleteProgram(program);
      },
    };
  }

  /** The drawn ties' vertices, at their ends' framed positions (sigma's display data, current after its processing). */
  private build(): Float32Array {
    const ends = this.ties.ends();
    const drawn = this.ties.drawn();
    const count = ends.length / 2;
    if (!drawn) return new Float32Array(0);
    // Each end's framed position, looked up once per node (sigma copies its display data on every lookup).
    const known = this.places;
    const place = (node: number) => {
      let found = known.get(node);
      if (found === undefined) {
        found = this.sigma.getNodeDisplayData(this.ties.nodeId(node));
        if (found) known.set(node, { x: found.x, y: found.y });
      }
      return found;
    };
    let lines = 0;
    for (let tie = 0; tie < count; tie += 1) if (drawn[tie]) lines += this.ties.style(tie).thick ? 2 : 1;
    // Colours as four bytes inside the float stream: written through a byte view, never as a float value.
    const data = new Float32Array(lines * 2 * STRIDE_FLOATS);
    const bytes = new Uint8Array(data.buffer);
    let at = 0;
    const line = (a: { x: number; y: number }, b: { x: number; y: number }, rgba: TieStyle['rgba'], offset: number) => {
      data[at] = a.x;
      data[at + 1] = a.y;
      data[at + 2] = b.x;
      data[at + 3] = b.y;
      bytes.set(rgba, (at + 4) * 4);
      data[at + 5] = offset;
      data[at + 6] = b.x;
      data[at + 7] = b.y;
      data[at + 8] = a.x;
      data[at + 9] = a.y;
      bytes.set(rgba, (at + 10) * 4);
      data[at + 11] = -offset;
      at += 2 * STRIDE_FLOATS;
    };
    for (let tie = 0; tie < count; tie += 1) {
      if (!drawn[tie]) continue;
      const a = place(ends[2 * tie]);
      const b = place(ends[2 * tie + 1]);
      if (!a || !b) continue;
      const { rgba, thick } = this.ties.style(tie);
      line(a, b, rgba, 0);
      if (thick) line(a, b, rgba, 1);
    }
    return data.subarray(0, at);
  }
}
