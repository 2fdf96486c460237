import { authenticate } from 'mailauth';
import { getDomain } from 'tldts';
import type { AppContext } from '../../platform/app-context.js';
import { logger } from '../../platform/logger.js';

const log = logger('ingest');

/** The proof a receiving server found for a message's From address. */
export interface SenderAuthentication {
  /** The From domain, lower case; null when the message has no single From address. */
  fromDomain: string | null;
  /**
   * The mechanism that proved the From domain: a DKIM signature of that domain or its
   * organizational domain, or an SPF pass for such a MAIL FROM domain. Null when nothing proved
   * it, or when DMARC failed.
   */
  verifiedBy: 'dkim' | 'spf' | null;
  /** RFC 8601 result words, e.g. pass, fail, none, temperror. */
  dkim: string;
  spf: string;
  dmarc: string;
  /** The From domain's published DMARC policy (none, quarantine, reject), or null without one. */
  dmarcPolicy: string | null;
}

export interface ArrivalFacts {
  remoteAddress: string | null;
  helo: string | null;
  envelopeFrom: string | null;
}

export const NOT_CHECKED: SenderAuthentication = { fromDomain: null, verifiedBy: null, dkim: 'none', spf: 'none', dmarc: 'none', dmarcPolicy: null };

/**
 * Checks DKIM, SPF and DMARC for a stored message with mailauth, looking keys and policies up
 * through the context's resolver (CONGVAN_DNS_RECORDS first). A message read from a file has no
 * client address, so only DKIM counts. A DNS failure yields temperror results, never an
 * exception: the message is still registered, only not trusted.
 */
export async function authenticateSender(ctx: AppContext, raw: Buffer, arrival: ArrivalFacts): Promise<SenderAuthentication> {
  let fromDomain: string | null = null;
  try {
    const result = await authenticate(raw, {
      ip: arrival.remoteAddress ?? undefined,
      helo: arrival.helo ?? undefined,
      sender: arrival.envelopeFrom ?? undefined,
      mta: ctx.config.hostname,
      resolver: ctx.dns.resolve as never,
      disableArc: true,
      disableBimi: true,
    });
    const headerFrom = result.dkim.headerFrom ?? [];
    const domain = headerFrom.length === 1 ? (headerFrom[0]!.split('@').pop() ?? '').toLowerCase() : '';
    fromDomain = domain || null;

    const dkimPass = (result.dkim.results ?? []).filter((entry) => entry.status.result === 'pass');
    const dkimAligned = domain !== '' && dkimPass.some((entry) => aligned(domain, entry.signingDomain));
    const spfResult = arrival.remoteAddress && result.spf ? result.spf.status.result : 'none';
    const spfAligned = domain !== '' && spfResult === 'pass' && result.spf !== false && aligned(domain, result.spf.domain);
    const dmarc = result.dmarc ? result.dmarc.status.result : 'none';

    return {
      fromDomain,
      verifiedBy: verifiedByOf(dmarc, dkimAligned, spfAligned),
      dkim: dkimPass.length > 0 ? 'pass' : (result.dkim.results?.[0]?.status.result ?? 'none'),
      spf: spfResult,
      dmarc,
      dmarcPolicy: result.dmarc ? (result.dmarc.policy ?? null) : null,
    };
  } catch (error) {
    log.warn({ err: error, fromDomain }, 'sender authentication failed; the message counts as unauthenticated');
    return { ...NOT_CHECKED, fromDomain, dkim: 'temperror', spf: 'temperror', dmarc: 'temperror' };
  }
}

/** Returns whether the authentication proves this From address, as parsed from the same message. */
export function provesFrom(authentication: SenderAuthentication | undefined, address: string | null | undefined): boolean {
  if (!authentication?.verifiedBy || !authentication.fromDomain || !address) return false;

  return address.slice(address.lastIndexOf('@') + 1).toLowerCase() === authentication.fromDomain;
}

function verifiedByOf(dmarc: string, dkimAligned: boolean, spfAligned: boolean): SenderAuthentication['verifiedBy'] {
  if (dmarc === 'fail') return null;
  if (dkimAligned) return 'dkim';
  if (spfAligned) return 'spf';

  return null;
}

/** DMARC relaxed alignment (RFC 7489 section 3.1): both names share an organizational domain. */
function aligned(fromDomain: string, otherDomain: string | undefined): boolean {
  if (!otherDomain) return false;

  const organizational = (name: string) => (getDomain(name, { allowPrivateDomains: true }) ?? name).toLowerCase();
  return organizational(fromDomain) === organizational(otherDomain.toLowerCase());
}
