/**
 * The ties' kept layer (tieLines.ts): ties rasterised once into a texture the size
 * of the drawing buffer, then laid over the picture in one pass. Under a CPU
 * rasteriser (SwiftShader) a 10k-actor district's 25k ties are most of a frame, and
 * a slider step changes a few percent of them: the ties drawn on every date near the
 * rested one are drawn here once, and a step draws this texture and the rest.
 *
 * The texture holds premultiplied colour over transparent black, drawn with the
 * blending the ties use (ONE, ONE_MINUS_SRC_ALPHA), so laying it over the picture
 * gives the colours drawing those ties there would (to a level of rounding).
 */
import { compileProgram } from './glProgram';

const VERTEX = `#version 300 es
void main() {
  // One triangle over the whole viewport: (-1,-1), (3,-1), (-1,3).
  vec2 corner = vec2(float((gl_VertexID & 1) << 2), float((gl_VertexID & 2) << 1)) - 1.0;
  gl_Position = vec4(corner, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform sampler2D u_kept;
out vec4 fragColor;
void main() { fragColor = texelFetch(u_kept, ivec2(gl_FragCoord.xy), 0); }`;

/** A unit sigma's programs leave alone (they use 0–7); WebGL 2 guarantees 16 per shader. */
const UNIT = 15;

export class TieBase {
  private readonly program: WebGLProgram;
  private readonly vao: WebGLVertexArrayObject;
  private readonly sampler: WebGLUniformLocation | null;
  private texture: WebGLTexture | null = null;
  private framebuffer: WebGLFramebuffer | null = null;
  private width = 0;
  private height = 0;

  constructor(private readonly gl: WebGL2RenderingContext) {
    this.program = compileProgram(gl, 'kept ties', VERTEX, FRAGMENT);
    this.vao = gl.createVertexArray() as WebGLVertexArrayObject;
    this.sampler = gl.getUniformLocation(this.program, 'u_kept');
  }

  /** Draws `draw` into the texture (cleared first; sized to the drawing buffer), then gives back sigma's framebuffer, viewport and clear colour. */
  capture(draw: () => void): void {
    const { gl } = this;
    const [width, height] = [gl.drawingBufferWidth, gl.drawingBufferHeight];
    const previous = { framebuffer: gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null, viewport: gl.getParameter(gl.VIEWPORT) as Int32Array, clear: gl.getParameter(gl.COLOR_CLEAR_VALUE) as Float32Array };
    this.withUnit(() => {
      if (!this.texture || width !== this.width || height !== this.height) this.allocate(width, height);
    });
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    draw();
    gl.bindFramebuffer(gl.FRAMEBUFFER, previous.framebuffer);
    gl.viewport(previous.viewport[0], previous.viewport[1], previous.viewport[2], previous.viewport[3]);
    gl.clearColor(previous.clear[0], previous.clear[1], previous.clear[2], previous.clear[3]);
  }

  /** Lays the texture over what is drawn. */
  draw(): void {
    const { gl } = this;
    if (!this.texture) return;
    gl.useProgram(this.program);
    gl.bindVertexArray(this.vao);
    this.withUnit(() => gl.bindTexture(gl.TEXTURE_2D, this.texture));
    gl.uniform1i(this.sampler, UNIT);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.disable(gl.DEPTH_TEST);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.bindVertexArray(null);
  }

  kill(): void {
    const { gl } = this;
    gl.deleteTexture(this.texture);
    gl.deleteFramebuffer(this.framebuffer);
    gl.deleteVertexArray(this.vao);
    gl.deleteProgram(this.program);
  }

  private allocate(width: number, height: number): void {
    const { gl } = this;
    gl.deleteTexture(this.texture);
    gl.deleteFramebuffer(this.framebuffer);
    this.texture = gl.createTexture() as WebGLTexture;
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, width, height);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    this.framebuffer = gl.createFramebuffer() as WebGLFramebuffer;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.texture, 0);
    [this.width, this.height] = [width, height];
  }

  /** Runs `work` with the texture unit of its own active, then gives sigma back its active unit. */
  private withUnit(work: () => void): void {
    const { gl } = this;
    const active = gl.getParameter(gl.ACTIVE_TEXTURE) as number;
    gl.activeTexture(gl.TEXTURE0 + UNIT);
    work();
    gl.activeTexture(active);
  }
}
