/**
 * Preload module for `node --import`: writes one line to standard error for each node:zlib handle
 * the process or any of its worker threads creates. Worker threads inherit the process's
 * `--import` flags, so this watches the extraction worker too.
 */
import { createHook } from 'node:async_hooks';
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

createHook({
  init(_asyncId, type) {
    if (type === 'ZLIB') {
      writeSync(2, `zlib handle created in the ${isMainThread ? 'main' : 'worker'} thread\n`);
    }
  },
}).enable();
