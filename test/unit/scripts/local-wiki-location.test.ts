/**
 * Every command finds the local wiki in the same folder and on the same port:
 * HELPDESK_WIKI_DIR and HELPDESK_WIKI_PORT, or .wiki/ and 8089.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	assertWikiFolder, DEFAULT_PORT, localCredentialsFile, localWikiDir, localWikiPort, parsePort,
} from '../../../scripts/local-wiki/location';
import { targetFromEnvironment } from '../../../scripts/lib/target';
import { childEnvironment } from '../../../scripts/start';

const PROJECT = resolve( __dirname, '../../..' );

describe( 'the local wiki\'s folder and port', () => {
	it( 'default to .wiki/ in the project and port 8089', () => {
		expect( localWikiDir( {} ) ).toBe( join( PROJECT, '.wiki' ) );
		expect( localWikiDir( { HELPDESK_WIKI_DIR: '' }, '/srv/helpdesk' ) ).toBe( '/srv/helpdesk/.wiki' );
		expect( localCredentialsFile( {}, '/srv/helpdesk' ) ).toBe( '/srv/helpdesk/.wiki/credentials.json' );
		expect( localWikiPort( {} ) ).toBe( DEFAULT_PORT );
		expect( DEFAULT_PORT ).toBe( 8089 );
	} );

	it( 'come from HELPDESK_WIKI_DIR and HELPDESK_WIKI_PORT', () => {
		const env = { HELPDESK_WIKI_DIR: '/tmp/second-wiki', HELPDESK_WIKI_PORT: '8090' };
		expect( localWikiDir( env, '/srv/helpdesk' ) ).toBe( '/tmp/second-wiki' );
		expect( localCredentialsFile( env ) ).toBe( '/tmp/second-wiki/credentials.json' );
		expect( localWikiDir( { HELPDESK_WIKI_DIR: 'wikis/two' } ) ).toBe( resolve( 'wikis/two' ) );
		expect( localWikiPort( env ) ).toBe( 8090 );
	} );

	it( 'refuse a port that is none, naming the setting', () => {
		for ( const value of [ 'abc', '0', '65536', '99999', '80.5', '-1', '8089x' ] ) {
			expect( () => localWikiPort( { HELPDESK_WIKI_PORT: value } ) ).toThrow( `HELPDESK_WIKI_PORT is "${ value }": not a port` );
		}
		expect( () => parsePort( 'x', '--port' ) ).toThrow( '--port is "x": not a port' );
		expect( parsePort( '65535', '--port' ) ).toBe( 65535 );
	} );

	it( 'refuse a folder that is a file', () => {
		const dir = mkdtempSync( join( tmpdir(), 'helpdesk-location-' ) );
		try {
			const file = join( dir, 'wiki' );
			writeFileSync( file, '' );
			expect( () => assertWikiFolder( file ) ).toThrow( `HELPDESK_WIKI_DIR is "${ file }", which is a file, not a folder.` );
			expect( () => assertWikiFolder( dir ) ).not.toThrow();
			expect( () => assertWikiFolder( join( dir, 'not yet' ) ) ).not.toThrow();
		} finally {
			rmSync( dir, { recursive: true, force: true } );
		}
	} );

	it( 'are where deploy and import read the local wiki\'s credentials', () => {
		expect( () => targetFromEnvironment( { HELPDESK_WIKI_DIR: '/nonexistent/second-wiki' } ) ).toThrow( '/nonexistent/second-wiki/credentials.json is missing' );
	} );

	it( 'are passed on by npm start, without another wiki\'s bot settings', () => {
		const env = childEnvironment( {
			PATH: '/usr/bin', HELPDESK_API_URL: 'https://meta.wikimedia.org/w/api.php', HELPDESK_BOT_PASSWORD: 'secret',
			HELPDESK_OAUTH2_TOKEN: 'token', HELPDESK_BOT_USERNAME: 'Bot@x', HELPDESK_THRESHOLDS: 'submitted:1',
		}, '/tmp/second-wiki', 8090 );
		expect( env ).toEqual( {
			PATH: '/usr/bin', HELPDESK_THRESHOLDS: 'submitted:1', HELPDESK_WIKI_DIR: '/tmp/second-wiki', HELPDESK_WIKI_PORT: '8090',
			// The local wiki stands in for Commons and Wikidata, unless they are set.
			HELPDESK_COMMONS_API_URL: 'http://127.0.0.1:8090/api.php', HELPDESK_WIKIDATA_API_URL: 'http://127.0.0.1:8090/api.php',
		} );
		expect( childEnvironment( { HELPDESK_COMMONS_API_URL: 'https://commons.wikimedia.org/w/api.php' }, '/tmp/w', 8090 ).HELPDESK_COMMONS_API_URL )
			.toBe( 'https://commons.wikimedia.org/w/api.php' );
	} );
} );
