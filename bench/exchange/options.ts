import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `Usage: npm run bench:exchange -- [options]

Measures sending documents with Công Văn on loopback and writes
bench/results/exchange-<date>-<time>.json. Fan-out: one dispatch with a 1 MiB PDF to 200 local
organizations, next to a throwaway Postfix delivering one message to 200 Maildirs. Remote: 500
deliveries from one Công Văn installation to a second one over SMTP.

  --only PART                  run only "fan-out" or "remote" (default: both)
  --skip-postfix               leave out the Postfix peer of the fan-out
  --organizations N            local organizations the fan-out dispatch goes to (default 200)
  --rounds N                   fan-out dispatches, each a fresh one, per server (default 5)
  --fan-out-pdf-kib K          size of the fan-out PDF in KiB (default 1024)
  --clerks N                   clerks of fan-out recipients who check their inbox (default 10)
  --deliveries N               remote deliveries in total, per variant (default 500)
  --recipients-per-dispatch L  comma-separated variants of remote recipients per dispatch; each
                               variant sends N / R dispatches between fresh installations (default 1,20)
  --send-concurrency C         dispatch requests in flight at once in the remote part (default 4)
  --remote-pdf-kib K           size of the remote dispatches' PDF in KiB (default 100)
  --drain-timeout S            seconds to wait for every remote delivery (default 600)
  --seed S                     seed of the PDF padding bytes (default 1187)
  --output FILE                results file (default bench/results/exchange-<date>-<time>.json)
  --help                       print this text
`;

const optionsSchema = z
  .object({
    only: z.enum(['fan-out', 'remote']).optional(),
    skipPostfix: z.boolean(),
    organizations: z.coerce.number().int().min(1).max(999).default(200),
    rounds: z.coerce.number().int().min(1).max(100).default(5),
    fanOutPdfKib: z.coerce.number().int().min(64).max(20 * 1024).default(1024),
    clerks: z.coerce.number().int().min(0).max(100).default(10),
    deliveries: z.coerce.number().int().min(1).max(10_000).default(500),
    recipientsPerDispatch: z
      .string()
      .default('1,20')
      .transform((list) => list.split(',').map((item) => Number(item.trim())))
      .pipe(z.array(z.number().int().min(1).max(100)).min(1)),
    sendConcurrency: z.coerce.number().int().min(1).max(32).default(4),
    remotePdfKib: z.coerce.number().int().min(64).max(20 * 1024).default(100),
    drainTimeout: z.coerce.number().positive().max(24 * 3600).default(600),
    seed: z.coerce.number().int().min(0).max(0xffffffff).default(1187),
    output: z.string().min(1).optional(),
  })
  .refine((options) => options.clerks <= options.organizations, { path: ['clerks'], message: 'must not exceed --organizations' })
  .refine((options) => options.recipientsPerDispatch.every((recipients) => options.deliveries % recipients === 0), {
    path: ['recipientsPerDispatch'],
    message: 'each variant must divide --deliveries, so that every dispatch has the same number of recipients',
  });

export type ExchangeOptions = z.infer<typeof optionsSchema> & { help: boolean };

/** Parses and validates the command-line flags. Throws an error that names the flag when one is invalid. */
export function parseExchangeOptions(argv: string[]): ExchangeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      'skip-postfix': { type: 'boolean', default: false },
      organizations: { type: 'string' },
      rounds: { type: 'string' },
      'fan-out-pdf-kib': { type: 'string' },
      clerks: { type: 'string' },
      deliveries: { type: 'string' },
      'recipients-per-dispatch': { type: 'string' },
      'send-concurrency': { type: 'string' },
      'remote-pdf-kib': { type: 'string' },
      'drain-timeout': { type: 'string' },
      seed: { type: 'string' },
      output: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });

  const parsed = optionsSchema.safeParse({
    only: values.only,
    skipPostfix: values['skip-postfix'] ?? false,
    organizations: values.organizations,
    rounds: values.rounds,
    fanOutPdfKib: values['fan-out-pdf-kib'],
    clerks: values.clerks,
    deliveries: values.deliveries,
    recipientsPerDispatch: values['recipients-per-dispatch'],
    sendConcurrency: values['send-concurrency'],
    remotePdfKib: values['remote-pdf-kib'],
    drainTimeout: values['drain-timeout'],
    seed: values.seed,
    output: values.output,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid --${String(issue.path[0]).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: ${issue.message}\n\n${USAGE}`);
  }

  return { ...parsed.data, help: values.help ?? false };
}
