// Serves the test fixtures on 127.0.0.1 for trying `sitrep watch` by hand: prints the base URL.
import { FixtureServer } from '../test/fixture-server.ts';

const server = await new FixtureServer().start();
console.log(server.base);
