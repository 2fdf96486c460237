import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface MachineInfo {
  cpuModel: string;
  logicalCpus: number;
  /** Output of `free -h`. */
  memory: string;
  kernel: string;
  node: string;
  postfix: string | null;
  gitCommit: string | null;
  /** True when the working tree had uncommitted changes. */
  gitDirty: boolean | null;
  /** SHA-256 of the uncommitted changes under src/, tracked and untracked, so that runs on the same server code can be matched. */
  sourceChangesSha256: string | null;
}

/** Describes the machine and software a run measured, for the results file. */
export function describeMachine(repositoryRoot: string, postfixVersion: string | null): MachineInfo {
  const cpuInfo = readFileSync('/proc/cpuinfo', 'utf8');

  return {
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuInfo)?.[1]?.trim() ?? 'unknown',
    logicalCpus: os.availableParallelism(),
    memory: commandOutput('free', ['-h']) ?? 'unknown',
    kernel: os.release(),
    node: process.version,
    postfix: postfixVersion,
    gitCommit: commandOutput('git', ['-C', repositoryRoot, 'rev-parse', '--short', 'HEAD']),
    gitDirty: gitDirty(repositoryRoot),
    sourceChangesSha256: sourceChangesSha256(repositoryRoot),
  };
}

function sourceChangesSha256(repositoryRoot: string): string | null {
  const diff = commandOutput('git', ['-C', repositoryRoot, 'diff', 'HEAD', '--', 'src']);
  const untracked = commandOutput('git', ['-C', repositoryRoot, 'ls-files', '--others', '--exclude-standard', '--', 'src']);
  if (diff === null || untracked === null) return null;

  const hash = createHash('sha256').update(diff);
  for (const file of untracked.split('\n').filter(Boolean).sort()) {
    hash.update(`\0${file}\0`).update(readFileSync(path.join(repositoryRoot, file)));
  }

  return hash.digest('hex');
}

function gitDirty(repositoryRoot: string): boolean | null {
  const status = commandOutput('git', ['-C', repositoryRoot, 'status', '--porcelain']);

  return status === null ? null : status.length > 0;
}

function commandOutput(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
