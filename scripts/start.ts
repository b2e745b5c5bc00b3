/**
 * `npm start`: the whole Helpdesk on a real local wiki. Builds the gadget, starts
 * the local MediaWiki (installing it the first time), deploys the gadget and the
 * on-wiki pages, files the demo requests, runs the bot on its schedule, and prints
 * where to click. Ctrl-C stops everything it started; a second run reuses the wiki.
 */
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopWiki, wikiStatus } from './local-wiki/index';
import { deploy } from './deploy';
import { importRequests } from './import';
import { targetFromEnvironment } from './lib/target';
import { COMMITTEE_PAGE, HELPDESK_PAGE, REQUEST_TABLE_PAGE, REQUESTS_PREFIX, SHUTOFF_PAGE } from '../shared/pages';
import { connect, TargetWiki } from './lib/target';
import { readFile } from 'node:fs/promises';

const PROJECT_DIR = fileURLToPath( new URL( '..', import.meta.url ) );
const WIKI_DIR = resolve( process.env.HELPDESK_WIKI_DIR || resolve( PROJECT_DIR, '.wiki' ) );

function step( text: string ): void {
	console.log( `\n▶ ${ text }` );
}

/** Run an npm script in the foreground; stop on failure. */
function run( args: string[] ): void {
	const result = spawnSync( 'npx', [ 'tsx', ...args ], { cwd: PROJECT_DIR, stdio: 'inherit' } );
	if ( result.status !== 0 ) {
		throw new Error( `"tsx ${ args.join( ' ' ) }" failed` );
	}
}

function pageUrl( indexUrl: string, title: string, query = '' ): string {
	return indexUrl + '?title=' + encodeURIComponent( title.replace( / /g, '_' ) ) + query;
}

interface DemoUser {
	username: string;
	password: string;
	role: string;
}

/**
 * The local wiki's own committee (its committee accounts, one of them notified on
 * the talk page) and the bot's shutoff page set to run. Both are created only when
 * missing, so what someone changed on the local wiki stays.
 */
async function prepareLocalWiki( target: TargetWiki, users: DemoUser[] ): Promise<void> {
	const committee = users.filter( ( user ) => user.role === 'committee' );
	const template = await readFile( resolve( PROJECT_DIR, 'shared/pages/Content_Partnerships_Hub--Helpdesk--Expert_Committee.wikitext' ), 'utf8' );
	const members = committee.map( ( user, index ) => `{{Helpdesk committee member|user=${ user.username }|notify=${ index === 1 ? 'talk' : 'mention' }|languages=en}}` );
	const lines = template.split( '\n' ).filter( ( line ) => !line.startsWith( '{{Helpdesk committee member|' ) );
	lines.splice( lines.indexOf( '== Members ==' ) + 2, 0, ...members );
	const committeePage = lines.join( '\n' );
	const bot = await connect( target );
	for ( const [ title, text ] of [ [ COMMITTEE_PAGE, committeePage ], [ SHUTOFF_PAGE, 'run' ] ] ) {
		try {
			await bot.request( {
				action: 'edit', title: title, text: text, createonly: true, token: bot.csrfToken,
				summary: 'Local wiki: the demo committee and the bot switched on',
			} );
		} catch ( error ) {
			if ( ( error as { code?: string } ).code !== 'articleexists' ) {
				throw error;
			}
		}
	}
}

async function main(): Promise<void> {
	const began = performance.now();
	const wasRunning = ( await wikiStatus( WIKI_DIR ) ).running;

	step( 'Building the gadget' );
	run( [ 'scripts/build.ts' ] );

	step( 'Starting the local wiki' );
	run( [ 'scripts/wiki.ts', 'start', '--dir', WIKI_DIR ] );
	const target = targetFromEnvironment( {}, WIKI_DIR );
	const quiet = (): void => undefined;
	const credentials = JSON.parse( readFileSync( resolve( WIKI_DIR, 'credentials.json' ), 'utf8' ) ) as {
		indexUrl: string; users: DemoUser[];
	};
	await prepareLocalWiki( target, credentials.users );

	step( 'Installing the gadget, templates and pages' );
	const deployed = await deploy( { dryRun: false, target: target, log: quiet } );
	console.log( `  ${ deployed.edited.length } page(s) edited, ${ deployed.actions.length - deployed.edited.length } already up to date.` );

	step( 'Filing the demo requests' );
	const demo: unknown = JSON.parse( readFileSync( resolve( PROJECT_DIR, 'scripts/demo-requests.json' ), 'utf8' ) );
	const imported = await importRequests( demo, { target: target, dryRun: false, log: quiet } );
	console.log( `  ${ imported.created.length } filed, ${ imported.skipped.length } already there.` );

	step( 'Starting the bot (every minute on the local wiki)' );
	const bot: ChildProcess = spawn( 'npx', [ 'tsx', 'bot/main.ts' ], {
		cwd: PROJECT_DIR,
		stdio: 'inherit',
		env: { ...process.env, HELPDESK_BOT_SCHEDULE: process.env.HELPDESK_BOT_SCHEDULE || '* * * * *' },
		detached: true,
	} );

	const requester = credentials.users.find( ( user ) => user.role === 'requester' );
	console.log( `\nReady in ${ ( ( performance.now() - began ) / 1000 ).toFixed( 1 ) } s. Where to click:` );
	console.log( `  The Helpdesk, with the "Request support" button:  ${ pageUrl( credentials.indexUrl, HELPDESK_PAGE ) }` );
	console.log( `  The request table (compiled by the bot):          ${ pageUrl( credentials.indexUrl, REQUEST_TABLE_PAGE ) }` );
	console.log( `  Every request:                                    ${ pageUrl( credentials.indexUrl, 'Special:PrefixIndex/' + REQUESTS_PREFIX ) }` );
	console.log( `  The same in Minerva (mobile):                     ${ pageUrl( credentials.indexUrl, HELPDESK_PAGE, '&useskin=minerva' ) }` );
	console.log( `  The form in Swedish:                              ${ pageUrl( credentials.indexUrl, HELPDESK_PAGE, '&uselang=sv' ) }` );
	if ( requester ) {
		console.log( `Log in as "${ requester.username }" (password ${ requester.password }) to file a request.` );
	}
	console.log( 'Press Ctrl-C to stop the bot' + ( wasRunning ? '.' : ' and the wiki.' ) );

	let stopping = false;
	const stop = async (): Promise<void> => {
		if ( stopping ) {
			return;
		}
		stopping = true;
		console.log( '\nStopping…' );
		if ( bot.pid && bot.exitCode === null ) {
			try {
				process.kill( -bot.pid, 'SIGTERM' );
			} catch {
				// Already gone.
			}
		}
		if ( !wasRunning ) {
			await stopWiki( { dir: WIKI_DIR } );
			console.log( 'The local wiki is stopped (its data stays in ' + WIKI_DIR + ').' );
		}
		process.exitCode = 0;
	};
	process.on( 'SIGINT', stop );
	process.on( 'SIGTERM', stop );
	bot.on( 'exit', ( code ) => {
		if ( !stopping ) {
			console.error( `The bot stopped (exit code ${ code }); the wiki keeps running. Ctrl-C to stop.` );
		}
	} );
}

main().catch( async ( error: Error ) => {
	console.error( '\nnpm start failed: ' + error.message );
	process.exitCode = 1;
} );
