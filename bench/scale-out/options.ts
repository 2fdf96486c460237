import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `Usage: npm run bench:scale-out -- [options]

Starts a throwaway PostgreSQL cluster on loopback and measures, in one run:
  1. ingest: the same MIME messages, each with a 50-100 KiB PDF, sent unpaced to one
     organization on one node on SQLite, one node on PostgreSQL and two nodes sharing one
     PostgreSQL database; acceptance rate, time until every message is registered, and a check
     that the register numbers are exactly 1..N;
  2. register numbers: concurrent writer processes taking incoming register numbers for one
     organization, each number in its own transaction, on SQLite and on PostgreSQL.
Writes bench/results/scale-out-<date>-<time>.json.

  --messages N            measured messages per deployment (default 2000)
  --connections C         SMTP connections in all, split evenly over the nodes (default 4)
  --writers W             concurrent register-number writers (default 8)
  --numbers K             register numbers each writer takes (default 500)
  --seed S                seed for attachment choice, sizes and padding bytes (default 1187)
  --only PART             run only "ingest" or "numbers" (default: both)
  --postgres-durability D "full" restarts the cluster with fsync, synchronous_commit and
                          full_page_writes on, as in production; "off" keeps the test
                          script's settings with all three off (default full)
  --drain-timeout S       seconds to wait until all accepted messages are registered (default 600)
  --poll-interval MS      milliseconds between counts of registered messages (default 50)
  --output FILE           results file (default bench/results/scale-out-<date>-<time>.json)
  --cpu-profile-dir DIR   write a V8 CPU profile of each thread of each server node into
                          DIR/<deployment>/; profiling slows the nodes, so do not record
                          that run's figures
  --help                  print this text
`;

const optionsSchema = z.object({
  messages: z.coerce.number().int().min(10).max(100_000).default(2000),
  connections: z.coerce.number().int().min(2).max(64).default(4),
  writers: z.coerce.number().int().min(1).max(64).default(8),
  numbers: z.coerce.number().int().min(1).max(100_000).default(500),
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1187),
  only: z.enum(['ingest', 'numbers']).optional(),
  postgresDurability: z.enum(['full', 'off']).default('full'),
  drainTimeout: z.coerce.number().positive().max(24 * 3600).default(600),
  pollInterval: z.coerce.number().int().min(10).max(5000).default(50),
  output: z.string().min(1).optional(),
  cpuProfileDir: z.string().min(1).optional(),
});

export type ScaleOutOptions = z.infer<typeof optionsSchema> & { help: boolean };

/** Parses and validates the command-line flags. Throws an error that names the flag when one is invalid. */
export function parseScaleOutOptions(argv: string[]): ScaleOutOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      messages: { type: 'string' },
      connections: { type: 'string' },
      writers: { type: 'string' },
      numbers: { type: 'string' },
      seed: { type: 'string' },
      only: { type: 'string' },
      'postgres-durability': { type: 'string' },
      'drain-timeout': { type: 'string' },
      'poll-interval': { type: 'string' },
      output: { type: 'string' },
      'cpu-profile-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });

  const parsed = optionsSchema.safeParse({
    messages: values.messages,
    connections: values.connections,
    writers: values.writers,
    numbers: values.numbers,
    seed: values.seed,
    only: values.only,
    postgresDurability: values['postgres-durability'],
    drainTimeout: values['drain-timeout'],
    pollInterval: values['poll-interval'],
    output: values.output,
    cpuProfileDir: values['cpu-profile-dir'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid --${String(issue.path[0]).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: ${issue.message}\n\n${USAGE}`);
  }

  return { ...parsed.data, help: values.help ?? false };
}
