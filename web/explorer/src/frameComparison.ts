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
 * Draws the frame with `setWay(first)`, then with `setWay(second)`, each read back
 * before it is shown (the drawing buffer is intact until then), and compares them.
 * `render` draws a frame at once (sigma's refresh or render).
 */
export function compareFrames<T>(gl: WebGL2RenderingContext, render: () => void, setWay: (way: T) => void, ways: readonly [T, T], allowed: number): DrawingComparison {
  const frame = (way: T): Uint8Array => {
    setWay(way);
    render();
    const pixels = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
    gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    return pixels;
  };
  const [a, b] = [frame(ways[0]), frame(ways[1])];
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

/** A sigma whose frame is drawn at once (for `compareFrames`). */
export const renderNow = (sigma: Sigma) => () => void sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: true });
