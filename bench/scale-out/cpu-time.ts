import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let clockTicksPerSecond: number | null = null;

/** CPU time used over a measured span. */
export interface CpuShare {
  wallMs: number;
  /** CPU time over the span by process or process group, in milliseconds. */
  byProcessMs: Record<string, number>;
  /** Busy time of all CPUs of the machine, other sessions included, as a fraction of all CPUs over the span. */
  machineBusyFraction: number;
  /** Busy time of the machine minus the processes above: other sessions, daemons and the kernel. */
  otherProcessesMs: number;
  /**
   * Part of a server node's time spent on its main thread, the one that runs the event loop, by
   * node. The rest went to worker threads (text extraction), the libuv pool and V8's helpers.
   */
  mainThreadMs: Record<string, number>;
}

/** Combines per-process CPU times with the machine's busy time over the same span. */
export function summarizeCpu(
  wallMs: number,
  byProcessMs: Record<string, number>,
  machineBefore: MachineCpu,
  machineAfter: MachineCpu,
  mainThreadMs: Record<string, number> = {},
): CpuShare {
  const busy = machineAfter.busy - machineBefore.busy;
  const total = busy + machineAfter.idle - machineBefore.idle;
  const measured = Object.values(byProcessMs).reduce((sum, value) => sum + value, 0);

  return {
    wallMs: Math.round(wallMs),
    byProcessMs: Object.fromEntries(Object.entries(byProcessMs).map(([name, value]) => [name, Math.round(value)])),
    machineBusyFraction: Math.round((busy / total) * 1000) / 1000,
    otherProcessesMs: Math.max(0, Math.round(busy - measured)),
    mainThreadMs: Object.fromEntries(Object.entries(mainThreadMs).map(([name, value]) => [name, Math.round(value)])),
  };
}

export interface MachineCpu {
  busy: number;
  idle: number;
}

/**
 * Reads the CPU time, user plus system in milliseconds, that a process and its children have
 * used: the process's own time and its waited-for children's time from /proc/<pid>/stat, plus
 * the own and waited-for time of each live child. A PostgreSQL backend that exited is counted
 * through the postmaster's waited-for time, and a live one directly. Worker threads are part of
 * their process. Returns null when the process has exited. Resolution is one clock tick (10 ms
 * at 100 Hz).
 */
export function readProcessTreeCpuMs(pid: number): number | null {
  const own = readStatTicks(pid);
  if (own === null) return null;

  let ticks = own.self + own.children;
  for (const childPid of childProcessIds(pid)) {
    const child = readStatTicks(childPid);
    if (child) ticks += child.self + child.children;
  }

  return ticksToMs(ticks);
}

/** Reads the CPU time, user plus system in milliseconds, of a process's main thread, whose thread id is the process id. */
export function readMainThreadCpuMs(pid: number): number | null {
  const ticks = readStatTicks(pid, `/proc/${pid}/task/${pid}/stat`);

  return ticks === null ? null : ticksToMs(ticks.self);
}

/** CPU time, user plus system in milliseconds, of the calling process. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();

  return (usage.user + usage.system) / 1000;
}

/**
 * Reads the machine's CPU time from the first line of /proc/stat, summed over all CPUs, in
 * milliseconds: busy time (user, nice, system, irq, softirq, steal) and idle time (idle, iowait).
 */
export function readMachineCpuMs(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number) as number[];

  return { busy: ticksToMs(user! + nice! + system! + irq! + softirq! + steal!), idle: ticksToMs(idle! + iowait!) };
}

function readStatTicks(pid: number, file = `/proc/${pid}/stat`): { self: number; children: number } | null {
  let stat: string;
  try {
    stat = readFileSync(file, 'utf8');
  } catch {
    return null;
  }

  // Fields after the command name, which may contain spaces: utime is field 14, stime 15, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');

  return { self: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
}

function childProcessIds(parentPid: number): number[] {
  const children: number[] = [];

  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === parentPid) children.push(Number(entry));
    } catch {
      // The process exited between readdir and read.
    }
  }

  return children;
}

function ticksToMs(ticks: number): number {
  clockTicksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

  return (ticks * 1000) / clockTicksPerSecond;
}
