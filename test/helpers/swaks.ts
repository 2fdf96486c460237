import { spawn } from 'node:child_process';

export interface SwaksResult {
  code: number | null;
  output: string;
}

/** Sends a message file with swaks (a real SMTP client) to the server on loopback. */
export function swaks(port: number, options: { to: string; from?: string; file?: string; data?: string; extra?: string[] }): Promise<SwaksResult> {
  const args = ['--server', '127.0.0.1', '--port', String(port), '--to', options.to, '--from', options.from ?? 'sender@example.test', '--helo', 'client.example.test', '--timeout', '30'];
  if (options.file) args.push('--data', `@${options.file}`);
  else if (options.data) args.push('--data', '-');
  args.push(...(options.extra ?? []));

  return new Promise((resolve, reject) => {
    const child = spawn('swaks', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(options.data ?? '');
  });
}
