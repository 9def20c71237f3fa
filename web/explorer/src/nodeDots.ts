/**
 * The actors, drawn as WebGL points in place of sigma's own node pass, with the
 * same look (sigma's antialiased circle: the same size, colour and edge).
 *
 * Why: sigma's node program is general (any shape, stacked fragment layers, data
 * read from textures in the vertex shader) and draws each actor as an instanced
 * quad carrying a dozen interpolated values. Under a CPU rasteriser (SwiftShader:
 * headless Chromium, or a machine without a GPU) that was a third of a 10k-actor
 * district's frame, on the first picture and on every slider step; the same
 * circles as points with three values each cost a tenth of it (docs/explorer.md,
 * "sixth pass").
 *
 * Only sigma's visual pass is replaced, at the very place sigma would draw it
 * (after the backdrops of a depth, before its labels), so the order of what is
 * drawn is sigma's. Sigma keeps everything else: which actors are where, the
 * picking pass (hover and clicks), labels, backdrops, the camera. Sigma draws an
 * actor raised above the others (depth `topNodes`: the selected or the hovered
 * one) in a second pass; those are drawn from sigma's own display data there.
 *
 * The replacement reaches into sigma's node program (its `renderProgram`, by which
 * the node pass draws). Should a sigma release change it, or an actor be larger
 * than the device's largest point, sigma draws its nodes itself, as before.
 */
import type Sigma from 'sigma';
import { colorToArray } from 'sigma/utils';
import type { FramedPlaces } from './framedPlaces';
import { compileProgram, pointAttribute } from './glProgram';
import { compareFrames, type DrawingComparison } from './frameComparison';
import { DOT_FRAGMENT, DOT_VERTEX } from './nodeDotShaders';

/** What the layer draws, by the union's order. */
export interface DotSource {
  /** The union's nodes and their framed positions. */
  places: FramedPlaces;
  /** A node's index by id (-1: not in the union). */
  indexOf(id: string): number;
  /** 1 where the actor is drawn on the shown date (null: nothing loaded). */
  drawn(): Uint8Array | null;
  /** The actor's size attribute (its radius in pixels at the default zoom). */
  size(node: number): number;
  /** The actor's colour as sigma styles it (a CSS colour). */
  colour(node: number): string;
  /** The selected actor's index, or -1: sigma may raise it (depth `topNodes`). */
  selected(): number;
}

type RenderParams = ReturnType<Sigma['getRenderParams']>;

/** Rounding between two ways of computing the same antialiased edge: a few levels of 255. */
const DIFFERENCE_ALLOWED = 24;

/** The part of sigma's node program the replacement uses. */
interface NodeProgramInternals {
  renderProgram(params: RenderParams, program: { isPicking?: boolean }): void;
}

/** Bytes a point: position (2 floats), size (1 float), colour (4 bytes). */
const STRIDE = 16;

export class NodeDots {
  private dirty = true;
  /** The points of sigma's two node depths: the actors in place, and those raised. */
  private readonly counts = { nodes: 0, topNodes: 0 };
  /** The points each depth drew in the last frame. */
  private readonly drawn = { nodes: 0, topNodes: 0 };
  private depth: 'nodes' | 'topNodes' = 'nodes';
  /**
   * The depths whose points this frame has drawn. Sigma draws a depth's nodes in
   * one or more ranges (after an actor is raised or lowered in place, the others
   * of its depth are two ranges until sigma next processes the graph), each range
   * a node pass; the points of a depth are drawn at its first pass, and the later
   * passes draw nothing more (drawn twice, the edges' antialiasing doubles).
   */
  private readonly drawnThisFrame = { nodes: false, topNodes: false };
  private hovered: string | null = null;
  /** The node program whose visual pass is replaced (another after a context restore). */
  private takenOver: NodeProgramInternals | null = null;
  private readonly colours = new Map<string, readonly number[]>();
  private largestPoint = 1;
  private gl: WebGL2RenderingContext | null = null;
  /** True while sigma draws its own node pass (compareWithSigma). */
  private sigmaDraws = false;
  /** The size of the largest actor drawn (for the point-size check). */
  private largestSize = 0;

  constructor(
    private readonly sigma: Sigma,
    private readonly source: DotSource,
  ) {
    // Sigma raises a hovered actor: it moves between the two passes.
    sigma.on('enterNode', ({ node }) => {
      this.hovered = node;
      this.invalidate();
    });
    sigma.on('leaveNode', () => {
      this.hovered = null;
      this.invalidate();
    });
  }

  /** The actors drawn, their sizes or colours changed: the points are rebuilt before the next frame. */
  invalidate(): void {
    this.dirty = true;
  }

  /** The points the last frame drew (both depths; none when sigma drew its own node pass). */
  pointsDrawn(): number {
    return this.drawn.nodes + this.drawn.topNodes;
  }

  /** Registers the layer: one program, told which of sigma's node depths is being drawn. */
  attach(id = 'node-dots'): void {
    this.sigma.addCustomLayerProgram(id, 'nodes', (gl) => this.program(gl));
    this.sigma.addCustomLayerProgram(`${id}-raised`, 'topNodes', () => ({ render: () => void (this.depth = 'topNodes'), kill: () => undefined }));
  }

  /** The frame's points of a depth, at its first node pass. */
  private drawOnce(depth: 'nodes' | 'topNodes', draw: () => void): void {
    if (this.drawnThisFrame[depth]) return;
    this.drawnThisFrame[depth] = true;
    draw();
  }

  private program(gl: WebGL2RenderingContext) {
    const program = compileProgram(gl, 'node dots', DOT_VERTEX, DOT_FRAGMENT);
    this.gl = gl;
    const buffers = { nodes: gl.createBuffer() as WebGLBuffer, topNodes: gl.createBuffer() as WebGLBuffer };
    const vaos = { nodes: gl.createVertexArray() as WebGLVertexArrayObject, topNodes: gl.createVertexArray() as WebGLVertexArrayObject };
    for (const depth of ['nodes', 'topNodes'] as const) {
      gl.bindVertexArray(vaos[depth]);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers[depth]);
      pointAttribute(gl, program, STRIDE, 'a_position', 2, gl.FLOAT, false, 0);
      pointAttribute(gl, program, STRIDE, 'a_size', 1, gl.FLOAT, false, 8);
      pointAttribute(gl, program, STRIDE, 'a_color', 4, gl.UNSIGNED_BYTE, true, 12);
    }
    gl.bindVertexArray(null);
    const uniform = (name: string) => gl.getUniformLocation(program, name);
    const [matrix, resolution, sizeRatio, correctionRatio] = [uniform('u_matrix'), uniform('u_resolution'), uniform('u_sizeRatio'), uniform('u_correctionRatio')];
    this.largestPoint = (gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array)[1];
    // A new context (restored after a loss) needs the buffers again, and its new node program is taken over.
    this.dirty = true;
    this.takenOver = null;
    const draw = (params: RenderParams, depth: 'nodes' | 'topNodes') => {
      if (this.counts[depth] === 0) return;
      gl.useProgram(program);
      gl.bindVertexArray(vaos[depth]);
      gl.uniformMatrix3fv(matrix, false, params.matrix);
      gl.uniform2f(resolution, params.width * params.pixelRatio, params.height * params.pixelRatio);
      gl.uniform1f(sizeRatio, params.sizeRatio);
      gl.uniform1f(correctionRatio, params.correctionRatio);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.drawArrays(gl.POINTS, 0, this.counts[depth]);
      this.drawn[depth] = this.counts[depth];
      gl.bindVertexArray(null);
    };
    return {
      // At the start of sigma's `nodes` depth, before its node pass there.
      render: () => {
        this.depth = 'nodes';
        this.drawnThisFrame.nodes = false;
        this.drawnThisFrame.topNodes = false;
        this.drawn.nodes = 0;
        this.drawn.topNodes = 0;
        if (this.dirty) {
          const data = this.build();
          for (const depth of ['nodes', 'topNodes'] as const) {
            gl.bindBuffer(gl.ARRAY_BUFFER, buffers[depth]);
            gl.bufferData(gl.ARRAY_BUFFER, data[depth], gl.DYNAMIC_DRAW);
            this.counts[depth] = data[depth].length / (STRIDE / 4);
          }
          this.dirty = false;
        }
        this.takeOver((visual) => (!this.sigmaDraws && this.fits(visual) ? (this.drawOnce(this.depth, () => draw(visual, this.depth)), true) : false));
      },
      kill: () => {
        for (const depth of ['nodes', 'topNodes'] as const) {
          gl.deleteBuffer(buffers[depth]);
          gl.deleteVertexArray(vaos[depth]);
        }
        gl.deleteProgram(program);
      },
    };
  }

  /** Draws the frame twice, with the points and with sigma's own node pass, and compares the two pixel by pixel. */
  compareWithSigma(): DrawingComparison {
    const gl = this.gl;
    if (!gl) return { pixels: 0, differing: 0, largestDifference: 0 };
    const comparison = compareFrames(this.sigma, gl, (sigmaDraws: boolean) => (this.sigmaDraws = sigmaDraws), [false, true], DIFFERENCE_ALLOWED);
    this.sigmaDraws = false;
    return comparison;
  }

  /** True when the largest actor fits in a point at this zoom (else sigma draws the frame's nodes). */
  private fits(params: RenderParams): boolean {
    const scale = Math.hypot(params.matrix[0], params.matrix[1]);
    const radius = ((this.largestSize * params.correctionRatio) / params.sizeRatio) * 2 * scale * ((params.width * params.pixelRatio) / 2);
    return 2 * radius + 2 <= this.largestPoint;
  }

  /** Has sigma's node program call `drawVisual` for its visual pass (false from it: sigma draws as usual); the picking pass stays sigma's. */
  private takeOver(drawVisual: (params: RenderParams) => boolean): void {
    const nodeProgram = (this.sigma as unknown as { nodeProgram?: NodeProgramInternals }).nodeProgram;
    if (!nodeProgram || nodeProgram === this.takenOver || typeof nodeProgram.renderProgram !== 'function') return;
    const own = nodeProgram.renderProgram.bind(nodeProgram);
    nodeProgram.renderProgram = (params, info) => {
      if (info.isPicking || !drawVisual(params)) own(params, info);
    };
    this.takenOver = nodeProgram;
  }

  private rgba(colour: string): readonly number[] {
    let found = this.colours.get(colour);
    if (!found) this.colours.set(colour, (found = colorToArray(colour)));
    return found;
  }

  /** The points of both depths: the actors drawn, in the union's order, and those sigma raises (from its display data). */
  private build(): { nodes: Float32Array; topNodes: Float32Array } {
    const { source } = this;
    const drawn = source.drawn();
    const { places } = source;
    const count = drawn ? places.count() : 0;
    places.ensure();
    const { x, y } = places;
    const selected = source.selected();
    const raised = new Map<number, { x: number; y: number; size: number; color: string }>();
    for (const candidate of [selected >= 0 ? places.nodeId(selected) : null, this.hovered]) {
      const data = candidate === null ? undefined : this.sigma.getNodeDisplayData(candidate);
      if (candidate !== null && data && data.depth === 'topNodes' && data.visibility !== 'hidden') raised.set(source.indexOf(candidate), data);
    }
    const nodes = this.points(count);
    const topNodes = this.points(raised.size);
    let largest = 0;
    for (let node = 0; node < count; node += 1) {
      if (!drawn?.[node] || raised.has(node) || Number.isNaN(x[node])) continue;
      largest = Math.max(largest, nodes.add(x[node], y[node], source.size(node), source.colour(node)));
    }
    for (const data of raised.values()) largest = Math.max(largest, topNodes.add(data.x, data.y, data.size, data.color));
    this.largestSize = largest;
    return { nodes: nodes.written(), topNodes: topNodes.written() };
  }

  /** Room for `capacity` points, filled in turn; a colour is four bytes inside the float stream, written through one byte view, never as a float value. */
  private points(capacity: number): { add(x: number, y: number, size: number, colour: string): number; written(): Float32Array } {
    const floats = new Float32Array(capacity * 4);
    const bytes = new Uint8Array(floats.buffer);
    let at = 0;
    return {
      add: (x, y, size, colour) => {
        floats[at] = x;
        floats[at + 1] = y;
        floats[at + 2] = size;
        bytes.set(this.rgba(colour), (at + 3) * 4);
        at += 4;
        return size;
      },
      written: () => floats.subarray(0, at),
    };
  }
}
