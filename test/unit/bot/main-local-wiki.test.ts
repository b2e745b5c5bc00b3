/**
 * Without HELPDESK_API_URL, the bot finds the local wiki's credentials in
 * HELPDESK_WIKI_DIR, the folder every other command uses, and names the file
 * when it is missing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXIT, main } from '../../../bot/main';

describe( 'the bot on the local wiki', () => {
	let dir: string;
	let stderr: string;

	beforeEach( () => {
		dir = mkdtempSync( join( tmpdir(), 'helpdesk-bot-wiki-' ) );
		stderr = '';
		vi.spyOn( process.stderr, 'write' ).mockImplementation( ( chunk: string | Uint8Array ) => {
			stderr += String( chunk );
			return true;
		} );
		// mwn's retries, which main() sends to standard error.
		vi.spyOn( console, 'error' ).mockImplementation( () => undefined );
	} );

	afterEach( () => {
		vi.restoreAllMocks();
		rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'names the credentials file it did not find in HELPDESK_WIKI_DIR', async () => {
		expect( await main( [ '--once' ], { HELPDESK_WIKI_DIR: dir } ) ).toBe( EXIT.failed );
		expect( stderr ).toContain( `the local wiki has no credentials yet: run \`npm run wiki -- start\` first (${ join( dir, 'credentials.json' ) } is missing` );
	} );

	it( 'reads the wiki and its bot password from the credentials in HELPDESK_WIKI_DIR', async () => {
		writeFileSync( join( dir, 'credentials.json' ), JSON.stringify( {
			apiUrl: 'http://127.0.0.1:1/api.php',
			bot: { username: 'HelpdeskBot', botUsername: 'HelpdeskBot@helpdesk', botPassword: 'p'.repeat( 32 ) },
		} ) );
		expect( await main( [ '--once' ], { HELPDESK_WIKI_DIR: dir, HELPDESK_RETRY_PAUSE_MS: '1' } ) ).toBe( EXIT.stopped );
		expect( stderr ).toContain( 'Could not connect to http://127.0.0.1:1/api.php' );
	} );
} );
