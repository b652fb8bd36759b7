import { createFortaryClient, type FortaryClient, type FortaryClientOptions, type FortaryLogger } from '../../src/index.ts';
import { scriptedServer, type Reply, type ScriptedServer } from './scripted-server.ts';

export const TEST_API_KEY = 'fsk_test_Zq8RkP2mW4xN7vB1cD3eF5gH';

export interface Harness {
  client: FortaryClient;
  server: ScriptedServer;
  logs: { warn: string[]; debug: string[] };
}

/** A client wired to a scripted server, with a logger that keeps what it was told. */
export function withScript(script: Reply[], options: Partial<FortaryClientOptions> = {}, fallback?: Reply): Harness {
  const server = scriptedServer(script, fallback);
  const logs = { warn: [] as string[], debug: [] as string[] };
  const logger: FortaryLogger = { warn: (message) => logs.warn.push(message), debug: (message) => logs.debug.push(message) };
  const client = createFortaryClient({
    apiKey: TEST_API_KEY,
    baseUrl: 'https://api.test',
    fetch: server.fetch,
    logger,
    backoff: { initialDelayMs: 1, maxDelayMs: 4 },
    ...options,
  });
  return { client, server, logs };
}
