'use strict';
// Entry of a PDF worker thread (piscina loads it by path: src/server/documents/render-pool.ts).
//
// Plain CommonJS on purpose: it runs outside Next's server bundle and outside Vitest's transform, so
// `next start`, `next dev`, the tests and tsx scripts all load this same file with plain Node. The
// TypeScript template behind it is compiled on load by tsx (once per worker thread; tsx keeps the
// output in its disk cache), with the project's tsconfig.json found from the working directory.
// tsx is already what runs the project's migrate, seed and demo scripts, so it is installed wherever
// the app is.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose, see above
const tsx = require('tsx/cjs/api');

module.exports = tsx.require('./render-task.ts', __filename).default;
