/**
 * `npm start` on a wiki of its own (HELPDESK_WIKI_DIR in a temporary folder,
 * HELPDESK_WIKI_PORT a free port): it says "Ready" once everything runs, stays
 * up, and Ctrl-C stops everything it started; a failure stops everything too,
 * says why and exits non-zero. Nothing it started is left running either way.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { groupMembers } from '../../scripts/local-wiki/server';
import { portAnswers } from '../../scripts/local-wiki/ports';
import { freePort } from './setup/test-wiki';

const PROJECT_DIR = resolve( __dirname, '../..' );

interface Started {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

/** `npm start` in a process group of its own, as a terminal runs it. */
function npmStart( dir: string, port: string ): Started {
	const child = spawn( 'npm', [ 'start' ], {
		cwd: PROJECT_DIR,
		env: { ...process.env, HELPDESK_WIKI_DIR: dir, HELPDESK_WIKI_PORT: port },
		stdio: [ 'ignore', 'pipe', 'pipe' ],
		detached: true,
	} );
	let output = '';
	child.stdout!.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
		output += chunk;
	} );
	child.stderr!.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
		output += chunk;
	} );
	const exited = new Promise<number | null>( ( done ) => {
		child.once( 'close', ( code ) => done( code ) );
	} );
	return { child: child, output: () => output, exited: exited };
}

/** The processes whose environment names DIR as the local wiki's folder: all npm start runs there. */
function processesFor( dir: string ): number[] {
	const found: number[] = [];
	for ( const entry of readdirSync( '/proc' ) ) {
		if ( !/^\d+$/.test( entry ) ) {
			continue;
		}
		try {
			if ( readFileSync( `/proc/${ entry }/environ`, 'utf8' ).split( '\0' ).includes( 'HELPDESK_WIKI_DIR=' + dir ) ) {
				found.push( Number( entry ) );
			}
		} catch {
			// Ended while we looked, or not ours to read.
		}
	}
	return found;
}

describe( 'npm start', () => {
	const cleanups: ( () => Promise<void> )[] = [];

	afterEach( async () => {
		while ( cleanups.length > 0 ) {
			await cleanups.pop()!();
		}
	} );

	async function tempDir(): Promise<string> {
		const dir = await mkdtemp( join( tmpdir(), 'helpdesk-start-' ) );
		cleanups.push( async () => {
			for ( const pid of processesFor( dir ) ) {
				try {
					process.kill( pid, 'SIGKILL' );
				} catch {
					// Gone.
				}
			}
			await rm( dir, { recursive: true, force: true } );
		} );
		return dir;
	}

	/** `npm start` on a folder and port of its own, until it says Ready (or exits); killed after the test in any case. */
	async function startUntilReady(): Promise<{ dir: string; port: number; start: ReturnType<typeof npmStart> }> {
		const dir = await tempDir();
		const port = await freePort();
		const start = npmStart( dir, String( port ) );
		cleanups.push( async () => {
			try {
				process.kill( -start.child.pid!, 'SIGKILL' );
			} catch {
				// Gone.
			}
		} );
		await expect.poll( () => /\nReady in /.test( start.output() ) || start.child.exitCode !== null, { timeout: 240000, interval: 250 } ).toBe( true );
		return { dir: dir, port: port, start: start };
	}

	it( 'is ready with the wiki, the pages, the requests and the bot, stays up, and Ctrl-C stops all it started', async () => {
		const { dir, port, start } = await startUntilReady();
		expect( start.child.exitCode, start.output() ).toBeNull();
		const output = start.output();
		expect( output ).toContain( `Starting the local wiki (folder ${ dir }, port ${ port })` );
		expect( output ).toMatch( /6 filed, 0 already there/ );
		expect( output.indexOf( 'The bot\'s first run' ) ).toBeLessThan( output.indexOf( '\nReady in ' ) );
		expect( output ).toContain( `http://127.0.0.1:${ port }/index.php?title=Content_Partnerships_Hub%2FHelpdesk` );
		const server = JSON.parse( await readFile( join( dir, 'server.json' ), 'utf8' ) ) as { pgid: number; port: number };
		expect( server.port ).toBe( port );
		expect( await portAnswers( port ) ).toBe( true );
		// The bot read its credentials from this folder: it runs against this wiki.
		await expect.poll( () => start.output(), { timeout: 30000 } ).toContain( `running on the schedule "* * * * *" against http://127.0.0.1:${ port }/api.php` );

		// Still up a little later: npm start does not exit by itself.
		await new Promise( ( done ) => {
			setTimeout( done, 3000 );
		} );
		expect( start.child.exitCode ).toBeNull();
		expect( processesFor( dir ).length ).toBeGreaterThan( 0 );

		// Ctrl-C in a terminal signals the whole foreground process group.
		process.kill( -start.child.pid!, 'SIGINT' );
		await start.exited;
		expect( start.output() ).toContain( 'Ctrl-C (SIGINT) received.' );
		expect( start.output() ).toContain( 'Stopped the bot.' );
		expect( start.output() ).toContain( 'Stopped the local wiki.' );
		expect( await portAnswers( port ) ).toBe( false );
		expect( groupMembers( server.pgid ) ).toEqual( [] );
		expect( groupMembers( start.child.pid! ) ).toEqual( [] );
		expect( processesFor( dir ) ).toEqual( [] );
	}, 300000 );

	it( 'stops the bot and fails when the wiki it started stops under it', async () => {
		const { dir, start } = await startUntilReady();
		const server = JSON.parse( await readFile( join( dir, 'server.json' ), 'utf8' ) ) as { pgid: number };
		process.kill( -server.pgid, 'SIGKILL' );
		expect( await start.exited ).not.toBe( 0 );
		expect( start.output() ).toContain( 'npm start failed: the local wiki stopped by itself' );
		expect( start.output() ).toContain( 'Stopped the bot.' );
		expect( processesFor( dir ) ).toEqual( [] );
		expect( groupMembers( start.child.pid! ) ).toEqual( [] );
	}, 300000 );

	it( 'fails with a clear message on a port another program uses, leaving nothing running', async () => {
		const dir = await tempDir();
		const blocker = createServer();
		await new Promise<void>( ( done ) => {
			blocker.listen( 0, '127.0.0.1', done );
		} );
		cleanups.push( () => new Promise( ( done ) => {
			blocker.close( () => done() );
		} ) );
		const port = ( blocker.address() as { port: number } ).port;
		const start = npmStart( dir, String( port ) );
		expect( await start.exited ).not.toBe( 0 );
		const output = start.output();
		expect( output ).toContain( `Port ${ port } on 127.0.0.1 is in use by another program` );
		expect( output ).toContain( 'npm start failed: Starting the local wiki failed' );
		expect( output ).not.toContain( 'Ready' );
		expect( processesFor( dir ) ).toEqual( [] );
		expect( groupMembers( start.child.pid! ) ).toEqual( [] );
	}, 300000 );

	it( 'fails at once on a port or a folder that is none', async () => {
		const dir = await tempDir();
		const badPort = npmStart( dir, '99999' );
		expect( await badPort.exited ).toBe( 1 );
		expect( badPort.output() ).toContain( 'npm start failed: HELPDESK_WIKI_PORT is "99999": not a port' );
		const file = join( dir, 'a file' );
		await writeFile( file, '' );
		const badDir = npmStart( file, '8089' );
		expect( await badDir.exited ).toBe( 1 );
		expect( badDir.output() ).toContain( `npm start failed: HELPDESK_WIKI_DIR is "${ file }", which is a file, not a folder.` );
		expect( badDir.output() ).not.toContain( 'Building' );
	}, 60000 );
} );
