// Loaded with `node --import` into an app by `bench/ingest/run.mjs --profile`: the first SIGWINCH starts the
// V8 CPU profiler, the second stops it and writes the profile to $BENCH_CPU_PROFILE. (Nest's shutdown
// hooks end the process by re-raising the signal, so `--cpu-prof`, which writes at exit, gets nothing.)
import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector';

const session = new inspector.Session();
session.connect();
let running = false;
process.on('SIGWINCH', () => {
  if (!running) {
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
    running = true;
    return;
  }
  session.post('Profiler.stop', (err, result) => {
    if (!err) writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(result.profile));
    running = false;
  });
});
