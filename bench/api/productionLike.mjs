// Imported after tsx in every contender of bench:api: tsx turns source maps on, which
// makes every Error's stack go through the source-map machinery (the driver builds one
// per result). Deployed, the service runs compiled JavaScript without them.
process.setSourceMapsEnabled(false);
