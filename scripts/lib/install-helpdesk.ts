/**
 * The Helpdesk installed on a test wiki (gadget, templates, landing and committee
 * pages) by the deploy script itself, as `npm start` does on the local wiki.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalWiki } from '../local-wiki/index';
import { build, ROOT } from '../build';
import { deploy } from '../deploy';
import type { TargetWiki } from './target';

/** The wiki as the deploy script's target, with the admin's (interface-admin) bot password. */
export function deployTarget( wiki: LocalWiki, local = true ): TargetWiki {
	return {
		apiUrl: wiki.apiUrl,
		local: local,
		username: wiki.credentials.admin.botUsername,
		password: wiki.credentials.admin.botPassword,
	};
}

/** One install per wiki and test file; a second deploy would edit nothing anyway. */
const installs = new Map<string, Promise<void>>();

async function install( wiki: LocalWiki ): Promise<void> {
	// `npm test` builds first; a wiki test run alone builds here.
	if ( !existsSync( join( ROOT, 'dist', 'Gadgets-definition.txt' ) ) ) {
		await build();
	}
	const lines: string[] = [];
	try {
		await deploy( { dryRun: false, target: deployTarget( wiki ), log: ( line ) => lines.push( line ) } );
	} catch ( error ) {
		throw new Error( 'Installing the Helpdesk on the test wiki failed: ' + ( error as Error ).message + '\n' + lines.join( '\n' ) );
	}
}

/** Deploy everything onto `wiki`, once; pages already equal are not edited. */
export function installHelpdesk( wiki: LocalWiki ): Promise<void> {
	let done = installs.get( wiki.apiUrl );
	if ( !done ) {
		done = install( wiki );
		installs.set( wiki.apiUrl, done );
		// A failed install may be retried by the next caller.
		done.catch( () => installs.delete( wiki.apiUrl ) );
	}
	return done;
}
