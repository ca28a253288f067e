/**
 * For tests: loopback TCP stand-ins for servers that misbehave (nothing listening, a server that
 * never speaks, a link that goes dead mid-transfer). Not used by the app.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

const HOST = '127.0.0.1';

async function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      if (typeof address === 'object' && address !== null) resolve(address.port);
      else reject(new Error('no port'));
    });
  });
}

async function close(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on (it was free a moment ago), so a connection is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await close(server, new Set());
  return port;
}

export interface FakeServer {
  readonly port: number;
  /** How many TCP connections it has accepted. */
  readonly connections: number;
  stop(): Promise<void>;
}

/**
 * Accepts connections and then does what `behave` says with each one: nothing (a server that
 * never answers), close it, or send some bytes.
 */
export async function startFakeServer(behave: (socket: Socket) => void = () => undefined): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    behave(socket);
  });
  const port = await listen(server);
  return {
    port,
    get connections() {
      return connections;
    },
    stop: () => close(server, sockets),
  };
}

export interface FreezableProxy {
  readonly port: number;
  /** From now on nothing passes in either direction, like a link that died without a reset. */
  freeze(): void;
  stop(): Promise<void>;
}

/** Forwards 127.0.0.1:port to the target until frozen. */
export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  };
  const relay = (from: Socket, to: Socket): void => {
    from.on('data', (chunk: Buffer) => {
      if (!frozen) to.write(chunk);
    });
    from.once('end', () => to.end());
  };
  const server = createServer((client) => {
    const upstream = connect({ host: HOST, port: targetPort });
    track(client);
    track(upstream);
    relay(client, upstream);
    relay(upstream, client);
  });
  const port = await listen(server);
  return {
    port,
    freeze() {
      frozen = true;
    },
    stop: () => close(server, sockets),
  };
}
