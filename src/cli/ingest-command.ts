import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openAppContext } from '../platform/app-context.js';
import { findOrganizationByAddress, listOrganizations } from '../directory/organization-repository.js';
import { analyzeMessage } from '../mail/inbound/analyze-message.js';
import { ProcessingWorker } from '../mail/inbound/processing-worker.js';
import { storeRawMessage } from '../mail/inbound/store-raw-message.js';
import { presentAnalysis } from '../mail/inbound/present-analysis.js';
import { authenticateSender } from '../mail/inbound/sender-authentication.js';
import { CliError } from './cli-error.js';
import { assertInputFile } from './input-file.js';

export async function runIngestCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, to: { type: 'string', multiple: true } },
  });
  const file = positionals[0];
  if (!file) throw new CliError('ingest needs a message file: congvan ingest message.eml [--json] [--to address]', 2);
  assertInputFile(file);

  const raw = await readFile(file);
  const ctx = await openAppContext(config);

  try {
    if (values.json) {
      // A file has no client address, so only a DKIM signature can prove its sender.
      const authentication = await authenticateSender(ctx, raw, { remoteAddress: null, helo: null, envelopeFrom: null });
      const analysis = await analyzeMessage(raw, await listOrganizations(ctx.db), authentication);
      process.stdout.write(`${JSON.stringify(presentAnalysis(analysis, authentication), null, 2)}\n`);
      return 0;
    }

    const analysis = await analyzeMessage(raw, []);
    const addresses = values.to ?? [...analysis.parsed.to, ...analysis.parsed.cc].map((address) => address.address);
    const organizationIds = new Set<string>();
    for (const address of addresses) {
      const organization = await findOrganizationByAddress(ctx.db, address);
      if (organization) organizationIds.add(organization.id);
    }
    if (organizationIds.size === 0) {
      throw new CliError(`None of the recipients (${addresses.join(', ') || 'none'}) is a directory address; name one with --to.`, 1);
    }

    const id = await storeRawMessage(ctx, raw, {
      source: 'cli',
      envelopeFrom: analysis.parsed.from?.address ?? null,
      envelopeTo: addresses,
      recipientOrganizationIds: [...organizationIds],
      remoteAddress: null,
      helo: null,
    });

    const worker = new ProcessingWorker(ctx, { concurrency: 1 });
    await worker.start();
    await worker.idle();
    await worker.stop();

    const deliveries = await ctx.db
      .selectFrom('deliveries')
      .innerJoin('documents', 'documents.id', 'deliveries.document_id')
      .innerJoin('organizations', 'organizations.id', 'deliveries.organization_id')
      .select(['organizations.code', 'deliveries.register_year', 'deliveries.register_number', 'documents.type', 'documents.number', 'documents.notation'])
      .where('documents.message_id', '=', id)
      .execute();
    process.stdout.write(`Stored message ${id}.\n`);
    for (const delivery of deliveries) {
      process.stdout.write(`  ${delivery.code}: số đến ${delivery.register_number}/${delivery.register_year}, ${delivery.type} ${[delivery.number, delivery.notation].filter(Boolean).join('/')}\n`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}
