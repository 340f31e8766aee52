/**
 * A throwaway Dovecot IMAP server for the poller's tests: its own config,
 * maildir and passwd-file user in a temporary folder, on a free loopback
 * port, stopped and removed afterwards. Needs Debian's dovecot-imapd
 * (`.ci/run` installs it) and root, to hand the maildir to the dovecot user.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

export const DOVECOT = '/usr/sbin/dovecot';
export const hasDovecot = () => existsSync(DOVECOT);

const USER = 'office';
const PASSWORD = 'office-mailbox-password';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** uid and gid of a system user, from /etc/passwd. */
async function systemUser(name: string): Promise<{ uid: number; gid: number }> {
  const line = (await readFile('/etc/passwd', 'utf8')).split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no ${name} user: is dovecot-imapd installed?`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('data', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function startDovecot() {
  const dir = await mkdtemp(join(tmpdir(), 'dovecot-'));
  const port = await freePort();
  const { uid, gid } = await systemUser('dovecot');
  await chmod(dir, 0o755); // mkdtemp's 0700 would keep the dovecot user out
  await mkdir(join(dir, 'mail'));
  await chown(join(dir, 'mail'), uid, gid);
  await mkdir(join(dir, 'run'));
  await writeFile(join(dir, 'passwd'), `${USER}:{PLAIN}${PASSWORD}::::::\n`);
  await writeFile(
    join(dir, 'dovecot.conf'),
    `
base_dir = ${dir}/run
state_dir = ${dir}/run
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
mail_location = maildir:${dir}/mail/%u
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
first_valid_gid = 1
passdb {
  driver = passwd-file
  args = ${dir}/passwd
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  for (let n = 0; n < 100 && !(await answers(port)); n++) await new Promise((r) => setTimeout(r, 50));
  const url = `imap://${USER}:${PASSWORD}@127.0.0.1:${port}/INBOX`;

  /** An IMAP session of the office's own mail client. */
  async function session<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout();
    }
  }

  return {
    url,
    /** Delivers a message into the mailbox. */
    deliver: (raw: Buffer | string) => session((c) => c.append('INBOX', raw)),
    /** The flags of every message in the mailbox, by Message-ID. */
    flags: () =>
      session(async (c) => {
        const lock = await c.getMailboxLock('INBOX');
        try {
          const out = new Map<string, string[]>();
          for await (const m of c.fetch('1:*', { envelope: true, flags: true })) out.set(m.envelope!.messageId!, [...(m.flags ?? [])]);
          return out;
        } finally {
          lock.release();
        }
      }),
    /** What a crash between storing and flagging leaves behind. */
    unflag: (flag: string) =>
      session(async (c) => {
        const lock = await c.getMailboxLock('INBOX');
        try {
          await c.messageFlagsRemove('1:*', [flag]);
        } finally {
          lock.release();
        }
      }),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
