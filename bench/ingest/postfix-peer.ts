import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 15_000;

export interface PostfixPeer {
  port: number;
  version: string;
  /** The `new/` folder of the recipient's Maildir, where a delivered message appears. */
  maildirNewPath: string;
  /** Process id of the Postfix master daemon, or null once it has stopped. */
  masterPid(): number | null;
  logTail(): string;
  /** Stops Postfix and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway Postfix instance from the installed Debian package: its own configuration,
 * queue and Maildirs under a temporary folder, listening on a free 127.0.0.1 port, delivering
 * mail for `recipient` with virtual(8) and sending nothing anywhere else.
 * Needs root, because the master daemon starts its services under the `postfix` account.
 */
export async function startPostfixPeer(recipient: string): Promise<PostfixPeer> {
  const version = postfixVersion();
  if (process.getuid?.() !== 0) {
    throw new Error('the Postfix peer needs root, because Postfix starts its daemons as the postfix user; run as root or pass --only congvan');
  }

  const root = mkdtempSync(path.join(tmpdir(), 'congvan-bench-postfix-'));
  // mkdtemp creates the folder with mode 0700, but daemons running as the postfix and nobody accounts must reach the folders below.
  chmodSync(root, 0o755);
  const paths = {
    config: path.join(root, 'etc'),
    queue: path.join(root, 'queue'),
    data: path.join(root, 'data'),
    mail: path.join(root, 'mail'),
    log: path.join(root, 'postfix.log'),
  };
  const [localPart, domain] = recipient.split('@') as [string, string];
  const maildir = path.join(paths.mail, localPart, 'Maildir');

  let started = false;
  const stop = async () => {
    if (started) {
      await run('postfix', ['-c', paths.config, 'stop']).catch(() => undefined);
      await waitForExit(() => readMasterPid(paths.queue), STOP_TIMEOUT_MS);
      started = false;
    }
    rmSync(root, { recursive: true, force: true });
  };

  try {
    const postfixUser = accountIds('postfix');
    const nobody = accountIds('nobody');
    for (const folder of [paths.config, paths.queue, paths.data]) mkdirSync(folder, { recursive: true });
    chownSync(paths.data, postfixUser.uid, postfixUser.gid);
    for (const sub of ['new', 'cur', 'tmp']) mkdirSync(path.join(maildir, sub), { recursive: true });
    for (const folder of [paths.mail, path.join(paths.mail, localPart), maildir, ...['new', 'cur', 'tmp'].map((sub) => path.join(maildir, sub))]) {
      chownSync(folder, nobody.uid, nobody.gid);
    }

    const port = await freeLoopbackPort();
    writeFileSync(path.join(paths.config, 'main.cf'), mainCf({ ...paths, domain, uid: nobody.uid, gid: nobody.gid }));
    writeFileSync(path.join(paths.config, 'master.cf'), masterCf(port));
    writeFileSync(path.join(paths.config, 'virtual-mailboxes'), `${recipient} ${localPart}/Maildir/\n`);

    await run('postfix', ['-c', paths.config, 'start']).catch((error: unknown) => {
      throw new Error(`postfix start failed: ${error instanceof Error ? error.message : String(error)}\n${tail(paths.log)}`);
    });
    started = true;
    await waitForPort(port, START_TIMEOUT_MS, () => tail(paths.log));

    return {
      port,
      version,
      maildirNewPath: path.join(maildir, 'new'),
      masterPid: () => readMasterPid(paths.queue),
      logTail: () => tail(paths.log),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function postfixVersion(): string {
  try {
    return execFileSync('postconf', ['-d', '-h', 'mail_version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Postfix is not installed (postconf not found); install it with `apt-get install -y postfix` or pass --only congvan');
  }
}

interface MainCfValues {
  queue: string;
  data: string;
  mail: string;
  log: string;
  domain: string;
  uid: number;
  gid: number;
  config: string;
}

// Postfix 3.7 defaults apply except for the settings below. The limits match Công Văn's: 50 MiB
// messages, and no per-client connection or rate limits.
function mainCf(values: MainCfValues): string {
  return `compatibility_level = 3.6
queue_directory = ${values.queue}
data_directory = ${values.data}
mail_owner = postfix
setgid_group = postdrop
maillog_file = ${values.log}
maillog_file_prefixes = ${path.dirname(values.log)}
myhostname = bench-peer.localhost
mydomain = localhost
myorigin = $myhostname
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
local_recipient_maps =
# Nothing leaves this instance: every non-virtual destination fails at once.
relayhost =
default_transport = error:the benchmark peer delivers no mail outside its Maildirs
relay_transport = error:the benchmark peer delivers no mail outside its Maildirs
smtpd_peername_lookup = no
virtual_mailbox_domains = ${values.domain}
virtual_mailbox_base = ${values.mail}
virtual_mailbox_maps = texthash:${values.config}/virtual-mailboxes
virtual_uid_maps = static:${values.uid}
virtual_gid_maps = static:${values.gid}
message_size_limit = 52428800
virtual_mailbox_limit = 0
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
smtpd_client_message_rate_limit = 0
biff = no
`;
}

// The services Postfix needs to receive over SMTP and deliver with virtual(8), none chrooted,
// so that the instance needs no copy of /etc inside its queue folder.
function masterCf(port: number): string {
  return `127.0.0.1:${port} inet n - n - - smtpd
pickup    unix  n - n 60    1 pickup
cleanup   unix  n - n -     0 cleanup
qmgr      unix  n - n 300   1 qmgr
rewrite   unix  - - n -     - trivial-rewrite
bounce    unix  - - n -     0 bounce
defer     unix  - - n -     0 bounce
trace     unix  - - n -     0 bounce
verify    unix  - - n -     1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n -     - proxymap
showq     unix  n - n -     - showq
error     unix  - - n -     - error
retry     unix  - - n -     - error
discard   unix  - - n -     - discard
virtual   unix  - n n -     - virtual
anvil     unix  - - n -     1 anvil
scache    unix  - - n -     1 scache
postlog   unix-dgram n - n - 1 postlogd
`;
}

function accountIds(name: string): { uid: number; gid: number } {
  return {
    uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim()),
  };
}

function readMasterPid(queue: string): number | null {
  const file = path.join(queue, 'pid', 'master.pid');
  if (!existsSync(file)) return null;

  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;

  return isRunning(pid) ? pid : null;
}

// A zombie counts as stopped: in a container whose init does not reap orphans, the daemonised
// master stays a zombie after it exits.
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }

  throw new Error(`Postfix did not listen on 127.0.0.1:${port} within ${timeoutMs} ms\n${describe()}`);
}

async function waitForExit(readPid: () => number | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (readPid() !== null && Date.now() < deadline) await sleep(100);
}

function tail(file: string, lines = 20): string {
  if (!existsSync(file)) return '(no Postfix log)';

  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
