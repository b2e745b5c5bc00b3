/**
 * PHP's built-in web server for one local wiki, in its own process group so
 * that stopping it also stops the workers it forks.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CREDENTIALS_FILE, wikiUrls } from './accounts';
import { LocalWikiError } from './errors';
import { wikiEnvironment } from './maintenance';
import { EXTRA_SETTINGS_FILE } from './settings';
import { MEDIAWIKI_DIR, PHP } from './system';
import { portAnswers } from './ports';

export const SERVER_FILE = 'server.json';
export const SERVER_LOG = 'logs/server.log';
export const OPCACHE_BLACKLIST = 'opcache-blacklist.txt';
/** PHP forks this many workers, so the gadget's parallel requests do not queue. */
const WORKERS = 4;
const START_TIMEOUT_MS = 30000;
const STOP_TIMEOUT_MS = 5000;

/** What DIR/server.json records about the running server. */
interface ServerRecord {
	pid: number;
	pgid: number;
	port: number;
	startedAt: string;
}

export interface WikiStatus {
	running: boolean;
	/** Installed with its accounts (a server can only run if so). */
	installed: boolean;
	pid?: number;
	port?: number;
	server?: string;
}

export interface StartResult {
	alreadyRunning: boolean;
	pid: number;
	port: number;
}

async function readRecord( dir: string ): Promise<ServerRecord | null> {
	try {
		return JSON.parse( await readFile( join( dir, SERVER_FILE ), 'utf8' ) ) as ServerRecord;
	} catch {
		return null;
	}
}

function commandLine( pid: number ): string[] {
	try {
		return readFileSync( `/proc/${ pid }/cmdline`, 'utf8' ).split( '\0' );
	} catch {
		return [];
	}
}

/**
 * The live PIDs in a process group, from /proc/PID/stat (fields 3 and 5: state and
 * group). Zombies are left out: they have ended, only nobody has reaped them yet.
 */
export function groupMembers( pgid: number ): number[] {
	const members: number[] = [];
	for ( const entry of readdirSync( '/proc' ) ) {
		if ( !/^\d+$/.test( entry ) ) {
			continue;
		}
		try {
			const stat = readFileSync( `/proc/${ entry }/stat`, 'utf8' );
			// The command name in parentheses may contain spaces: read after its end.
			const fields = stat.slice( stat.lastIndexOf( ')' ) + 2 ).split( ' ' );
			if ( Number( fields[ 2 ] ) === pgid && fields[ 0 ] !== 'Z' && fields[ 0 ] !== 'X' ) {
				members.push( Number( entry ) );
			}
		} catch {
			// The process ended while we looked.
		}
	}
	return members;
}

/**
 * The PIDs of our server's process group, checked by their command line so that
 * a reused PID of someone else's process is never taken for it.
 */
function serverProcesses( record: ServerRecord ): number[] {
	const members = groupMembers( record.pgid );
	const ours = members.some( ( pid ) => {
		const args = commandLine( pid );
		return args.includes( '-S' ) && args.includes( `127.0.0.1:${ record.port }` );
	} );
	return ours ? members : [];
}

export async function wikiStatus( dir: string ): Promise<WikiStatus> {
	const installed = existsSync( join( dir, CREDENTIALS_FILE ) );
	const record = await readRecord( dir );
	if ( !record || serverProcesses( record ).length === 0 ) {
		return { running: false, installed: installed };
	}
	return { running: true, installed: installed, pid: record.pid, port: record.port, server: wikiUrls( record.port ).server };
}

async function apiAnswers( apiUrl: string ): Promise<boolean> {
	try {
		const response = await fetch( apiUrl + '?action=query&meta=siteinfo&format=json&formatversion=2', { signal: AbortSignal.timeout( 5000 ) } );
		const body = await response.json() as { query?: { general?: unknown } };
		return response.ok && !!body.query && !!body.query.general;
	} catch {
		return false;
	}
}

async function logTail( dir: string ): Promise<string> {
	try {
		return ( await readFile( join( dir, SERVER_LOG ), 'utf8' ) ).trim().split( '\n' ).slice( -10 ).join( '\n' );
	} catch {
		return '';
	}
}

/**
 * Start the server for the installed wiki in WIKI.dir on WIKI.port, unless it is
 * already running, and wait until api.php answers.
 */
export async function startWiki( wiki: { dir: string; port: number } ): Promise<StartResult> {
	const status = await wikiStatus( wiki.dir );
	if ( status.running && status.pid !== undefined && status.port !== undefined ) {
		return { alreadyRunning: true, pid: status.pid, port: status.port };
	}
	if ( !existsSync( join( wiki.dir, 'LocalSettings.php' ) ) ) {
		throw new LocalWikiError( 'not-installed', `No wiki is installed in ${ wiki.dir }; createLocalWiki() installs one.` );
	}
	if ( await portAnswers( wiki.port ) ) {
		throw new LocalWikiError( 'port-in-use', `Port ${ wiki.port } on 127.0.0.1 is in use by another program; choose another with --port or HELPDESK_WIKI_PORT.` );
	}
	await mkdir( join( wiki.dir, 'logs' ), { recursive: true } );
	// PHP's server caches compiled files and looks for changes only every 2 s (and
	// by mtime, in whole seconds): settings that tests change must be read afresh.
	const folder = await realpath( wiki.dir );
	await writeFile( join( wiki.dir, OPCACHE_BLACKLIST ), [ 'LocalSettings.php', EXTRA_SETTINGS_FILE ].map( ( file ) => join( folder, file ) ).join( '\n' ) + '\n' );
	const log = openSync( join( wiki.dir, SERVER_LOG ), 'w' );
	// detached: the child calls setsid(), so it leads a new session and process
	// group, which outlives this process and is stopped as a whole.
	const child = spawn( PHP, [
		'-d', 'opcache.blacklist_filename=' + join( folder, OPCACHE_BLACKLIST ),
		'-q', '-S', `127.0.0.1:${ wiki.port }`, '-t', MEDIAWIKI_DIR,
	], {
		detached: true,
		stdio: [ 'ignore', log, log ],
		env: { ...wikiEnvironment( wiki.dir ), PHP_CLI_SERVER_WORKERS: String( WORKERS ) },
	} );
	closeSync( log );
	let exited = false;
	child.on( 'exit', () => {
		exited = true;
	} );
	child.unref();
	if ( child.pid === undefined ) {
		throw new LocalWikiError( 'start-failed', 'Could not start PHP.' );
	}
	const record: ServerRecord = { pid: child.pid, pgid: child.pid, port: wiki.port, startedAt: new Date().toISOString() };
	await writeFile( join( wiki.dir, SERVER_FILE ), JSON.stringify( record, null, '\t' ) + '\n' );

	const apiUrl = wikiUrls( wiki.port ).apiUrl;
	const deadline = Date.now() + START_TIMEOUT_MS;
	while ( !( await apiAnswers( apiUrl ) ) ) {
		if ( exited || Date.now() > deadline ) {
			await stopWiki( wiki );
			throw new LocalWikiError( 'start-failed', `The wiki did not answer at ${ apiUrl }. End of ${ join( wiki.dir, SERVER_LOG ) }:\n${ await logTail( wiki.dir ) }` );
		}
		await sleep( 50 );
	}
	return { alreadyRunning: false, pid: record.pid, port: wiki.port };
}

function signalGroup( pgid: number, signal: NodeJS.Signals ): void {
	try {
		process.kill( -pgid, signal );
	} catch {
		// Already gone.
	}
}

/**
 * Stop the process group PGID: SIGTERM, then SIGKILL for what is left after
 * TIMEOUT_MS; resolves when none of its processes is alive.
 */
export async function stopProcessGroup( pgid: number, timeoutMs = STOP_TIMEOUT_MS ): Promise<void> {
	if ( groupMembers( pgid ).length === 0 ) {
		return;
	}
	signalGroup( pgid, 'SIGTERM' );
	const deadline = Date.now() + timeoutMs;
	while ( groupMembers( pgid ).length > 0 && Date.now() < deadline ) {
		await sleep( 25 );
	}
	if ( groupMembers( pgid ).length > 0 ) {
		signalGroup( pgid, 'SIGKILL' );
		const killed = Date.now() + timeoutMs;
		while ( groupMembers( pgid ).length > 0 && Date.now() < killed ) {
			await sleep( 25 );
		}
	}
}

/** Stop the wiki's server (its whole process group); true if it was running. */
export async function stopWiki( wiki: { dir: string } ): Promise<boolean> {
	const record = await readRecord( wiki.dir );
	if ( !record ) {
		return false;
	}
	const running = serverProcesses( record ).length > 0;
	if ( running ) {
		await stopProcessGroup( record.pgid );
	}
	await rm( join( wiki.dir, SERVER_FILE ), { force: true } );
	return running;
}
