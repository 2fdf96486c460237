import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface MemorySample {
  atMs: number;
  bytes: number;
}

/** Samples a memory figure at a fixed interval until stopped. A null reading, from a process that has exited, is skipped. */
export class MemorySampler {
  readonly samples: MemorySample[] = [];
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly readBytes: () => number | null, private readonly intervalMs = 100) {}

  start(): void {
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), this.intervalMs);
  }

  stop(): MemorySample[] {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;

    return this.samples;
  }

  #sample(): void {
    const bytes = this.readBytes();
    if (bytes !== null) this.samples.push({ atMs: performance.now(), bytes });
  }
}

/** Reads VmRSS, the resident set size, of one process from /proc/<pid>/status. */
export function readVmRssBytes(pid: number): number | null {
  return readKilobyteField(`/proc/${pid}/status`, 'VmRSS');
}

/**
 * Sums Pss, the proportional set size, over a process and its direct children from
 * /proc/<pid>/smaps_rollup. Pss divides each shared page among the processes that map it, so
 * the sum does not count the shared libraries of Postfix's many small daemons once per process.
 */
export function readProcessFamilyPssBytes(parentPid: number): number | null {
  const parent = readKilobyteField(`/proc/${parentPid}/smaps_rollup`, 'Pss');
  if (parent === null) return null;

  let total = parent;
  for (const childPid of childProcessIds(parentPid)) {
    total += readKilobyteField(`/proc/${childPid}/smaps_rollup`, 'Pss') ?? 0;
  }

  return total;
}

function childProcessIds(parentPid: number): number[] {
  const children: number[] = [];

  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in field 2 may contain spaces and parentheses, so count fields after the last ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === parentPid) children.push(Number(entry));
    } catch {
      // The process exited between readdir and read.
    }
  }

  return children;
}

function readKilobyteField(file: string, field: string): number | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }

  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);

  return match ? Number(match[1]) * 1024 : null;
}
