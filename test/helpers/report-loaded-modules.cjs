// Preload (node -r) for test/engine/isolation.test.ts: when the main thread exits, prints to stderr which of
// Spectral's packages it loaded, as `LOADED ["@stoplight/spectral-core", ...]`. Worker threads print nothing.
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.on('exit', () => {
    const packages = new Set();
    for (const file of Object.keys(require.cache)) {
      const m = /[\\/]node_modules[\\/](@stoplight[\\/]spectral-[^\\/]+)[\\/]/.exec(file);
      if (m) packages.add(m[1].replace(/\\/g, '/'));
    }
    process.stderr.write(`\nLOADED ${JSON.stringify([...packages].sort())}\n`);
  });
}
