import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from 'smtp-server';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { logger } from '../../platform/logger.js';
import { authenticate } from '../../directory/authenticate.js';
import { normalizeMailAddress } from '../../directory/mail-address.js';
import { findOrganizationByAddress } from '../../directory/organization-repository.js';
import type { User } from '../../directory/user-repository.js';
import { assertMaySend } from '../../exchange/send-dispatch.js';
import { sendSubmittedMessage } from '../../exchange/submitted-message.js';
import { installFastDataScan } from './data-scan.js';
import { replies, SmtpReply } from './smtp-replies.js';
import type { TlsCredentials } from './tls-credentials.js';

const log = logger('smtp');

export interface SubmissionOptions {
  tls: TlsCredentials;
  /**
   * Development only: allow AUTH without STARTTLS, and only from loopback addresses. Passwords
   * never cross a network in clear.
   */
  allowPlainAuthOnLoopback: boolean;
}

/**
 * Creates the submission server (port 2587 by default) for mail clients of directory users:
 * STARTTLS, then AUTH PLAIN or LOGIN with the user's Công Văn password. The From address must
 * belong to the user's organization. Each message becomes a dispatch, exactly as if sent from
 * the web; the reply to DATA is 250 only once it is registered and queued.
 */
export function createSubmissionServer(ctx: AppContext, options: SubmissionOptions): SMTPServer {
  installFastDataScan();
  const users = new WeakMap<SMTPServerSession, User>();

  return new SMTPServer({
    name: ctx.config.hostname,
    banner: 'Công Văn ESMTP submission',
    size: ctx.config.maxMessageSize,
    key: options.tls.key,
    cert: options.tls.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    // onAuth refuses AUTH before STARTTLS, except from loopback with the development flag.
    allowInsecureAuth: options.allowPlainAuthOnLoopback,
    logger: false,
    // Nothing here uses the client's DNS name, and the lookup would hold the greeting for up to 1.5 s.
    disableReverseLookup: true,
    socketTimeout: 120_000,
    closeTimeout: 10_000,

    onAuth(auth: SMTPServerAuthentication, session, callback) {
      if (!session.secure && !(options.allowPlainAuthOnLoopback && isLoopback(session.remoteAddress))) {
        callback(new SmtpReply(538, '5.7.11 Cần STARTTLS trước khi đăng nhập / Encryption required: use STARTTLS before AUTH'));
        return;
      }

      authenticate(ctx, auth.username ?? '', auth.password ?? '', session.remoteAddress)
        .then((user) => {
          assertMaySend(user);
          users.set(session, user);
          log.info({ userId: user.id, remoteAddress: session.remoteAddress }, 'submission login');
          callback(null, { user: user.login });
        })
        .catch((error: unknown) => {
          log.warn({ login: auth.username, remoteAddress: session.remoteAddress }, 'submission login failed');
          callback(authReply(error));
        });
    },

    onMailFrom(address, session, callback) {
      const user = users.get(session);
      if (!user) {
        callback(new SmtpReply(530, '5.7.0 Cần đăng nhập trước khi gửi / Authentication required'));
        return;
      }

      findOrganizationByAddress(ctx.db, address.address)
        .then((owner) => {
          if (!owner || owner.id !== user.organizationId) {
            callback(
              new SmtpReply(
                550,
                `5.7.1 <${address.address}>: Địa chỉ này không thuộc cơ quan của tài khoản ${user.login}; hãy gửi từ địa chỉ của cơ quan mình / This address does not belong to the organization of ${user.login}; send from your organization's address`,
              ),
            );
            return;
          }
          callback();
        })
        .catch(() => callback(replies.localFailure()));
    },

    onRcptTo(address, _session, callback) {
      if (!normalizeMailAddress(address.address)) {
        callback(replies.invalidRecipient(address.address));
        return;
      }
      callback();
    },

    onData(stream: Readable, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as Readable & { sizeExceeded?: boolean }).sizeExceeded) {
          callback(replies.messageTooLarge(ctx.config.maxMessageSize));
          return;
        }

        const user = users.get(session)!;
        const recipients = session.envelope.rcptTo.map((recipient) => recipient.address);
        sendSubmittedMessage(ctx, user, Buffer.concat(chunks), recipients)
          .then(async (sent) => {
            await ctx.syncCommits();
            log.info({ dispatchId: sent.id, userId: user.id, recipients: recipients.length }, 'submitted message sent');
            callback(null, `2.0.0 Đã gửi, số đăng ký ${sent.registerNumber} / Sent as outgoing entry ${sent.registerNumber}`);
          })
          .catch((error: unknown) => callback(dataReply(error, user)));
      });
    },
  });
}

function authReply(error: unknown): SmtpReply {
  if (error instanceof AppError && error.code === 'rate-limited') {
    return new SmtpReply(454, `4.7.0 ${error.message} / ${error.messageEn}`);
  }
  if (error instanceof AppError && error.code === 'forbidden') {
    return new SmtpReply(535, `5.7.8 ${error.message} / ${error.messageEn}`);
  }
  return new SmtpReply(535, '5.7.8 Sai tên đăng nhập hoặc mật khẩu / Authentication credentials invalid');
}

// A refusal by a rule or bad input is permanent (5xx) and gives the reason. Any other failure is
// local and temporary (4xx), so the client keeps the message and tries again.
function dataReply(error: unknown, user: User): SmtpReply {
  if (error instanceof AppError && error.status < 500) {
    return new SmtpReply(550, `5.7.1 ${oneLine(error.message)} / ${oneLine(error.messageEn)}`);
  }

  log.error({ err: error, userId: user.id }, 'submitted message failed');
  return replies.localFailure();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isLoopback(address: string): boolean {
  if (isIP(address) === 0) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
