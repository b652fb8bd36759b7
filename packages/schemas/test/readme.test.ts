// The README's samples run as a reader would run them; the suite is shared by the packages whose
// READMEs show plain TypeScript (the client's and the mock's run against the mock instead).
import { readmeSampleSuite } from '../../../scripts/test-support/readme-samples.ts';

readmeSampleSuite(new URL('..', import.meta.url), '@fortary/schemas', [6]);
