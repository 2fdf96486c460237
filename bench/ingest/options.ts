import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `Usage: npm run bench:ingest -- [options]

Sends the same MIME messages, each with a 50-100 KiB PDF, over 4 SMTP connections to Công Văn
and to a throwaway Postfix on loopback, and writes bench/results/ingest-<date>.json.

  --messages N         messages in the unpaced throughput phase (default 2000)
  --rate R             messages per second in the paced phase (default 20)
  --paced-messages M   messages in the paced phase (default: the --messages value)
  --seed S             seed for attachment choice, sizes and padding bytes (default 1187)
  --only SERVER        measure only "congvan" or "postfix" (default: both)
  --drain-timeout S    seconds to wait for a phase's messages to become visible (default 1800)
  --poll-interval MS   milliseconds between polls of the inbox API and the Maildir (default 50)
  --output FILE        results file (default bench/results/ingest-<date>-<time>.json)
  --help               print this text
`;

const optionsSchema = z.object({
  messages: z.coerce.number().int().min(1).max(100_000).default(2000),
  rate: z.coerce.number().positive().max(1000).default(20),
  pacedMessages: z.coerce.number().int().min(1).max(100_000).optional(),
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1187),
  only: z.enum(['congvan', 'postfix']).optional(),
  drainTimeout: z.coerce.number().positive().max(24 * 3600).default(1800),
  pollInterval: z.coerce.number().int().min(10).max(5000).default(50),
  output: z.string().min(1).optional(),
});

export type BenchOptions = Omit<z.infer<typeof optionsSchema>, 'pacedMessages'> & { pacedMessages: number; help: boolean };

/** Parses and validates the command-line flags. Throws an error that names the flag when one is invalid. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      messages: { type: 'string' },
      rate: { type: 'string' },
      'paced-messages': { type: 'string' },
      seed: { type: 'string' },
      only: { type: 'string' },
      'drain-timeout': { type: 'string' },
      'poll-interval': { type: 'string' },
      output: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });

  const parsed = optionsSchema.safeParse({
    messages: values.messages,
    rate: values.rate,
    pacedMessages: values['paced-messages'],
    seed: values.seed,
    only: values.only,
    drainTimeout: values['drain-timeout'],
    pollInterval: values['poll-interval'],
    output: values.output,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid --${String(issue.path[0]).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: ${issue.message}\n\n${USAGE}`);
  }

  return { ...parsed.data, pacedMessages: parsed.data.pacedMessages ?? parsed.data.messages, help: values.help ?? false };
}
