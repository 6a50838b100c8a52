import { performance } from 'node:perf_hooks';

/** Runs fn once to warm up, then `runs` times, and prints p50 and p95 in milliseconds. */
export async function time(label: string, fn: () => Promise<unknown> | unknown, runs = 20) {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
  console.log(`${label.padEnd(44)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms`);
}
