/**
 * `npm run wiki -- start|stop|status|reset [--port N] [--dir DIR]`: a real local
 * MediaWiki with the extensions the Helpdesk relies on on Meta-Wiki.
 * Defaults: port 8089 (HELPDESK_WIKI_PORT), folder .wiki/ (HELPDESK_WIKI_DIR).
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {

	assertWikiFolder, createLocalWiki, LocalWiki, LocalWikiError, localWikiDir, localWikiPort, parsePort, resetWiki, startWiki, stopWiki,
	wikiStatus,
} from './local-wiki/index';

const ROLE_NAMES: Readonly<Record<string, string>> = { committee: 'Expert Committee member', requester: 'requester', staff: 'helpdesk staff' };

const USAGE = 'Usage: npm run wiki -- start|stop|status|reset [--port N] [--dir DIR]';

function shown( dir: string ): string {
	const path = relative( process.cwd(), dir );
	return path === '' || path.startsWith( '..' ) ? dir : path;
}

/** The one place where passwords are printed: after `start`, for a person to log in. */
function printCredentials( wiki: LocalWiki ): void {
	const { admin, bot, users } = wiki.credentials;
	const names = [ admin.botUsername, bot.botUsername, ...users.map( ( user ) => user.username ) ];
	const width = Math.max( ...names.map( ( name ) => name.length ) ) + 2;
	const row = ( name: string, password: string, note: string ): string => `  ${ name.padEnd( width ) }${ password }  ${ note }`;
	console.log( `Accounts (also in ${ shown( resolve( wiki.dir, 'credentials.json' ) ) }):` );
	console.log( row( admin.username, admin.password, 'sysop, bureaucrat, interface-admin' ) );
	console.log( row( admin.botUsername, admin.botPassword, 'bot password for deploying the gadget' ) );
	console.log( row( bot.username, bot.password, 'bot' ) );
	console.log( row( bot.botUsername, bot.botPassword, 'bot password the bot logs in with' ) );
	for ( const user of users ) {
		console.log( row( user.username, user.password, ROLE_NAMES[ user.role ] ) );
	}
}

async function start( dir: string, requestedPort: number ): Promise<void> {
	const began = performance.now();
	const wiki = await createLocalWiki( { dir: dir, port: requestedPort } );
	const result = await startWiki( wiki );
	const seconds = ( ( performance.now() - began ) / 1000 ).toFixed( 1 );
	if ( result.alreadyRunning ) {
		console.log( `The local wiki is already running: ${ wiki.indexUrl } (PID ${ result.pid }).` );
		if ( result.port !== requestedPort ) {
			console.log( `It listens on port ${ result.port }, not ${ requestedPort }; stop it first to move it.` );
		}
	} else {
		console.log( `The local wiki is running: ${ wiki.indexUrl } (PID ${ result.pid }, ready in ${ seconds } s).` );
	}
	console.log( `API: ${ wiki.apiUrl }` );
	printCredentials( wiki );
	console.log( 'Stop it with: npm run wiki -- stop' );
}

async function status( dir: string ): Promise<void> {
	const current = await wikiStatus( dir );
	if ( current.running ) {
		console.log( `running: ${ current.server }/index.php (PID ${ current.pid }, folder ${ shown( dir ) })` );
	} else if ( current.installed ) {
		console.log( `stopped (folder ${ shown( dir ) }); start it with: npm run wiki -- start` );
	} else {
		console.log( `stopped, not installed (folder ${ shown( dir ) }); install and start it with: npm run wiki -- start` );
	}
}

async function main(): Promise<void> {
	const { values, positionals } = parseArgs( {
		options: { port: { type: 'string' }, dir: { type: 'string' } },
		allowPositionals: true,
	} );
	const dir = values.dir ? resolve( values.dir ) : localWikiDir( process.env );
	assertWikiFolder( dir, values.dir ? '--dir' : 'HELPDESK_WIKI_DIR' );
	const command = positionals[ 0 ];
	switch ( command ) {
		case 'start':
			await start( dir, values.port ? parsePort( values.port, '--port' ) : localWikiPort() );
			break;
		case 'stop':
			console.log( await stopWiki( { dir: dir } ) ? 'Stopped the local wiki.' : 'The local wiki was not running.' );
			break;
		case 'status':
			await status( dir );
			break;
		case 'reset':
			console.log( await resetWiki( dir ) ? `Stopped the local wiki and deleted ${ shown( dir ) }.` : `Nothing to reset: ${ shown( dir ) } does not exist.` );
			break;
		default:
			console.error( USAGE );
			process.exitCode = 2;
	}
}

main().catch( ( error: unknown ) => {
	console.error( error instanceof LocalWikiError ? error.message : error );
	process.exitCode = 1;
} );
