import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { AppContext } from '../../platform/app-context.js';
import type { BlobWriter } from '../../platform/blob-writer.js';
import { logger } from '../../platform/logger.js';
import { findOrganizationByAddress } from '../../directory/organization-repository.js';
import { normalizeMailAddress } from '../../directory/mail-address.js';
import { findPostmasterOrganization } from '../../directory/postmaster.js';
import { storeRawMessage } from '../inbound/store-raw-message.js';
import { ConnectionLimiter } from './connection-limiter.js';
import type { AcceptanceLoad } from './acceptance-load.js';
import { installFastDataScan } from './data-scan.js';
import { replies, SmtpReply } from './smtp-replies.js';
import type { TlsCredentials } from './tls-credentials.js';

const log = logger('smtp');

export interface InboundSmtpOptions {
  tls: TlsCredentials;
  /** Called after a message is stored, so processing starts without waiting for a poll. */
  onStored: (messageId: string) => void;
  /** Counts the transactions being stored, so processing can give way to them. */
  acceptance?: AcceptanceLoad;
}

interface SessionState {
  recipientOrganizationIds: Set<string>;
  connectionCounted: boolean;
}

/**
 * Creates the MX-facing SMTP server. It accepts mail for directory addresses only and replies 250
 * only after the message is stored durably, so nothing accepted is lost. Every local failure gets
 * a 4xx reply, so the sender retries instead of bouncing.
 */
export function createInboundSmtpServer(ctx: AppContext, options: InboundSmtpOptions): SMTPServer {
  installFastDataScan();
  const limiter = new ConnectionLimiter(ctx.config.maxConnectionsPerClient);
  const states = new WeakMap<SMTPServerSession, SessionState>();
  const stateOf = (session: SMTPServerSession): SessionState => {
    let state = states.get(session);
    if (!state) {
      state = { recipientOrganizationIds: new Set(), connectionCounted: false };
      states.set(session, state);
    }
    return state;
  };

  const server = new SMTPServer({
    name: ctx.config.hostname,
    banner: 'Công Văn ESMTP',
    size: ctx.config.maxMessageSize,
    key: options.tls.key,
    cert: options.tls.cert,
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    // Nothing here uses the client's DNS name, and the lookup would hold the greeting for up to 1.5 s.
    disableReverseLookup: true,
    socketTimeout: 120_000,
    // On stop, clients still connected after this long get 421 and are disconnected.
    closeTimeout: 10_000,

    onConnect(session, callback) {
      const address = session.remoteAddress;
      if (!limiter.tryOpen(address)) {
        log.warn({ remoteAddress: address }, 'refused connection: per-client limit reached');
        callback(replies.tooManyConnections());
        return;
      }
      stateOf(session).connectionCounted = true;
      callback();
    },

    onClose(session) {
      if (stateOf(session).connectionCounted) limiter.close(session.remoteAddress);
    },

    onMailFrom(_address, session, callback) {
      stateOf(session).recipientOrganizationIds = new Set();
      callback();
    },

    onRcptTo(address, session, callback) {
      const normalized = normalizeMailAddress(address.address);
      if (!normalized) {
        callback(replies.invalidRecipient(address.address));
        return;
      }

      resolveRecipient(ctx, normalized).then(
        (organization) => {
          if (!organization) {
            log.info({ recipient: normalized, remoteAddress: session.remoteAddress }, 'rejected unknown recipient');
            callback(replies.unknownRecipient(address.address));
            return;
          }
          stateOf(session).recipientOrganizationIds.add(organization.id);
          callback();
        },
        (error: unknown) => {
          log.error({ err: error, recipient: normalized }, 'directory look-up failed');
          callback(replies.localFailure());
        },
      );
    },

    onData(stream, session, callback) {
      options.acceptance?.begin();
      let replied = false;
      const replyOnce = (error?: Error, message?: string) => {
        if (replied) return;
        replied = true;
        options.acceptance?.end();
        callback(error ?? null, message);
      };

      const writer = ctx.blobs.createWriter();

      readWholeStream(stream, ctx.config.maxMessageSize, writer)
        .then(async (raw) => {
          if ((stream as Readable & { sizeExceeded?: boolean }).sizeExceeded) {
            await writer.abort();
            replyOnce(replies.messageTooLarge(ctx.config.maxMessageSize));
            return;
          }

          const id = await storeRawMessage(ctx, raw, {
            source: 'smtp',
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            recipientOrganizationIds: [...stateOf(session).recipientOrganizationIds],
            remoteAddress: session.remoteAddress,
            helo: session.hostNameAppearsAs ?? null,
          }, writer);

          log.info({ messageId: id, size: raw.length, remoteAddress: session.remoteAddress }, 'message stored');
          replyOnce(undefined, `2.0.0 Đã nhận / Accepted ${id}`);
          options.onStored(id);
        })
        .catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code === 'ECONNECTION') {
            // smtp-server ends the DATA stream with this code when the client goes away, so
            // nothing was accepted and no reply can reach the client.
            log.info({ remoteAddress: session.remoteAddress, sessionId: session.id }, 'client disconnected during DATA; partial message discarded');
          } else {
            log.error({ err: error, remoteAddress: session.remoteAddress }, 'storing a message failed; replied 451');
          }
          replyOnce(replies.localFailure());
          writer.abort().catch((abortError: unknown) => log.warn({ err: abortError }, 'removing a partial message file failed'));
        });
    },
  });

  server.on('error', (error) => {
    log.warn({ err: error }, 'SMTP connection error');
  });

  return server;
}

async function resolveRecipient(ctx: AppContext, address: string) {
  const owner = await findOrganizationByAddress(ctx.db, address);
  if (owner) return owner;

  const [local, domain] = address.split('@') as [string, string];
  return local === 'postmaster' ? findPostmasterOrganization(ctx.db, domain) : null;
}

// Reads the DATA stream into memory and into the blob writer, keeping no bytes past the limit:
// smtp-server reads an oversize message to its end before the 552 can be sent, and the excess
// must not fill memory or disk.
function readWholeStream(stream: Readable, limit: number, writer: BlobWriter): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return;
      chunks.push(chunk);
      writer.write(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export { SmtpReply };
