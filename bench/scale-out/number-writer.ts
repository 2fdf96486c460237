// Child process of the register-number contention benchmark. Arguments: ORGANIZATION_ID COUNT
// YEAR. It connects to the database that CONGVAN_DATABASE_URL names, prints "ready", waits for
// a line on standard input, then takes COUNT incoming register numbers one after another, each
// in its own transaction. It prints one JSON line with the numbers and timings.
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config.js';
import { takeRegisterNumber } from '../../src/documents/register-numbering.js';
import { openAppContext } from '../../src/platform/app-context.js';
import { ownCpuMs } from './cpu-time.js';

export interface WriterOutput {
  numbers: number[];
  /** Per number taken, from the start of the transaction to its commit, in milliseconds. */
  latenciesMs: number[];
  /** Failed transactions, each rolled back, by error message. */
  errors: Record<string, number>;
  /** Epoch milliseconds with sub-millisecond resolution, comparable across processes. */
  startedAtMs: number;
  finishedAtMs: number;
  /** CPU time of this process while it took numbers. */
  cpuMs: number;
}

const [organizationId, countText, yearText] = process.argv.slice(2);
const count = Number(countText);
const year = Number(yearText);
if (!organizationId || !Number.isInteger(count) || count < 1 || !Number.isInteger(year)) {
  throw new Error(`usage: number-writer.ts ORGANIZATION_ID COUNT YEAR (got ${process.argv.slice(2).join(' ')})`);
}

const ctx = await openAppContext(loadConfig(), { migrate: false });
// Opens the connection before the start signal, so that connecting is not timed.
await ctx.db.selectFrom('register_counters').select('last_number').limit(1).execute();

const input = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await once(input, 'line');
input.close();

const output: WriterOutput = { numbers: [], latenciesMs: [], errors: {}, startedAtMs: epochNow(), finishedAtMs: 0, cpuMs: 0 };
const cpuBefore = ownCpuMs();

for (let taken = 0; taken < count; taken++) {
  const started = performance.now();
  try {
    const number = await ctx.db.transaction().execute((trx) => takeRegisterNumber(trx, organizationId, 'incoming', year));
    output.latenciesMs.push(performance.now() - started);
    output.numbers.push(number);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.errors[message] = (output.errors[message] ?? 0) + 1;
  }
}

output.finishedAtMs = epochNow();
output.cpuMs = ownCpuMs() - cpuBefore;
await ctx.close();
process.stdout.write(`${JSON.stringify(output)}\n`);

function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
