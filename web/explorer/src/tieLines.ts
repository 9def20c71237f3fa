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
import type { FramedPlaces } from './framedPlaces';
import { compileProgram, pointAttribute } from './glProgram';

/** What the layer needs from the view: the ties to draw, their ends and looks, by the union's order. */
export interface TieSource {
  /** Each tie's ends as node indexes: tie t joins ends[2t] and ends[2t+1] (-1: an end outside the union). */
  ends(): Int32Array;
  /** The nodes' framed positions (shared with the actors' layer). */
  places: FramedPlaces;
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

export class TieLines {
  private dirty = true;
  private vertices = 0;

  constructor(
    private readonly sigma: Sigma,
    private readonly ties: TieSource,
  ) {}

  /** The ties drawn or their colours changed: rebuild the buffer before the next frame (and ask for one). */
  invalidate(render = true): void {
    this.dirty = true;
    if (render) this.sigma.scheduleRender();
  }

  /** Registers the layer under sigma's nodes. */
  attach(id = 'tie-lines'): void {
    this.sigma.addCustomLayerProgram(id, 'edges', (gl) => this.program(gl));
  }

  private program(gl: WebGL2RenderingContext) {
    const program = compileProgram(gl, 'tie lines', VERTEX, FRAGMENT);
    const vao = gl.createVertexArray() as WebGLVertexArrayObject;
    const buffer = gl.createBuffer() as WebGLBuffer;
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    const attribute = (name: string, size: number, type: number, normalized: boolean, offset: number) => pointAttribute(gl, program, STRIDE_FLOATS * 4, name, size, type, normalized, offset);
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

  /** The drawn ties' vertices, at their ends' framed positions. */
  private build(): Float32Array {
    const ends = this.ties.ends();
    const drawn = this.ties.drawn();
    const count = ends.length / 2;
    if (!drawn) return new Float32Array(0);
    const { places } = this.ties;
    places.ensure();
    const { x: framedX, y: framedY } = places;
    let lines = 0;
    for (let tie = 0; tie < count; tie += 1) if (drawn[tie]) lines += this.ties.style(tie).thick ? 2 : 1;
    // Colours as four bytes inside the float stream: written through a byte view, never as a float value.
    const data = new Float32Array(lines * 2 * STRIDE_FLOATS);
    const bytes = new Uint8Array(data.buffer);
    let at = 0;
    const line = (a: number, b: number, rgba: TieStyle['rgba'], offset: number) => {
      data[at] = framedX[a];
      data[at + 1] = framedY[a];
      data[at + 2] = framedX[b];
      data[at + 3] = framedY[b];
      bytes.set(rgba, (at + 4) * 4);
      data[at + 5] = offset;
      data[at + 6] = framedX[b];
      data[at + 7] = framedY[b];
      data[at + 8] = framedX[a];
      data[at + 9] = framedY[a];
      bytes.set(rgba, (at + 10) * 4);
      data[at + 11] = -offset;
      at += 2 * STRIDE_FLOATS;
    };
    for (let tie = 0; tie < count; tie += 1) {
      if (!drawn[tie]) continue;
      const a = ends[2 * tie];
      const b = ends[2 * tie + 1];
      if (a < 0 || b < 0 || Number.isNaN(framedX[a]) || Number.isNaN(framedX[b])) continue;
      const { rgba, thick } = this.ties.style(tie);
      line(a, b, rgba, 0);
      if (thick) line(a, b, rgba, 1);
    }
    return data.subarray(0, at);
  }
}
