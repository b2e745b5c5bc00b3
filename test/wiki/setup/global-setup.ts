/**
 * Vitest global setup for the `wiki` project: one test wiki for the whole run,
 * shared with every test file through `inject( 'localWiki' )` (see shared-wiki.ts).
 */
import type { TestProject } from 'vitest/node';
import type { LocalWiki } from '../../../scripts/local-wiki/index';
import { createTestWiki } from './test-wiki';

declare module 'vitest' {
	export interface ProvidedContext {
		localWiki: LocalWiki;
	}
}

export default async function setup( project: TestProject ): Promise<() => Promise<void>> {
	const began = performance.now();
	const { wiki, teardown } = await createTestWiki();
	console.log( `Test wiki ready at ${ wiki.indexUrl } in ${ Math.round( performance.now() - began ) } ms (folder ${ wiki.dir })` );
	project.provide( 'localWiki', wiki );
	return teardown;
}
