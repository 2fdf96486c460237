// Preloaded into a server node with NODE_OPTIONS="--import <this file>" when the benchmark runs
// with --cpu-profile-dir. Node.js 20 does not accept --cpu-prof in NODE_OPTIONS, so this starts
// the V8 profiler through the inspector and writes each thread's profile when the thread exits. Plain JavaScript, because it loads before the tsx loader.
import { mkdirSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

const folder = process.env.CONGVAN_BENCH_CPU_PROFILE_DIR;

if (folder) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');

  // A session in the same thread runs the callback synchronously, so the profile is written before the thread ends.
  process.once('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) {
        process.stderr.write(`CPU profile not written: ${error.message}\n`);
        return;
      }
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, `node-${process.pid}-thread-${threadId}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
