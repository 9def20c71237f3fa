/**
 * Sigma draws every node twice a frame: the picture, and a picking buffer (each
 * node in a colour of its own) from which it reads what is under the pointer, for
 * hover and clicks. Under SwiftShader (headless Chromium, or a machine without a
 * GPU) that second pass cost about as much as the picture's nodes on a 10k-actor
 * district, on every frame: the first picture and every slider step paid for a
 * buffer nobody read, since the pointer was on the slider or nowhere.
 *
 * Here the picking pass is drawn only while the pointer is over the graph (hover
 * reads it on every frame then, as before), and a press that begins while the
 * buffer is stale first draws one frame with it, synchronously, so the click or tap
 * that follows reads what is on screen. Sigma's render parameters carry the
 * picking buffer (null: its programs skip the pass), so only those are changed.
 */
import type Sigma from 'sigma';

type RenderParams = ReturnType<Sigma['getRenderParams']>;

export function pickOnlyUnderPointer(sigma: Pick<Sigma, 'getRenderParams' | 'scheduleRender' | 'refresh'>, container: HTMLElement): void {
  let pointerOver = false;
  /** True when the last frame was drawn without the picking pass. */
  let stale = true;
  const params = sigma.getRenderParams.bind(sigma);
  sigma.getRenderParams = (): RenderParams => {
    const full = params();
    stale = !pointerOver;
    return pointerOver ? full : { ...full, pickingFrameBuffer: null };
  };
  const enter = () => {
    if (pointerOver) return;
    pointerOver = true;
    if (stale) sigma.scheduleRender();
  };
  // Capture phase: before sigma's own listeners on its mouse layer read the buffer.
  container.addEventListener('pointermove', enter, { capture: true });
  // The container's own enter and leave (not those of sigma's layers inside it, which a capture listener would hear too).
  container.addEventListener('pointerenter', (event) => event.target === container && enter());
  container.addEventListener('pointerleave', (event) => {
    if (event.target === container) pointerOver = false;
  });
  container.addEventListener(
    'pointerdown',
    () => {
      pointerOver = true;
      // A frame drawn now, with the picking pass, and nothing re-processed.
      if (stale) sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: true });
    },
    { capture: true },
  );
}
