import net, { type AddressInfo, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves one PGlite database to several PostgreSQL wire-protocol connections
 * (the server's pool, and `gongkai` commands run beside it) as if each had a
 * session of its own.
 *
 * PGlite is one backend with one session. @electric-sql/pglite-socket queues
 * each protocol message on its own, so two connections' extended-query
 * sequences (Parse, Bind, Execute … Sync) could interleave and bind each other's
 * unnamed statement, and named prepared statements outlived the connection that
 * made them: a pooled connection closed when idle and its successor's
 * `Parse gk_read_1` failed with 42P05 "already exists" for good. Here:
 *
 * - A connection holds the database from its first message until PostgreSQL
 *   says it is idle again (ReadyForQuery with status I, protocol §55.2.2): a
 *   whole extended-query sequence, or a whole transaction, runs alone. Other
 *   connections' messages wait, in arrival order (as a lock would hold them in
 *   a real server).
 * - Statement and portal names are a connection's own: each is prefixed with
 *   the connection's number on the way in (Parse, Bind, Describe, Execute,
 *   Close; protocol §55.7), and a connection's statements are deallocated, and
 *   an open transaction rolled back, when it goes.
 */
export interface SessionServer {
  /** host:port, for a postgres:// URL. */
  address: string;
  stop(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export async function serveSessions(db: PGlite, options: { host?: string; maxConnections?: number } = {}): Promise<SessionServer> {
  const host = options.host ?? '127.0.0.1';
  const maxConnections = options.maxConnections ?? 16;
  const lock = new SessionLock();
  const sessions = new Set<Session>();
  let nextId = 1;
  const server = net.createServer((socket) => {
    if (sessions.size >= maxConnections) {
      socket.end(errorResponse('53300', `too many connections to the embedded database (${maxConnections})`));
      return;
    }
    const session = new Session(nextId++, socket, db, lock);
    sessions.add(session);
    socket.once('close', () => {
      sessions.delete(session);
      void session.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `${host}:${port}`,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const session of sessions) session.socket.destroy();
      await Promise.all([...sessions].map((s) => s.end()));
      await closed;
    },
  };
}

/** Which connection holds the database, and who waits for it. */
class SessionLock {
  private holder: number | undefined;
  private readonly waiting: { id: number; grant: () => void }[] = [];

  async acquire(id: number): Promise<void> {
    if (this.holder === undefined || this.holder === id) {
      this.holder = id;
      return;
    }
    await new Promise<void>((grant) => this.waiting.push({ id, grant }));
  }

  release(id: number): void {
    if (this.holder !== id) return;
    const next = this.waiting.shift();
    this.holder = next?.id;
    next?.grant();
  }
}

class Session {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  private chain: Promise<void> = Promise.resolve();
  private readonly statements = new Set<string>();
  private readonly prefix: string;
  private holding = false;
  /** Messages have run since the last ReadyForQuery: a sequence is under way. */
  private midSequence = false;
  private ended: Promise<void> | undefined;

  constructor(
    private readonly id: number,
    readonly socket: Socket,
    private readonly db: PGlite,
    private readonly lock: SessionLock,
  ) {
    this.prefix = `c${id}_`;
    socket.setNoDelay(true);
    socket.on('data', (data: Buffer) => this.receive(data));
    socket.on('error', () => socket.destroy());
  }

  private receive(data: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
    for (;;) {
      const message = this.started ? this.nextTyped() : this.nextStartup();
      if (message === undefined) return;
      if (message === null) continue;
      this.chain = this.chain
        .then(() => this.run(message))
        .catch(() => void this.socket.destroy());
    }
  }

  /** The untyped first messages: SSL and GSS requests are declined, a cancel request is dropped (one backend: nothing to cancel). */
  private nextStartup(): Buffer | null | undefined {
    if (this.buffer.length < 8) return undefined;
    const length = this.buffer.readInt32BE(0);
    if (length < 8 || length > 10_000) {
      this.socket.destroy();
      return undefined;
    }
    if (this.buffer.length < length) return undefined;
    const message = this.take(length);
    const code = message.readInt32BE(4);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      this.socket.write('N');
      return null;
    }
    if (code === CANCEL_REQUEST) {
      this.socket.end();
      return undefined;
    }
    this.started = true;
    return message;
  }

  private nextTyped(): Buffer | null | undefined {
    if (this.buffer.length < 5) return undefined;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return undefined;
    const message = this.take(length);
    if (message[0] === 0x58 /* X: Terminate */) {
      this.socket.end();
      return null;
    }
    return this.rename(message);
  }

  private take(length: number): Buffer {
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return message;
  }

  private async run(message: Buffer): Promise<void> {
    if (this.socket.destroyed) return;
    if (!this.holding) {
      await this.lock.acquire(this.id);
      this.holding = true;
      // Gone while it waited: end() gives the database back.
      if (this.socket.destroyed) return;
    }
    const ready = new ReadyScanner();
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(message), {
        onRawData: (chunk) => {
          ready.scan(chunk);
          if (!this.socket.destroyed) this.socket.write(chunk);
        },
      }),
    );
    this.midSequence = !ready.status;
    // Idle again: the sequence or transaction is over, and the next connection may run.
    if (ready.status === 'I') {
      this.holding = false;
      this.lock.release(this.id);
    }
  }

  /** Gives the connection's statement and portal names its own prefix; remembers the statements it prepares. */
  private rename(message: Buffer): Buffer {
    const type = String.fromCharCode(message[0]!);
    const body = message.subarray(5);
    let names: string[];
    let rest: Buffer;
    switch (type) {
      case 'P': {
        // Parse: statement name, query, parameter types.
        [names, rest] = cstrings(body, 1);
        if (names[0]) this.statements.add(this.prefix + names[0]);
        break;
      }
      case 'B': // Bind: portal, statement, …
        [names, rest] = cstrings(body, 2);
        break;
      case 'E': // Execute: portal, row limit.
        [names, rest] = cstrings(body, 1);
        break;
      case 'D':
      case 'C': {
        // Describe or Close: 'S' statement or 'P' portal, then its name.
        const [[name], after] = cstrings(body.subarray(1), 1);
        if (type === 'C' && body[0] === 0x53 && name) this.statements.delete(this.prefix + name);
        return typed(type, Buffer.concat([body.subarray(0, 1), cstring(name ? this.prefix + name : ''), after]));
      }
      default:
        return message;
    }
    return typed(type, Buffer.concat([...names.map((n) => cstring(n ? this.prefix + n : '')), rest]));
  }

  /** Once, when the connection closes: what it left open in the one session is undone. */
  end(): Promise<void> {
    this.ended ??= this.chain.then(async () => {
      const statements = [...this.statements];
      if (!this.holding && statements.length === 0) return;
      if (!this.holding) await this.lock.acquire(this.id);
      this.holding = true;
      try {
        // A sequence cut off before its Sync leaves the backend mid-sequence; Sync ends it.
        // (exec takes PGlite's own mutex; the raw protocol call does not.)
        if (this.midSequence) await this.db.runExclusive(() => this.db.execProtocolRaw(typed('S', Buffer.alloc(0))));
        if (this.db.isInTransaction()) await this.db.exec('rollback');
        for (const name of statements) await this.db.exec(`deallocate "${name.replaceAll('"', '""')}"`).catch(() => {});
      } catch {
        // The database may be closing with the server: nothing left to undo then.
      } finally {
        this.holding = false;
        this.lock.release(this.id);
      }
    });
    return this.ended;
  }
}

/** Finds ReadyForQuery ('Z', length 5, status byte) in a backend stream that may arrive in pieces. */
class ReadyScanner {
  status: 'I' | 'T' | 'E' | undefined;
  private header: Buffer = Buffer.alloc(0);
  private type = 0;
  private remaining = 0;

  scan(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - at);
        if (this.type === 0x5a && this.remaining === 1) this.status = String.fromCharCode(chunk[at]!) as 'I' | 'T' | 'E';
        this.remaining -= n;
        at += n;
        continue;
      }
      const need = 5 - this.header.length;
      this.header = Buffer.concat([this.header, chunk.subarray(at, at + need)]);
      at += Math.min(need, chunk.length - at);
      if (this.header.length < 5) return;
      this.type = this.header[0]!;
      this.remaining = this.header.readInt32BE(1) - 4;
      this.header = Buffer.alloc(0);
    }
  }
}

function cstrings(body: Buffer, count: number): [string[], Buffer] {
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const end = body.indexOf(0, at);
    names.push(body.toString('utf8', at, end));
    at = end + 1;
  }
  return [names, body.subarray(at)];
}

function cstring(value: string): Buffer {
  return Buffer.from(`${value}\0`, 'utf8');
}

function typed(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** An ErrorResponse (protocol §55.8) for a connection refused before it starts. */
function errorResponse(code: string, message: string): Buffer {
  return typed('E', Buffer.concat([cstring('SFATAL'), cstring(`C${code}`), cstring(`M${message}`), Buffer.alloc(1)]));
}
