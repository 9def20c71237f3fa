/**
 * One frame drawn two ways and compared pixel by pixel, for the browser tests: the
 * actors' points against sigma's own node pass (nodeDots.ts), the kept ties'
 * texture against every tie drawn (tieLines.ts).
 */
import type Sigma from 'sigma';

export interface DrawingComparison {
  pixels: number;
  /** Pixels whose colour differs by more than `allowed` levels (of 255) in a channel. */
  differing: number;
  largestDifference: number;
}

/**
 * Draws sigma's frame at once with `setWay(first)`, then with `setWay(second)`, each
 * read back before it is shown (the drawing buffer is intact until then), and
 * compares them. The caller sets its way back; the next frame is sigma's own.
 */
export function compareFrames<T>(sigma: Sigma, gl: WebGL2RenderingContext, setWay: (way: T) => void, ways: readonly [T, T], allowed: number): DrawingComparison {
  const frame = (way: T): Uint8Array => {
    setWay(way);
    sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: true });
    const pixels = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
    gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    return pixels;
  };
  const [a, b] = [frame(ways[0]), frame(ways[1])];
  // A refresh that skips indexation leaves sigma without its label picks: the next frame picks them again.
  sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: false, schedule: true });
  let differing = 0;
  let largestDifference = 0;
  for (let pixel = 0; pixel < a.length; pixel += 4) {
    let difference = 0;
    for (let channel = 0; channel < 4; channel += 1) difference = Math.max(difference, Math.abs(a[pixel + channel] - b[pixel + channel]));
    largestDifference = Math.max(largestDifference, difference);
    if (difference > allowed) differing += 1;
  }
  return { pixels: a.length / 4, differing, largestDifference };
}
