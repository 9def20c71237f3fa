/** Compiles and links the explorer's own WebGL programs (tieLines.ts, nodeDots.ts); a failure names the layer and carries the driver's log. */
export function compileProgram(gl: WebGL2RenderingContext, layer: string, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram() as WebGLProgram;
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ] as const) {
    const shader = gl.createShader(type) as WebGLShader;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`${layer}: ${gl.getShaderInfoLog(shader) ?? 'shader failed'}`);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`${layer}: ${gl.getProgramInfoLog(program) ?? 'link failed'}`);
  return program;
}

/** Points a float or byte attribute of `program` at the bound buffer (interleaved, `stride` bytes a vertex). */
export function pointAttribute(gl: WebGL2RenderingContext, program: WebGLProgram, stride: number, name: string, size: number, type: number, normalized: boolean, offset: number): void {
  const location = gl.getAttribLocation(program, name);
  gl.enableVertexAttribArray(location);
  gl.vertexAttribPointer(location, size, type, normalized, stride, offset);
}
