/**
 * Sigma reads WebGL's constants from `WebGL2RenderingContext` when its modules load;
 * Node has no such class. An empty one lets the explorer's sigma-free logic load in
 * unit tests (nothing here draws). Imported before anything that imports sigma.
 */
const scope = globalThis as { WebGL2RenderingContext?: unknown };
scope.WebGL2RenderingContext ??= class WebGL2RenderingContext {};
