/**
 * `npm start`: the whole Helpdesk on a real local wiki. Builds the gadget, starts
 * the local MediaWiki (installing it the first time) in `HELPDESK_WIKI_DIR` on
 * `HELPDESK_WIKI_PORT`, deploys the gadget and the on-wiki pages, files the demo
 * requests, does the bot's first run, starts the bot on its schedule, and prints
 * where to click. It stays up while all of that runs. Ctrl-C, SIGTERM or the
 * failure of any part stops everything it started (a wiki that was already
 * running stays up); a failure exits non-zero. A second run reuses the wiki.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mwn } from 'mwn';
import { assertWikiFolder, localCredentialsFile, localWikiDir, localWikiPort, stopWiki, wikiStatus } from './local-wiki/index';
import { SERVER_LOG } from './local-wiki/server';
import { deploy } from './deploy';
import { importRequests } from './import';
import { connect, targetFromEnvironment, TargetWiki } from './lib/target';
import { solidPng } from './lib/solid-png';
import { Stopped, Supervisor } from './lib/supervisor';
import {
	AGENDA_PAGE, COMMITTEE_PAGE, HELPDESK_PAGE, REQUEST_TABLE_PAGE, REQUESTS_PREFIX, SETTINGS_PAGE, SHUTOFF_PAGE, STATISTICS_PAGE,
} from '../shared/pages';
import { DEFAULT_SETTINGS, settingsText } from '../shared/settings';
import { DEFAULT_PLAN_CONFIG, VOLUNTEERS_PAGE } from '../bot/config';

const PROJECT_DIR = fileURLToPath( new URL( '..', import.meta.url ) );
/** How often npm start checks that the wiki's server still runs. */
const WATCH_MS = 2000;
/** Settings of another wiki, which the bot started here must not take for its own. */
const OTHER_WIKI = [ 'HELPDESK_API_URL', 'HELPDESK_BOT_USERNAME', 'HELPDESK_BOT_PASSWORD', 'HELPDESK_OAUTH2_TOKEN' ];

function step( text: string ): void {
	console.log( `\n▶ ${ text }` );
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
 * People who give support, for the demo's routing hints: each matches some of the
 * demo requests awaiting the committee (by kind of support, language, country or
 * continent); one was available only until a past date, and a requester and a
 * committee member are listed too (never suggested for their own request).
 */
export function demoVolunteers( committeeMember: string, requester: string ): string[] {
	return [
		'{{Helpdesk volunteer|user=Ingrid Holm|areas=finding-people, copyright, communication|languages=sv, nb, en|regions=europe, SE|until=2027-12-31}}',
		'{{Helpdesk volunteer|user=Mateo Rojas|areas=mass-upload, technical, implementation|languages=es, en|regions=south-america, CL}}',
		'{{Helpdesk volunteer|user=Zrinka Babić|areas=training-material, content-examples, supporting-material|languages=hr, en|regions=europe}}',
		'{{Helpdesk volunteer|user=Aisha Nakato|areas=data-upload, technical|languages=en, lg|regions=africa, UG}}',
		'{{Helpdesk volunteer|user=Tomás Ferreira|areas=copyright, mass-upload|languages=pt, es|regions=BR, south-america|until=2026-06-30}}',
		`{{Helpdesk volunteer|user=${ committeeMember }|areas=content-examples, content-use|languages=en|regions=europe}}`,
		`{{Helpdesk volunteer|user=${ requester }|areas=copyright, training-material|languages=sv, en|regions=SE}}`,
	];
}

/** The volunteers' page of shared/pages with `people` listed. */
async function volunteersPage( people: string[] ): Promise<string> {
	const lines = ( await readFile( resolve( PROJECT_DIR, 'shared/pages/Content_Partnerships_Hub--Helpdesk--Volunteers.wikitext' ), 'utf8' ) ).split( '\n' );
	// After the heading and the comment under it.
	lines.splice( lines.indexOf( '== People who give support ==' ) + 2, 0, ...people );
	return lines.join( '\n' );
}

/** The demo's FAQ page, under the prefix the bot lists for the FAQ candidates. */
export const DEMO_FAQ_PAGE = DEFAULT_PLAN_CONFIG.pages.faqPrefix + 'Mass upload';
/** The outcome category of the demo's mass upload (scripts/demo-requests.json), on the local wiki. */
const DEMO_OUTCOME_CATEGORY = 'Medical illustrations by Servier Medical Art';
const DEMO_FAQ_TEXT = 'How to prepare a mass upload of media files to Wikimedia Commons: the files, their metadata, the licence ' +
	'and the tools (Pattypan, OpenRefine). A demo page of the local wiki.';

/**
 * The local wiki's own committee (its committee accounts, one of them notified on
 * the talk page), its volunteers, its process settings (its staff account reminded
 * and told of problems) and the bot's shutoff page set to run. Each is created only
 * when missing, so what someone changed on the local wiki stays.
 */
async function prepareLocalWiki( target: TargetWiki, users: DemoUser[] ): Promise<void> {
	const committee = users.filter( ( user ) => user.role === 'committee' );
	const template = await readFile( resolve( PROJECT_DIR, 'shared/pages/Content_Partnerships_Hub--Helpdesk--Expert_Committee.wikitext' ), 'utf8' );
	const members = committee.map( ( user, index ) => `{{Helpdesk committee member|user=${ user.username }|notify=${ index === 1 ? 'talk' : 'mention' }|languages=en}}` );
	const lines = template.split( '\n' ).filter( ( line ) => !line.startsWith( '{{Helpdesk committee member|' ) );
	lines.splice( lines.indexOf( '== Members ==' ) + 2, 0, ...members );
	const committeePage = lines.join( '\n' );
	// Requester Two filed the request about finding people: listed, never suggested for it.
	const requester = users.find( ( user ) => user.username === 'Requester Two' ) || users.find( ( user ) => user.role === 'requester' );
	const volunteers = await volunteersPage( demoVolunteers( committee.length ? committee[ 0 ].username : 'Amara Okafor',
		requester ? requester.username : 'Requester Two' ) );
	const staff = users.filter( ( user ) => user.role === 'staff' ).map( ( user ) => user.username );
	const settings = settingsText( Object.assign( {}, DEFAULT_SETTINGS, { helpdesk: staff } ) );
	const bot = await connect( target );
	const pages = [
		[ COMMITTEE_PAGE, committeePage, 'wikitext' ], [ VOLUNTEERS_PAGE, volunteers, 'wikitext' ], [ SETTINGS_PAGE, settings, 'json' ],
		[ SHUTOFF_PAGE, 'run', 'wikitext' ],
		// An FAQ page, so that the FAQ candidates link one.
		[ DEMO_FAQ_PAGE, DEMO_FAQ_TEXT, 'wikitext' ],
	];
	for ( const [ title, text, model ] of pages ) {
		await createOnce( bot, title, text, model, 'Local wiki: the demo committee, its volunteers, its staff, an FAQ page and the bot switched on' );
	}
	// The staff's account uploads: the deploy's bot password has no right to.
	const uploader = users.find( ( user ) => user.role === 'staff' );
	if ( uploader ) {
		const asStaff = Object.assign( {}, target, { username: uploader.username, password: uploader.password, oauth2Token: undefined } );
		await uploadDemoOutcome( await connect( asStaff ) );
	}
}

async function createOnce( bot: Mwn, title: string, text: string, model: string, summary: string ): Promise<void> {
	try {
		await bot.request( { action: 'edit', title: title, text: text, contentmodel: model, createonly: true, token: bot.csrfToken, summary: summary } );
	} catch ( error ) {
		if ( ( error as { code?: string } ).code !== 'articleexists' ) {
			throw error;
		}
	}
}

/**
 * The outcome of the demo's mass upload, with the local wiki standing in for
 * Commons: three small files in its category and a subcategory, used on a page,
 * so that the bot's impact figures count something. Uploaded once.
 */
async function uploadDemoOutcome( bot: Mwn ): Promise<void> {
	const category = 'Category:' + DEMO_OUTCOME_CATEGORY;
	const existing = await bot.read( category );
	if ( !existing.missing ) {
		return;
	}
	const folder = await mkdtemp( join( tmpdir(), 'helpdesk-demo-files-' ) );
	try {
		const colours: [ number, number, number ][] = [ [ 180, 40, 40 ], [ 40, 140, 60 ], [ 40, 70, 170 ] ];
		for ( const [ index, colour ] of colours.entries() ) {
			const path = join( folder, index + '.png' );
			await writeFile( path, solidPng( ...colour ) );
			const inCategory = index === 2 ? DEMO_OUTCOME_CATEGORY + ' (details)' : DEMO_OUTCOME_CATEGORY;
			await bot.upload( path, 'Demo medical illustration ' + ( index + 1 ) + '.png',
				'A demo file of the local wiki, standing in for a file on Commons.\n[[Category:' + inCategory + ']]', { ignorewarnings: true } )
				.catch( ( error: { code?: string } ) => {
					// Uploaded by an earlier start that stopped before the category page: the same file again.
					if ( error.code !== 'fileexists-no-change' ) {
						throw error;
					}
				} );
		}
		await createOnce( bot, category + ' (details)', 'Details of the demo files.\n[[' + category + ']]', 'wikitext', 'Local wiki: demo outcome' );
		await createOnce( bot, 'Servier Medical Art', 'A demo article using the files.\n[[File:Demo medical illustration 1.png]] ' +
			'[[File:Demo medical illustration 3.png]]', 'wikitext', 'Local wiki: demo outcome' );
		await createOnce( bot, category, 'The files of the demo mass upload.', 'wikitext', 'Local wiki: demo outcome' );
	} finally {
		await rm( folder, { recursive: true, force: true } );
	}
}

/**
 * The environment of the processes npm start runs: the local wiki's folder and
 * port, no other wiki's bot settings, and the local wiki standing in for Commons
 * and Wikidata when the impact of outcomes is counted (unless set otherwise).
 */
export function childEnvironment( env: NodeJS.ProcessEnv, dir: string, port: number ): NodeJS.ProcessEnv {
	const localApi = 'http://127.0.0.1:' + port + '/api.php';
	const copy: NodeJS.ProcessEnv = {
		HELPDESK_COMMONS_API_URL: localApi, HELPDESK_WIKIDATA_API_URL: localApi,
		...env, HELPDESK_WIKI_DIR: dir, HELPDESK_WIKI_PORT: String( port ),
	};
	for ( const name of OTHER_WIKI ) {
		delete copy[ name ];
	}
	return copy;
}

/** Run a TypeScript file of the project in a process group of its own; resolves with its exit code. */
function tsx( supervisor: Supervisor, name: string, args: string[], env: NodeJS.ProcessEnv ): Promise<number | string> {
	const { exited } = supervisor.run( name, process.execPath, [ '--import', 'tsx', ...args ], { cwd: PROJECT_DIR, env: env } );
	return supervisor.step( exited );
}

async function mustSucceed( name: string, code: Promise<number | string> ): Promise<void> {
	const result = await code;
	if ( result !== 0 ) {
		throw new Error( `${ name } failed (${ typeof result === 'number' ? 'exit code ' + result : result }; its error is above).` );
	}
}

/** Everything up to "Ready"; what it starts is left running, in SUPERVISOR's care. */
async function bringUp( supervisor: Supervisor, env: NodeJS.ProcessEnv, dir: string, port: number, wasRunning: boolean ): Promise<void> {
	const began = performance.now();
	const childEnv = childEnvironment( env, dir, port );

	step( 'Building the gadget' );
	await mustSucceed( 'Building the gadget', tsx( supervisor, 'the build', [ 'scripts/build.ts' ], childEnv ) );

	step( `Starting the local wiki (folder ${ dir }, port ${ port })` );
	if ( !wasRunning ) {
		supervisor.started( 'the local wiki', async () => await stopWiki( { dir: dir } ) ? 'Stopped the local wiki.' : 'The local wiki was not running.' );
	}
	await mustSucceed( 'Starting the local wiki', tsx( supervisor, 'npm run wiki -- start', [ 'scripts/wiki.ts', 'start' ], childEnv ) );
	const target = targetFromEnvironment( {}, dir );
	const quiet = (): void => undefined;
	const credentials = JSON.parse( readFileSync( localCredentialsFile( childEnv ), 'utf8' ) ) as {
		indexUrl: string; users: DemoUser[];
	};
	await supervisor.step( prepareLocalWiki( target, credentials.users ) );

	step( 'Installing the gadget, templates and pages' );
	const deployed = await supervisor.step( deploy( { dryRun: false, target: target, log: quiet } ) );
	console.log( `  ${ deployed.edited.length } page(s) edited, ${ deployed.actions.length - deployed.edited.length } already up to date.` );

	step( 'Filing the demo requests' );
	const demo: unknown = JSON.parse( readFileSync( resolve( PROJECT_DIR, 'scripts/demo-requests.json' ), 'utf8' ) );
	const imported = await supervisor.step( importRequests( demo, { target: target, dryRun: false, log: quiet } ) );
	console.log( `  ${ imported.created.length } filed, ${ imported.skipped.length } already there.` );

	step( 'The bot\'s first run' );
	const first = await tsx( supervisor, 'the bot\'s first run', [ 'bot/main.ts', '--once' ], childEnv );
	if ( first !== 0 ) {
		console.log( `  The bot's first run did not succeed (${ typeof first === 'number' ? 'exit code ' + first : first }); its report or error is above. The demo goes on.` );
	}

	step( 'Starting the bot on its schedule (every minute on the local wiki)' );
	const bot = supervisor.run( 'the bot', process.execPath, [ '--import', 'tsx', 'bot/main.ts' ], {
		cwd: PROJECT_DIR,
		env: { ...childEnv, HELPDESK_BOT_SCHEDULE: env.HELPDESK_BOT_SCHEDULE || '* * * * *' },
	} );
	bot.exited.then( ( code ) => supervisor.stop( `the bot stopped by itself (${ typeof code === 'number' ? 'exit code ' + code : code })`, true ) );
	const watch = setInterval( () => {
		wikiStatus( dir ).then( ( status ) => {
			if ( !status.running ) {
				supervisor.stop( `the local wiki stopped by itself (its log: ${ join( dir, SERVER_LOG ) })`, true );
			}
		} );
	}, WATCH_MS );
	supervisor.stopped.then( () => clearInterval( watch ) );

	const requester = credentials.users.find( ( user ) => user.role === 'requester' );
	console.log( `\nReady in ${ ( ( performance.now() - began ) / 1000 ).toFixed( 1 ) } s. Where to click:` );
	console.log( `  The Helpdesk, with the "Request support" button:  ${ pageUrl( credentials.indexUrl, HELPDESK_PAGE ) }` );
	console.log( `  The request table, from the bot's data:           ${ pageUrl( credentials.indexUrl, REQUEST_TABLE_PAGE ) }` );
	console.log( `  The committee's agenda, and the statistics:       ${ pageUrl( credentials.indexUrl, AGENDA_PAGE ) }, ` +
		pageUrl( credentials.indexUrl, STATISTICS_PAGE ) );
	console.log( `  The process settings (staff and committee edit):  ${ pageUrl( credentials.indexUrl, SETTINGS_PAGE ) }` );
	console.log( `  Every request:                                    ${ pageUrl( credentials.indexUrl, 'Special:PrefixIndex/' + REQUESTS_PREFIX ) }` );
	console.log( `  The same in Minerva (mobile):                     ${ pageUrl( credentials.indexUrl, HELPDESK_PAGE, '&useskin=minerva' ) }` );
	console.log( `  The form in Swedish:                              ${ pageUrl( credentials.indexUrl, HELPDESK_PAGE, '&uselang=sv' ) }` );
	if ( requester ) {
		console.log( `Log in as "${ requester.username }" (password ${ requester.password }) to file a request.` );
	}
	console.log( 'Press Ctrl-C to stop the bot' + ( wasRunning ? ' (the wiki was running before and stays up).' : ' and the wiki.' ) );
}

function describe( error: unknown ): string {
	return error instanceof Error ? error.message : String( error );
}

const SIGNALS: Record<string, string> = { SIGINT: 'Ctrl-C (SIGINT)', SIGTERM: 'SIGTERM', SIGHUP: 'SIGHUP' };

/** npm start, until it is stopped; resolves with its exit code once everything it started is stopped. */
export async function main( env: NodeJS.ProcessEnv = process.env ): Promise<number> {
	const supervisor = new Supervisor();
	for ( const [ signal, name ] of Object.entries( SIGNALS ) ) {
		// A second signal (npm and tsx pass Ctrl-C on too) changes nothing.
		process.on( signal, () => supervisor.stop( `${ name } received`, false ) );
	}
	let dir: string | null = null;
	let wasRunning = false;
	try {
		dir = localWikiDir( env );
		assertWikiFolder( dir );
		const port = localWikiPort( env );
		wasRunning = ( await wikiStatus( dir ) ).running;
		await bringUp( supervisor, env, dir, port, wasRunning );
	} catch ( error ) {
		if ( !( error instanceof Stopped ) ) {
			supervisor.stop( describe( error ), true );
		}
	}
	const outcome = await supervisor.stopped;
	if ( outcome.failed ) {
		console.error( `\nnpm start failed: ${ outcome.reason }` );
	} else {
		console.log( `\n${ outcome.reason }.` );
	}
	const started = supervisor.running.length > 0;
	if ( started ) {
		console.log( 'Stopping everything npm start started…' );
	}
	const problems = await supervisor.shutdown( ( line ) => console.log( '  ' + line ) );
	for ( const problem of problems ) {
		console.error( '  Could not stop ' + problem );
	}
	if ( dir && wasRunning ) {
		console.log( `The local wiki was running before npm start and keeps running (folder ${ dir }); stop it with: npm run wiki -- stop` );
	} else if ( dir && started && problems.length === 0 ) {
		console.log( `Nothing npm start started is running any more (the wiki's data stays in ${ dir }).` );
	}
	return outcome.failed || problems.length > 0 ? 1 : 0;
}

if ( process.argv[ 1 ] && import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	// Exit at once once everything started is stopped: a step given up (a deploy
	// halfway, say) must not keep npm start alive.
	main().then( ( code ) => {
		// eslint-disable-next-line n/no-process-exit
		process.exit( code );
	}, ( error: unknown ) => {
		console.error( '\nnpm start failed: ' + describe( error ) );
		// eslint-disable-next-line n/no-process-exit
		process.exit( 1 );
	} );
}
