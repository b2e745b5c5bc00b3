/**
 * The test wiki that global-setup.ts started for this run.
 */
import { inject } from 'vitest';
import type { LocalWiki } from '../../../scripts/local-wiki/index';

export function sharedTestWiki(): LocalWiki {
	const wiki = inject( 'localWiki' );
	if ( !wiki ) {
		throw new Error( "No test wiki: the wiki project in vitest.config.ts needs globalSetup: [ 'test/wiki/setup/global-setup.ts' ]" );
	}
	return wiki;
}
