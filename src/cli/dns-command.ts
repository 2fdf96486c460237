import { parseArgs } from 'node:util';
import { isDomainName, type Config } from '../config.js';
import { openAppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { loadDkimKey } from '../mail/outbound/dkim-keys.js';
import { formatZoneRecords, sendingDomainRecords } from '../mail/outbound/dns-records.js';
import { CliError } from './cli-error.js';

/**
 * Prints the MX, SPF, DKIM and DMARC records a sending domain publishes, generating its DKIM key
 * if it has none yet. The domain must be the domain of a directory address.
 */
export async function runDnsCommand(config: Config, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const domain = positionals[0]?.trim().toLowerCase().replace(/\.$/, '');
  if (positionals.length !== 1 || !domain || !isDomainName(domain)) {
    throw new CliError(`dns needs one domain name: congvan dns DOMAIN, e.g. congvan dns lamdong.gov.vn (got ${JSON.stringify(positionals.join(' '))})`, 2);
  }

  const ctx = await openAppContext(config);
  try {
    const domains = await listAddressDomains(ctx.db);
    if (!domains.includes(domain)) {
      throw new CliError(
        `No organization has an address at ${domain}, so it sends no mail from here. Domains in the directory: ${domains.join(', ') || 'none'}.`,
        2,
      );
    }

    const key = await loadDkimKey(ctx, domain);
    const records = sendingDomainRecords(domain, config.hostname, key);
    process.stdout.write(`; Records to publish for ${domain}; the MX host is CONGVAN_HOSTNAME.\n${formatZoneRecords(records)}\n`);

    if (!config.hostname.includes('.')) {
      process.stderr.write(`congvan: CONGVAN_HOSTNAME is "${config.hostname}"; set it to this server's public name so that the MX record points at it.\n`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}

async function listAddressDomains(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('organization_addresses').select('address').execute();
  const domains = new Set(rows.map((row) => row.address.slice(row.address.lastIndexOf('@') + 1).toLowerCase()));

  return [...domains].sort();
}
