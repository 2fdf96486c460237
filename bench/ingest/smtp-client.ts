import net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface SmtpReply {
  code: number;
  text: string;
}

export interface TransactionResult {
  /** Final reply of the transaction: to DATA's terminating ".", or to the first rejected command. */
  reply: SmtpReply;
  /** The command that got `reply`: "MAIL", "RCPT", "DATA" or "." */
  stage: string;
  /** performance.now() when MAIL FROM was written. */
  mailStartMs: number;
  /** performance.now() when the terminating "." was handed to the kernel, or null when DATA was not reached. */
  dataEndMs: number | null;
  /** performance.now() when the final reply arrived. */
  replyMs: number;
}

export class SmtpProtocolError extends Error {}

/**
 * A minimal SMTP client for the benchmark (RFC 5321): EHLO, then one MAIL, RCPT, DATA at a time,
 * with no pipelining, no TLS and no AUTH. It records when the end of DATA was sent and when the
 * reply came.
 */
export class SmtpClientConnection {
  #socket: net.Socket;
  #buffer = '';
  #replyLines: string[] = [];
  #waiting: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout } | null = null;
  #failure: Error | null = null;
  #extensions = new Set<string>();

  private constructor(socket: net.Socket, private readonly replyTimeoutMs: number) {
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', (error) => this.#fail(error));
    socket.on('close', () => this.#fail(new SmtpProtocolError('the server closed the connection')));
  }

  /** Connects, reads the greeting and sends EHLO. */
  static async open(options: { host: string; port: number; heloName: string; replyTimeoutMs: number }): Promise<SmtpClientConnection> {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const candidate = net.connect({ host: options.host, port: options.port });
      candidate.once('connect', () => {
        candidate.removeListener('error', reject);
        resolve(candidate);
      });
      candidate.once('error', reject);
    });
    const connection = new SmtpClientConnection(socket, options.replyTimeoutMs);

    connection.#expect(await connection.#readReply(), 220, 'greeting');
    const ehlo = await connection.#command(`EHLO ${options.heloName}`);
    connection.#expect(ehlo, 250, 'EHLO');
    for (const line of ehlo.text.split('\n').slice(1)) {
      connection.#extensions.add(line.split(' ')[0]!.toUpperCase());
    }

    return connection;
  }

  /**
   * Sends one message. A 4xx or 5xx reply ends the transaction with RSET and is returned, not
   * thrown; a broken connection or a reply timeout throws.
   */
  async send(envelope: { from: string; to: string[] }, wire: Buffer): Promise<TransactionResult> {
    const mailStartMs = performance.now();
    const sizeParameter = this.#extensions.has('SIZE') ? ` SIZE=${wire.length}` : '';

    const mail = await this.#command(`MAIL FROM:<${envelope.from}>${sizeParameter}`);
    if (mail.code !== 250) return this.#abort(mail, 'MAIL', mailStartMs);

    for (const recipient of envelope.to) {
      const rcpt = await this.#command(`RCPT TO:<${recipient}>`);
      if (rcpt.code !== 250 && rcpt.code !== 251) return this.#abort(rcpt, 'RCPT', mailStartMs);
    }

    const data = await this.#command('DATA');
    if (data.code !== 354) return this.#abort(data, 'DATA', mailStartMs);

    // The body goes to the kernel first, so that the clock below starts when only "." is left.
    await this.#write(wire);
    const dataEndMs = performance.now();
    this.#socket.write('.\r\n');
    const reply = await this.#readReply();

    return { reply, stage: '.', mailStartMs, dataEndMs, replyMs: performance.now() };
  }

  async quit(): Promise<void> {
    try {
      await this.#command('QUIT');
    } catch {
      // The server may close before or after 221; either way the connection is done.
    }
    this.#socket.destroy();
  }

  destroy(): void {
    this.#socket.destroy();
  }

  async #abort(reply: SmtpReply, stage: string, mailStartMs: number): Promise<TransactionResult> {
    const replyMs = performance.now();
    await this.#command('RSET');

    return { reply, stage, mailStartMs, dataEndMs: null, replyMs };
  }

  #expect(reply: SmtpReply, code: number, what: string): void {
    if (reply.code !== code) throw new SmtpProtocolError(`${what} got the reply "${reply.code} ${reply.text}", expected ${code}`);
  }

  #command(line: string): Promise<SmtpReply> {
    this.#socket.write(`${line}\r\n`);

    return this.#readReply();
  }

  #write(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#socket.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  #readReply(): Promise<SmtpReply> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#waiting) return Promise.reject(new SmtpProtocolError('a reply is already awaited; this client does not pipeline'));

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(new SmtpProtocolError(`no reply within ${this.replyTimeoutMs} ms`)), this.replyTimeoutMs);
      this.#waiting = { resolve, reject, timer };
      this.#takeReply();
    });
  }

  #onData(chunk: Buffer): void {
    this.#buffer += chunk.toString('utf8');
    this.#takeReply();
  }

  // Moves complete lines from the buffer into the current reply; a line "ddd " or "ddd" ends it.
  #takeReply(): void {
    for (;;) {
      if (!this.#waiting) return;
      const end = this.#buffer.indexOf('\n');
      if (end < 0) return;

      const line = this.#buffer.slice(0, end).replace(/\r$/, '');
      this.#buffer = this.#buffer.slice(end + 1);
      this.#replyLines.push(line);
      if (line.length > 3 && line[3] === '-') continue;

      const code = Number(line.slice(0, 3));
      const text = this.#replyLines.map((replyLine) => replyLine.slice(4)).join('\n');
      this.#replyLines = [];
      const waiting = this.#waiting;
      this.#waiting = null;
      clearTimeout(waiting.timer);
      if (Number.isInteger(code) && code >= 200 && code < 600) waiting.resolve({ code, text });
      else waiting.reject(new SmtpProtocolError(`malformed reply line: ${line}`));
    }
  }

  #fail(error: Error): void {
    if (!this.#failure) this.#failure = error;
    if (this.#waiting) {
      const waiting = this.#waiting;
      this.#waiting = null;
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.#socket.destroy();
  }
}
