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
 *
 * Once the slider rests (`keep`), the ties drawn on every date of the steps around
 * it are rasterised once into a texture (tieBase.ts), and until the camera, the
 * looks or the union change, a frame lays that texture down and draws the other
 * ties drawn on its date: a step draws a few percent of the ties instead of all.
 */
import type Sigma from 'sigma';
import type { TieStyle } from './drawingStyle';
import type { FramedPlaces } from './framedPlaces';
import { compileProgram, pointAttribute } from './glProgram';
import { TieBase } from './tieBase';
import { compareFrames, type DrawingComparison } from './frameComparison';

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
  /** What the looks depend on besides the tie (the highlight, density): kept ties are reused only under the same. */
  styleKey(): string;
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

/** Rounding of 8-bit colour, laid down once through the texture against line by line: a level or two of 255. */
const KEPT_DIFFERENCE_ALLOWED = 3;

/** A frame drawn as it is and with every tie drawn, compared (TieLines.compareWithAll). */
export type TieComparison = DrawingComparison & { drawnBy: 'kept' | 'all'; kept: number };

/** What sigma passes a layer each frame. */
interface FrameParams {
  matrix: Float32Array;
  width: number;
  height: number;
  pixelRatio: number;
}

/** The frame a texture of kept ties was drawn for: its camera and size. */
const frameKey = (params: FrameParams): string => `${params.width}x${params.height}@${params.pixelRatio}:${params.matrix.join(',')}`;

/** The ties asked to be kept, the looks and places they are for, and once drawn into the texture, the frame (null: not drawn yet). */
interface Kept {
  ties: Uint8Array;
  styleKey: string;
  places: number;
  frame: string | null;
}

export class TieLines {
  /** Buffers to rebuild: every tie drawn ('all'), the drawn ties not kept ('rest'). */
  private readonly stale = { all: true, rest: true };
  private kept: Kept | null = null;
  /** False when some kept tie is not drawn on the date (as the rest was last built): every tie is drawn instead. */
  private restDrawable = false;
  /** Every tie drawn, whatever is kept (compareWithAll). */
  private allOnly = false;
  private gl: WebGL2RenderingContext | null = null;
  /** The last frame's camera and size (frameKey). */
  private lastFrame = '';
  /** The last frame's way: the texture and the rest, or every tie. */
  private lastDrawn: 'kept' | 'all' = 'all';

  constructor(
    private readonly sigma: Sigma,
    private readonly ties: TieSource,
  ) {}

  /** The ties drawn or their colours changed: rebuild the buffers before the next frame (and ask for one). */
  invalidate(render = true): void {
    this.stale.all = true;
    this.stale.rest = true;
    if (render) this.sigma.scheduleRender();
  }

  /**
   * Keeps these ties (drawn on every date around the shown one, DateFilter.throughout)
   * in a texture from the next frame on (drawn again after the places change); null
   * forgets the kept ties (another union).
   */
  keep(ties: Uint8Array | null): void {
    // The same ties already in the texture, for the frame on screen: nothing to draw again.
    if (ties && this.current(this.kept) && this.kept?.frame === this.lastFrame && this.kept.ties.every((one, tie) => one === ties[tie])) return;
    this.kept = ties ? { ties, styleKey: this.ties.styleKey(), places: this.ties.places.generation, frame: null } : null;
    this.stale.rest = true;
    if (ties) this.sigma.scheduleRender();
  }

  /** True when the kept ties are for the looks and places drawn now. */
  private current(kept: Kept | null): kept is Kept {
    return kept !== null && kept.styleKey === this.ties.styleKey() && kept.places === this.ties.places.generation;
  }

  /** How the last frame drew the ties (for the browser tests). */
  get drawnBy(): 'kept' | 'all' {
    return this.lastDrawn;
  }

  /** Draws the frame as it is drawn now and with every tie drawn, and compares the two (for the browser tests); `drawnBy`: how the first was, `kept`: the ties in the texture. */
  compareWithAll(): TieComparison {
    const gl = this.gl;
    const kept = this.kept ? this.kept.ties.reduce((sum, one) => sum + one, 0) : 0;
    if (!gl) return { pixels: 0, differing: 0, largestDifference: 0, drawnBy: this.lastDrawn, kept };
    let drawnBy = this.lastDrawn;
    const comparison = compareFrames(this.sigma, gl, (all: boolean) => {
      this.allOnly = all;
      if (all) drawnBy = this.lastDrawn;
    }, [false, true], KEPT_DIFFERENCE_ALLOWED);
    this.allOnly = false;
    return { ...comparison, drawnBy, kept };
  }

  /** Registers the layer under sigma's nodes. */
  attach(id = 'tie-lines'): void {
    this.sigma.addCustomLayerProgram(id, 'edges', (gl) => this.program(gl));
  }

  private program(gl: WebGL2RenderingContext) {
    this.gl = gl;
    const program = compileProgram(gl, 'tie lines', VERTEX, FRAGMENT);
    const matrix = gl.getUniformLocation(program, 'u_matrix');
    const resolution = gl.getUniformLocation(program, 'u_resolution');
    const lines = () => {
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
      return { vao, buffer, vertices: 0 };
    };
    const [all, rest, kept] = [lines(), lines(), lines()];
    const upload = (target: typeof all, data: Float32Array) => {
      gl.bindBuffer(gl.ARRAY_BUFFER, target.buffer);
      gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
      target.vertices = data.length / STRIDE_FLOATS;
    };
    const draw = (target: typeof all, params: FrameParams) => {
      if (target.vertices === 0) return;
      gl.useProgram(program);
      gl.bindVertexArray(target.vao);
      gl.uniformMatrix3fv(matrix, false, params.matrix);
      gl.uniform2f(resolution, params.width * params.pixelRatio, params.height * params.pixelRatio);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.disable(gl.DEPTH_TEST);
      gl.drawArrays(gl.LINES, 0, target.vertices);
      gl.bindVertexArray(null);
    };
    const texture = new TieBase(gl);
    // A new context (restored after a loss) needs the buffers and the texture again.
    this.invalidate(false);
    if (this.kept) this.kept.frame = null;
    return {
      // Before sigma draws the picture: the kept ties into their texture, once asked.
      preRender: (params: FrameParams) => {
        if (!this.kept || this.kept.frame !== null) return;
        const drawn = this.ties.drawn();
        // Kept ties are drawn on the shown date when asked for; not so by now (another date, looks or places): forgotten.
        if (!drawn || !within(this.kept.ties, drawn) || !this.current(this.kept)) {
          this.kept = null;
          return;
        }
        upload(kept, this.build(this.kept.ties, null));
        texture.capture(() => draw(kept, params));
        upload(kept, new Float32Array(0));
        this.kept.frame = frameKey(params);
      },
      render: (params: FrameParams) => {
        this.lastFrame = frameKey(params);
        const drawn = this.ties.drawn();
        // The kept ties when their texture is for this frame, looks and places.
        const usable = !this.allOnly && this.current(this.kept) && this.kept.frame === this.lastFrame ? this.kept : null;
        if (usable && drawn && this.stale.rest) {
          this.restDrawable = within(usable.ties, drawn);
          if (this.restDrawable) upload(rest, this.build(drawn, usable.ties));
          this.stale.rest = false;
        }
        if (usable && drawn && this.restDrawable) {
          texture.draw();
          draw(rest, params);
          this.lastDrawn = 'kept';
          return;
        }
        if (this.stale.all) {
          upload(all, drawn ? this.build(drawn, null) : new Float32Array(0));
          this.stale.all = false;
        }
        draw(all, params);
        this.lastDrawn = 'all';
      },
      kill: () => {
        for (const target of [all, rest, kept]) {
          gl.deleteBuffer(target.buffer);
          gl.deleteVertexArray(target.vao);
        }
        texture.kill();
        gl.deleteProgram(program);
      },
    };
  }

  /** The vertices of the ties in `include` and not in `exclude`, at their ends' framed positions. */
  private build(include: Uint8Array, exclude: Uint8Array | null): Float32Array {
    const ends = this.ties.ends();
    const count = ends.length / 2;
    const drawn = exclude ? include.map((one, tie) => one & (1 - exclude[tie])) : include;
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

/** True when every tie of `kept` is in `drawn`. */
function within(kept: Uint8Array, drawn: Uint8Array): boolean {
  for (let tie = 0; tie < kept.length; tie += 1) if (kept[tie] && !drawn[tie]) return false;
  return true;
}
