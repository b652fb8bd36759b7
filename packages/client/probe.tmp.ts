import { createMock } from '@fortary/mock';
import { createFortaryClient } from './src/index.ts';
const mock = createMock({ seed: 1, rateLimit: false });
const c = createFortaryClient({ apiKey: mock.bootstrapKey.secret, baseUrl: 'http://mock.local', fetch: mock.fetch });
const v = await c.GET('/v1/vaults', { params: { query: { limit: 5 } } });
console.log(v.error, v.data?.data.length, v.data?.nextCursor, v.response.headers);
console.log(mock.seed);
let n = 0; for await (const x of c.paginate('/v1/vaults')) n++; console.log('vaults', n);
