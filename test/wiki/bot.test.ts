/**
 * The bot against a real MediaWiki: requests filed through the gadget's own filing
 * code are picked up, the committee is told once (a mention with one signature, a
 * talk page section, nothing for a member who is away), sign-offs count only from
 * their real authors, a second run changes nothing, and a bot process killed
 * between two edits and run again sends nothing twice.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { ApiParams, Mwn } from 'mwn';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { AGENDA_PREFIX, ARCHIVE_PREFIX, EXPORT_PREFIX, ROUTING_PAGE, STATE_PAGE, STATISTICS_DATA_PAGE, VOLUNTEERS_PAGE } from '../../bot/config';
import { main } from '../../bot/main';
import { statusRecord } from '../../bot/plan/request-page';
import type { RunReport } from '../../bot/run';
import { emptyFields, requestFromFields } from '../../gadget/filing/fields';
import type { ApiFailure } from '../../gadget/filing/problems';
import { EditParams, EditResponse, fileRequest, ParseResponse, QueryResponse, RequestApi } from '../../gadget/filing/save';
import gadgetMessages from '../../gadget/i18n/en.json';
import { renderRequestPage } from '../../shared/codec';
import { COMMITTEE_PAGE, EXPORT_PAGE, REQUEST_TABLE_PAGE, REQUESTS_PREFIX, SETTINGS_PAGE, SHUTOFF_PAGE } from '../../shared/pages';
import { DEFAULT_SETTINGS, settingsText } from '../../shared/settings';
import type { RequestFormFields } from '../../shared/request';
import type { LocalWiki } from '../../scripts/local-wiki/index';
import { sharedTestWiki } from './setup/shared-wiki';
import { installHelpdesk } from '../../scripts/lib/install-helpdesk';
import { sampleFields } from '../../scripts/lib/sample-request';
import { TEST_USER_AGENT } from './setup/test-wiki';

const ROOT = join( __dirname, '..', '..' );
const RUN = Date.now().toString( 36 );
const MEETING = new Date( Date.now() + 10 * 86400000 ).toISOString().slice( 0, 10 );

const AMARA = 'Amara Okafor';
const LUCIA = 'Lucía Fernández';
const KENJI = 'Kenji Watanabe';
const REQUESTER_ONE = 'Requester One';
const REQUESTER_TWO = 'Requester Two';

const COMMITTEE_TEXT = [
	'The Expert Committee (test wiki).',
	'{{Helpdesk committee member|user=' + AMARA + '|notify=mention|languages=en, yo}}',
	'{{Helpdesk committee member|user=' + LUCIA + '|notify=talk|languages=es, en}}',
	'{{Helpdesk committee member|user=' + KENJI + '|notify=mention|away_until=2099-12-31|languages=ja, en}}',
].join( '\n' );

let wiki: LocalWiki;
/** Reads pages and sets the Helpdesk up, as Admin. */
let admin: Mwn;
/** People who give support: one who matches the Lagos request, one who filed it, one line the bot cannot read. */
const VOLUNTEERS_TEXT = [
	'{{Helpdesk volunteer|user=Ngozi Eze|areas=copyright, mass-upload|languages=en, yo|regions=NG}}',
	'{{Helpdesk volunteer|user=' + REQUESTER_ONE + '|areas=mass-upload, copyright|languages=en}}',
	'{{Helpdesk volunteer|user=Mallory|areas=[[Category:Injected]]}}',
	'{{Helpdesk volunteer|user=<b>Bold</b>|areas=copyright, {{subst:x}}|languages=\'\'\'sv\'\'\'|regions=__NOTOC__|until=soon}}',
	'{{Helpdesk volunteer|user=Past Helper|areas=copyright|until=2020-01-31}}',
].join( '\n' );

const people: Record<string, Mwn> = {};
/** Everything every bot run printed, to look for secrets in. */
let printed = '';

function logIn( username: string, password: string ): Promise<Mwn> {
	return Mwn.init( {
		apiUrl: wiki.apiUrl, username: username, password: password,
		userAgent: TEST_USER_AGENT, silent: true, suppressAPIWarnings: true,
	} );
}

/** The bot's environment: what an operator would set (README, .env.example). */
function botEnvironment( extra: Record<string, string> = {} ): NodeJS.ProcessEnv {
	return Object.assign( {
		HELPDESK_API_URL: wiki.apiUrl,
		HELPDESK_BOT_USERNAME: wiki.credentials.bot.botUsername,
		HELPDESK_BOT_PASSWORD: wiki.credentials.bot.botPassword,
		HELPDESK_BOT_CONTACT: 'helpdesk@example.org',
		HELPDESK_EDIT_SPACING_MS: '0',
		// Outcomes left by other test files are counted on this wiki, never on Commons or Wikidata.
		HELPDESK_COMMONS_API_URL: wiki.apiUrl,
		HELPDESK_WIKIDATA_API_URL: wiki.apiUrl,
	}, extra );
}

interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * The bot's command line, run in this process (no start-up cost), with what it
 * prints captured as a process of its own would print it: console.log (which mwn
 * uses) on standard output.
 */
async function cli( ...flags: string[] ): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const toStdout = ( text: string ): void => {
		stdout += text;
	};
	const toStderr = ( text: string ): void => {
		stderr += text;
	};
	const write = ( add: ( text: string ) => void ): typeof process.stdout.write => ( ( chunk: string | Uint8Array ): boolean => {
		add( typeof chunk === 'string' ? chunk : Buffer.from( chunk ).toString( 'utf8' ) );
		return true;
	} ) as typeof process.stdout.write;
	const line = ( add: ( text: string ) => void ) => ( ...values: unknown[] ): void => add( values.map( String ).join( ' ' ) + '\n' );
	const spies = [
		vi.spyOn( process.stdout, 'write' ).mockImplementation( write( toStdout ) ),
		vi.spyOn( process.stderr, 'write' ).mockImplementation( write( toStderr ) ),
		vi.spyOn( console, 'log' ).mockImplementation( line( toStdout ) ),
		vi.spyOn( console, 'info' ).mockImplementation( line( toStdout ) ),
		vi.spyOn( console, 'warn' ).mockImplementation( line( toStderr ) ),
		vi.spyOn( console, 'error' ).mockImplementation( line( toStderr ) ),
	];
	let code: number;
	try {
		code = await main( [ '--once' ].concat( flags ), botEnvironment() );
	} finally {
		spies.forEach( ( spy ) => spy.mockRestore() );
	}
	printed += stdout + stderr;
	return { code: code, stdout: stdout, stderr: stderr };
}

/** One run with `--json`; its report. */
async function runBot(): Promise<RunReport> {
	const run = await cli( '--json' );
	const report = JSON.parse( run.stdout ) as RunReport;
	expect( run.code, run.stderr + JSON.stringify( report.needsAttention ) ).toBe( 0 );
	return report;
}

function saved( report: RunReport ): RunReport[ 'edits' ] {
	return report.edits.filter( ( edit ) => edit.result === 'saved' );
}

// Reading the wiki -------------------------------------------------------------

interface Revision {
	revid: number;
	user: string;
	timestamp: string;
	text: string;
}

async function query<T>( params: ApiParams ): Promise<T> {
	return ( await admin.request( Object.assign( { action: 'query' }, params ) ) ).query as T;
}

/** Every revision of a page, oldest first; [] if it does not exist. */
async function history( title: string ): Promise<Revision[]> {
	const result = await query<{ pages: { revisions?: { revid: number; user: string; timestamp: string; slots: { main: { content: string } } }[] }[] }>( {
		titles: title, prop: 'revisions', rvprop: 'ids|user|timestamp|content', rvslots: 'main', rvlimit: 'max', rvdir: 'newer',
	} );
	return ( result.pages[ 0 ].revisions || [] ).map( ( revision ) => ( {
		revid: revision.revid, user: revision.user, timestamp: revision.timestamp, text: revision.slots.main.content,
	} ) );
}

async function pageText( title: string ): Promise<string> {
	const revisions = await history( title );
	return revisions.length ? revisions[ revisions.length - 1 ].text : '';
}

/**
 * The page as the wiki renders it now, in English (or `language`): its text parsed
 * afresh, so that what other test files did to the shared wiki's parser cache at the
 * same time does not count.
 */
async function renderedHtml( title: string, language = 'en' ): Promise<string> {
	const response = await admin.request( {
		action: 'parse', title: title, text: await pageText( title ), contentmodel: 'wikitext', prop: 'text', uselang: language, disablelimitreport: true,
	} );
	return response.parse.text as string;
}

async function exists( title: string ): Promise<boolean> {
	const result = await query<{ pages: { missing?: boolean }[] }>( { titles: title } );
	return !result.pages[ 0 ].missing;
}

/** How many edits the bot's account has made, all pages together. */
async function botEditCount(): Promise<number> {
	let edits = 0;
	let next: Record<string, string> | undefined = {};
	while ( next ) {
		const response = await admin.request( Object.assign( {
			action: 'query', list: 'usercontribs', ucuser: wiki.credentials.bot.username, ucprop: 'ids', uclimit: 'max',
		}, next ) );
		edits += response.query!.usercontribs.length;
		next = response.continue;
	}
	return edits;
}

/** The lines a revision added to the one before it. */
function added( before: string, after: string ): string {
	return diffLines( before, after ).filter( ( part ) => part.added ).map( ( part ) => part.value ).join( '' );
}

/** The revisions of a page made by the bot, each with what it added. */
async function botRevisions( title: string ): Promise<( Revision & { added: string } )[]> {
	const revisions = await history( title );
	return revisions.map( ( revision, index ) => Object.assign( {}, revision, { added: added( index ? revisions[ index - 1 ].text : '', revision.text ) } ) )
		.filter( ( revision ) => revision.user === wiki.credentials.bot.username );
}

function count( text: string, fragment: string ): number {
	return text.split( fragment ).length - 1;
}

function mention( name: string ): string {
	return '[[User:' + name + '|';
}

/** User links other than the bot's own: Echo notifies at most 50. */
function mentionCount( text: string ): number {
	return ( text.match( /\[\[User:[^|\]]+\|/g ) || [] ).filter( ( link ) => link !== mention( wiki.credentials.bot.username ) ).length;
}

/** Signatures as MediaWiki expands `~~~~`: a user link, then the time in UTC. */
function signatureCount( text: string ): number {
	return ( text.match( /\[\[User:[^|\]]+\|[^\]]+\]\] \(\[\[User talk:[^|\]]+\|talk\]\]\) \d\d:\d\d, \d{1,2} \w+ \d{4} \(UTC\)/g ) || [] ).length;
}

// Filing through the gadget ------------------------------------------------------

/** The gadget's RequestApi over mwn, as `gadget/form/wiki-api.ts` does over mw.Api. */
function gadgetApi( client: Mwn ): RequestApi {
	let renewToken = false;
	const failure = ( error: unknown ): ApiFailure => {
		const { code, info } = error as { code?: unknown; info?: unknown };
		const name = typeof code === 'string' && code !== '' ? code : 'http';
		return { code: name, errors: [ { code: name, text: typeof info === 'string' ? info : String( error ) } ] };
	};
	const post = async <T>( params: ApiParams ): Promise<T> => {
		try {
			return await client.request( params ) as T;
		} catch ( error ) {
			throw failure( error );
		}
	};
	return {
		query: ( params ) => post<QueryResponse>( { action: 'query', titles: params.titles } ),
		parse: ( params ) => post<ParseResponse>( {
			action: 'parse', title: params.title, text: params.text, contentmodel: 'wikitext', pst: true, prop: 'text|modules',
		} ),
		edit: async ( params: EditParams ) => {
			if ( renewToken ) {
				renewToken = false;
				await client.getCsrfToken();
			}
			return post<EditResponse>( Object.assign( { action: 'edit', token: client.csrfToken }, params ) as unknown as ApiParams );
		},
		renewToken: () => {
			renewToken = true;
		},
	};
}

/** File a request as `requester` through the gadget's filing flow; its page title. */
async function fileThroughGadget( requester: string, fields: Partial<RequestFormFields> ): Promise<string> {
	const request = requestFromFields( Object.assign( emptyFields(), fields ), { requester: requester, language: 'en' }, new Date() );
	const outcome = await fileRequest( gadgetApi( people[ requester ] ), {
		request: request,
		texts: {
			summary: gadgetMessages[ 'helpdesk-edit-summary' ].replace( '$1', request.title ),
			discussionHeading: gadgetMessages[ 'helpdesk-discussion-heading' ],
		},
		loggedIn: true,
		context: { loginUrl: wiki.indexUrl + '?title=Special:UserLogin' },
	} );
	if ( outcome.status !== 'filed' ) {
		throw new Error( 'Filing failed: ' + JSON.stringify( outcome ) );
	}
	return outcome.title;
}

/** The sample request under `title` and in `country`, its description with markup that must stay text. */
function requestFields( title: string, country: string ): RequestFormFields {
	return sampleFields( {
		title: title,
		country: country,
		description: 'We would like help with a batch upload and with checking the licence. [[Not a link]] ~~~~',
	} );
}

async function editAs( user: string, title: string, text: string, summary: string ): Promise<Revision> {
	const client = people[ user ];
	const response = await client.request( { action: 'edit', title: title, text: text, summary: summary, token: client.csrfToken, assert: 'user' } );
	expect( response.edit.result ).toBe( 'Success' );
	const revisions = await history( title );
	return revisions[ revisions.length - 1 ];
}

async function appendAs( user: string, title: string, line: string ): Promise<void> {
	await editAs( user, title, ( await pageText( title ) ) + '\n' + line, 'comment' );
}

async function setShutoff( text: string ): Promise<void> {
	await admin.request( { action: 'edit', title: SHUTOFF_PAGE, text: text, summary: 'bot test', token: admin.csrfToken } );
}

// The bot as a process of its own ------------------------------------------------

interface BotProcess {
	signal: NodeJS.Signals | null;
	code: number | null;
	stdout: string;
	stderr: string;
	/** The page of the last edit reported saved before a kill. */
	killedAfter: string;
}

/**
 * `node bot/main.ts --once FLAGS`. With `killAfterFirstEdit`, edits are a minute
 * apart and the process gets SIGKILL as soon as it reports its first saved edit:
 * it dies for sure before the second.
 */
function botProcess( flags: string[], killAfterFirstEdit: boolean ): Promise<BotProcess> {
	return new Promise( ( resolve, reject ) => {
		const child: ChildProcess = spawn( process.execPath, [ '--import', 'tsx', 'bot/main.ts', '--once' ].concat( flags ), {
			cwd: ROOT,
			env: Object.assign( {}, process.env, botEnvironment( killAfterFirstEdit ? { HELPDESK_EDIT_SPACING_MS: '60000' } : {} ) ),
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		const result: BotProcess = { signal: null, code: null, stdout: '', stderr: '', killedAfter: '' };
		const timer = setTimeout( () => child.kill( 'SIGKILL' ), 90000 );
		child.stdout!.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
			result.stdout += chunk;
		} );
		child.stderr!.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
			result.stderr += chunk;
			const match = /^Saved: (.+) \(Helpdesk bot: /m.exec( result.stderr );
			if ( killAfterFirstEdit && match && result.killedAfter === '' ) {
				result.killedAfter = match[ 1 ];
				child.kill( 'SIGKILL' );
			}
		} );
		child.on( 'error', reject );
		child.on( 'close', ( code, signal ) => {
			clearTimeout( timer );
			printed += result.stdout + result.stderr;
			resolve( Object.assign( result, { code: code, signal: signal } ) );
		} );
	} );
}

// The story ------------------------------------------------------------------

describe( 'the bot on a real wiki', () => {
	const titles: Record<string, string> = {};

	beforeAll( async () => {
		wiki = sharedTestWiki();
		// The templates, so that the pages render as on Meta-Wiki; then our own committee.
		await installHelpdesk( wiki );
		admin = await logIn( wiki.credentials.admin.botUsername, wiki.credentials.admin.botPassword );
		for ( const user of wiki.credentials.users ) {
			people[ user.username ] = await logIn( user.username, user.password );
		}
		await admin.request( { action: 'edit', title: COMMITTEE_PAGE, text: COMMITTEE_TEXT, summary: 'bot test', token: admin.csrfToken } );
		await admin.request( { action: 'edit', title: VOLUNTEERS_PAGE, text: VOLUNTEERS_TEXT, summary: 'bot test', token: admin.csrfToken } );
		// The next meeting in ten days, whatever the day the tests run.
		await admin.request( { action: 'edit', title: SETTINGS_PAGE, text: settingsText( Object.assign( {}, DEFAULT_SETTINGS, { meetings: [ MEETING ] } ) ),
			contentmodel: 'json', summary: 'bot test', token: admin.csrfToken } );
		// Earlier test files may have filed requests: let the bot settle them first.
		await setShutoff( 'run' );
		await runBot();
	} );

	test( 'with the shutoff page not at "run", a run edits nothing and says why', async () => {
		titles.a = await fileThroughGadget( REQUESTER_ONE, requestFields( 'Photo archive of the Lagos test museum ' + RUN, 'NG' ) );
		titles.b = await fileThroughGadget( REQUESTER_TWO, requestFields( 'Herbarium labels of the Tartu test museum ' + RUN, 'EE' ) );
		await setShutoff( 'stop: testing the shutoff <!-- write run to restart -->' );
		const before = await botEditCount();
		const run = await cli( '--json' );
		const report = JSON.parse( run.stdout ) as RunReport;
		expect( run.code ).toBe( 0 );
		expect( report.stopped ).toMatchObject( { code: 'shutoff' } );
		expect( report.stopped!.message ).toContain( 'stop: testing the shutoff' );
		expect( report.edits ).toEqual( [] );
		expect( await botEditCount() ).toBe( before );
		await setShutoff( 'run' );
	} );

	test( 'a request filed through the gadget is picked up and every available member is told once', async () => {
		const talkTitle = 'User talk:' + LUCIA;
		const talkBefore = await history( talkTitle );
		const report = await runBot();
		expect( report.ok ).toBe( true );
		for ( const title of [ titles.a, titles.b ] ) {
			const pings = ( await botRevisions( title ) ).filter( ( revision ) => revision.added.includes( mention( AMARA ) ) );
			expect( pings ).toHaveLength( 1 );
			const ping = pings[ 0 ];
			expect( count( ping.added, mention( AMARA ) ) ).toBe( 1 );
			expect( mentionCount( ping.added ) ).toBeLessThanOrEqual( 50 );
			expect( signatureCount( ping.added ) ).toBe( 1 );
			expect( ping.added ).toContain( mention( wiki.credentials.bot.username ) );
			const text = await pageText( title );
			// Lucía chose her talk page; Kenji is away.
			expect( text ).not.toContain( mention( LUCIA ) );
			expect( text ).toContain( 'told on their talk page: ' + LUCIA );
			expect( text ).not.toContain( KENJI );
			expect( count( text, '{"k":"filed"' ) ).toBe( 1 );
		}
		// One new section on Lucía's talk page, listing both requests, signed once.
		const talkEdits = ( await botRevisions( talkTitle ) ).slice( talkBefore.filter( ( revision ) => revision.user === wiki.credentials.bot.username ).length );
		expect( talkEdits ).toHaveLength( 1 );
		expect( talkEdits[ 0 ].added.match( /^== .+ ==$/gm ) ).toHaveLength( 1 );
		expect( signatureCount( talkEdits[ 0 ].added ) ).toBe( 1 );
		const talk = await pageText( talkTitle );
		for ( const title of [ titles.a, titles.b ] ) {
			expect( count( talk, '[[' + title + '|' ) ).toBe( 1 );
		}
		expect( await exists( 'User talk:' + KENJI ) ).toBe( false );
		const filed = report.notices.filter( ( notice ) => notice.about === 'filed' );
		expect( filed.filter( ( notice ) => notice.channel === 'mention' && notice.requests.includes( titles.a ) ).map( ( notice ) => notice.to ) ).toEqual( [ [ AMARA ] ] );
		expect( filed.filter( ( notice ) => notice.channel === 'talk' ) ).toEqual( [
			{ to: [ LUCIA ], channel: 'talk', about: 'filed', requests: expect.arrayContaining( [ titles.a, titles.b ] ) },
		] );
	} );

	test( 'the data pages behind the table, the statistics and the agenda show the request', async () => {
		const info = await query<{ pages: { contentmodel: string }[] }>( { titles: [ EXPORT_PAGE, STATISTICS_DATA_PAGE ].join( '|' ), prop: 'info' } );
		expect( info.pages.map( ( page ) => page.contentmodel ) ).toEqual( [ 'json', 'json' ] );
		const exported = JSON.parse( await pageText( EXPORT_PAGE ) );
		expect( exported ).toMatchObject( { schema: 3, settings: { page: SETTINGS_PAGE, valid: true } } );
		const record = exported.requests.find( ( entry: { page: string } ) => entry.page === titles.a );
		expect( record ).toMatchObject( {
			requester: REQUESTER_ONE, requesterValid: true, country: 'NG', continent: 'africa', status: 'submitted', waitingOn: 'committee',
			support: [ 'mass-upload', 'copyright' ], tally: { members: 3, feedback: 0, finalGoYes: 0, finalGoNo: 0 },
			excerpt: expect.stringContaining( 'batch upload' ),
		} );
		expect( record.problem ).toBeUndefined();
		const statistics = JSON.parse( await pageText( STATISTICS_DATA_PAGE ) );
		expect( statistics.byCountry.NG ).toBeGreaterThan( 0 );
		expect( statistics.byCountry.EE ).toBeGreaterThan( 0 );
		expect( statistics.byContinent.africa ).toBeGreaterThan( 0 );
		expect( statistics.byStatus.submitted ).toBeGreaterThan( 0 );
		const agenda = JSON.parse( await pageText( AGENDA_PREFIX + MEETING + '.json' ) );
		expect( agenda ).toMatchObject( { schema: 1, meeting: MEETING } );
		const onAgenda = agenda.requests.filter( ( entry: { page: string } ) => entry.page === titles.a || entry.page === titles.b );
		expect( onAgenda.map( ( entry: { decide: string } ) => entry.decide ) ).toEqual( [ 'initial-feedback', 'initial-feedback' ] );
		// The meeting's own view, made once by the bot.
		expect( await pageText( AGENDA_PREFIX + MEETING ) ).toBe( '{{#invoke:Helpdesk views|agenda|meeting=' + MEETING + '}}' );
		// The wiki renders the views from them, in the reader's language.
		const name = ( title: string ): string => title.slice( title.lastIndexOf( '/' ) + 1 ).replace( / [a-z0-9]+$/, '' );
		const table = await renderedHtml( REQUEST_TABLE_PAGE );
		expect( table ).toContain( name( titles.a ) );
		expect( table ).not.toMatch( /scribunto-error|class="error/ );
		expect( await renderedHtml( REQUEST_TABLE_PAGE, 'sv' ) ).toContain( name( titles.a ) );
		const agendaView = await renderedHtml( AGENDA_PREFIX + MEETING );
		expect( agendaView ).toContain( name( titles.a ) );
		expect( agendaView ).toContain( 'batch upload' );
	} );

	test( 'the request awaiting the committee shows who could help, on its page and on the agenda, and nobody is pinged for it', async () => {
		const routing = JSON.parse( await pageText( ROUTING_PAGE ) );
		// Requester One filed it: listed, never suggested for it.
		expect( routing.requests[ titles.a ] ).toMatchObject( {
			group: { code: 'implementation' },
			people: [ { user: 'Ngozi Eze', why: [ { code: 'support', params: [ 'mass-upload', 'copyright' ] }, { code: 'language', params: [ 'en' ] },
				{ code: 'country', params: [ 'NG' ] } ] } ],
		} );
		const page = await renderedHtml( titles.a );
		expect( page ).toContain( 'class="helpdesk-request-routing"' );
		expect( page ).toMatch( /title="User:Ngozi Eze[^"]*">Ngozi Eze<\/a>: helps with Mass upload of media files, Copyright and licensing; speaks English; knows Nigeria/ );
		expect( await renderedHtml( titles.a, 'sv' ) ).toContain( 'Vem skulle kunna hjälpa' );
		expect( await renderedHtml( AGENDA_PREFIX + MEETING ) ).toContain( 'Ngozi Eze</a>: helps with' );
		// Shown, never written into a page: no mention, no signature.
		expect( await pageText( titles.a ) ).not.toContain( 'Ngozi' );
		// The line it cannot read is listed with what needs attention.
		const exported = JSON.parse( await pageText( EXPORT_PAGE ) );
		expect( exported.attention.filter( ( entry: { page: string } ) => entry.page === VOLUNTEERS_PAGE ).map( ( entry: { text: string } ) => entry.text ) )
			.toEqual( [ expect.stringMatching( /^Mallory: areas=\[\[Category:Injected\]\] not understood/ ), expect.stringMatching( /^Mallory names no area/ ),
				expect.stringMatching( /^A \{\{Helpdesk volunteer\}\} line names "<b>Bold<\/b>", which is not a user name/ ) ] );
		expect( await renderedHtml( REQUEST_TABLE_PAGE ) ).not.toMatch( /Category:Injected<\/a>|<b>Bold/ );
		// The volunteers' page shows each line readably, what people typed as text.
		const volunteers = await renderedHtml( VOLUNTEERS_PAGE );
		expect( volunteers ).toMatch( /title="User:Ngozi Eze[^"]*">Ngozi Eze<\/a> \(<a [^>]*>talk<\/a>\) — helps with: copyright, mass-upload(&#32;| )· languages: en, yo(&#32;| )· regions: NG/ );
		expect( volunteers ).toContain( 'helps with: [[Category:Injected]]' );
		expect( volunteers ).toContain( '⚠ <code>&lt;b&gt;Bold&lt;/b&gt;</code> is not a user name' );
		expect( volunteers ).toContain( 'available until soon ⚠ (write the date as YYYY-MM-DD)' );
		expect( volunteers ).toContain( 'was available until 31 January 2020: no longer suggested' );
		expect( volunteers ).not.toMatch( /<b>Bold|Category:Injected<\/a>|<a [^>]*Category|id="toc"/ );
	} );

	test( 'a second run changes nothing and makes at most 5 API requests after logging in', async () => {
		const before = await botEditCount();
		const report = await runBot();
		expect( report.edits ).toEqual( [] );
		expect( report.notices ).toEqual( [] );
		expect( report.fullScan ).toBe( false );
		// The goal is at most 5; the shutoff, committee and state pages and the recent changes come in one.
		expect( report.apiRequests ).toBe( 1 );
		expect( await botEditCount() ).toBe( before );
		// A full re-read finds every page as it is and edits nothing. The JSON pages are
		// sent exactly as MediaWiki stores them, or their SHA-1s would differ here.
		const full = await cli( '--json', '--full' );
		const fullReport = JSON.parse( full.stdout ) as RunReport;
		expect( fullReport.fullScan ).toBe( true );
		expect( fullReport.notices ).toEqual( [] );
		expect( fullReport.edits ).toEqual( [] );
		// The state is the bot's own JSON page: when it looked, and who added each sign-off; nothing of what the requests say.
		const info = await query<{ pages: { contentmodel: string; length: number }[] }>( { titles: STATE_PAGE, prop: 'info' } );
		expect( info.pages[ 0 ].contentmodel ).toBe( 'json' );
		const state = JSON.parse( await pageText( STATE_PAGE ) );
		expect( state ).toMatchObject( { schema: 3, part: 1, parts: 1, saved: expect.any( String ), rcid: expect.any( Number ), signOffs: [] } );
		expect( await pageText( STATE_PAGE ) ).not.toContain( 'Lagos test museum' );
		expect( info.pages[ 0 ].length ).toBeLessThan( 3000 );
		expect( state.compiled ).toEqual( expect.arrayContaining( [ STATISTICS_DATA_PAGE, EXPORT_PAGE ] ) );
		// A meeting's agenda is never emptied as obsolete: each stays as its own page.
		expect( state.compiled.some( ( title: string ) => title.indexOf( AGENDA_PREFIX ) === 0 ) ).toBe( false );
	} );

	test( 'a request closed in an earlier year goes on the data page of that year, with a view of its own', async () => {
		// Imported as it stood: filed and closed in 2024.
		const title = REQUESTS_PREFIX + 'Archive test ' + RUN;
		const request = Object.assign( requestFromFields( Object.assign( emptyFields(), requestFields( 'Archive test: glass plates of the Oslo test museum ' + RUN, 'NO' ) ),
			{ requester: REQUESTER_ONE, language: 'en' }, new Date( '2024-01-10T09:00:00Z' ) ), { status: 'done' as const, statusSince: '2024-05-02T10:00:00Z' } );
		await editAs( REQUESTER_ONE, title, renderRequestPage( request ) + statusRecord( 'done', '2024-05-02T10:00:00Z' ), 'request closed in 2024' );
		const report = await runBot();
		const yearPage = EXPORT_PREFIX + '2024.json';
		const view = ARCHIVE_PREFIX + '2024';
		expect( saved( report ).map( ( edit ) => edit.title ) ).toEqual( expect.arrayContaining( [ yearPage, EXPORT_PAGE ] ) );
		expect( await pageText( view ) ).toBe( '{{#invoke:Helpdesk views|archive|year=2024}}' );
		const exported = JSON.parse( await pageText( EXPORT_PAGE ) );
		expect( exported.requests.some( ( entry: { page: string } ) => entry.page === title ) ).toBe( false );
		const yearly = exported.pages.find( ( entry: { closedIn: string } ) => entry.closedIn === '2024' );
		expect( yearly.title ).toBe( yearPage );
		const part = JSON.parse( await pageText( yearPage ) );
		expect( part.requests.find( ( entry: { page: string } ) => entry.page === title ) ).toMatchObject( { status: 'done', since: '2024-05-02T10:00:00Z' } );
		expect( ( await runBot() ).edits ).toEqual( [] );
	} );

	test( 'a sign-off by a member logged in as themselves counts; a forged one and a non-member\'s do not and are listed', async () => {
		await appendAs( AMARA, titles.a, 'Looks promising. {{Helpdesk sign-off|kind=feedback|member=' + AMARA + '}} ~~~~' );
		// Requester Two types a sign-off for Lucía, and one for himself.
		await appendAs( REQUESTER_TWO, titles.a, '{{Helpdesk sign-off|kind=feedback|member=' + LUCIA + '}} ~~~~' );
		await appendAs( REQUESTER_TWO, titles.a, '{{Helpdesk sign-off|kind=final-go|decision=yes|member=' + REQUESTER_TWO + '}} ~~~~' );
		const report = await runBot();
		const text = await pageText( titles.a );
		expect( text ).toContain( 'initial feedback from 1 of 3 members; final go: 0 yes, 0 no' );
		const reasons = report.needsAttention.filter( ( item ) => item.page === titles.a ).map( ( item ) => item.reason );
		expect( reasons ).toEqual( expect.arrayContaining( [
			'Sign-off (initial feedback) for ' + LUCIA + ' was added by ' + REQUESTER_TWO + ', not counted.',
			'Sign-off (final go) by ' + REQUESTER_TWO + ', who is not on the committee, not counted.',
		] ) );
		const exported = JSON.parse( await pageText( EXPORT_PAGE ) );
		const record = exported.requests.find( ( entry: { page: string } ) => entry.page === titles.a );
		expect( record.tally ).toEqual( { members: 3, feedback: 1, finalGoYes: 0, finalGoNo: 0 } );
		expect( record.flags ).toContain( 'sign-off-not-counted' );
		expect( record.signOffs ).toEqual( expect.arrayContaining( [
			expect.objectContaining( { kind: 'feedback', member: LUCIA, by: REQUESTER_TWO, reason: 'added-by-other' } ),
			expect.objectContaining( { kind: 'feedback', member: AMARA, by: AMARA, counted: true } ),
		] ) );
		const attention = exported.attention.filter( ( entry: { page: string } ) => entry.page === titles.a );
		expect( attention.map( ( entry: { text: string } ) => entry.text ) ).toEqual( expect.arrayContaining( [
			'Sign-off (initial feedback) for ' + LUCIA + ' was added by ' + REQUESTER_TWO + ', not counted.',
			'Sign-off (final go) by ' + REQUESTER_TWO + ', who is not on the committee, not counted.',
		] ) );
		// On the request page itself: each sign-off that does not count says so, and Lucía is told once.
		expect( text ).toContain( '{{Helpdesk sign-off|kind=feedback|member=' + LUCIA + '|not_counted=added-by-other|added_by=' + REQUESTER_TWO + '}}' );
		expect( text ).toContain( '{{Helpdesk sign-off|kind=final-go|decision=yes|member=' + REQUESTER_TWO + '|not_counted=not-member}}' );
		expect( text ).toContain( '{{Helpdesk sign-off|kind=feedback|member=' + AMARA + '}}' );
		expect( count( text, mention( LUCIA ) ) ).toBe( 1 );
		// In the first of her languages the bot has the message in (es, en).
		expect( text ).toContain( 'una firma a tu nombre (primera opinión) fue añadida por ' + REQUESTER_TWO );
		const rendered = await renderedHtml( titles.a );
		expect( rendered ).toContain( 'not counted' );
		expect( ( await runBot() ).edits ).toEqual( [] );
	} );

	test( 'a hand-typed status alias is normalised in place, the rest of the page kept byte for byte', async () => {
		const original = await pageText( titles.b );
		const handEdited = original.replace( '| status = submitted\n', '| status = On Hold\n' ) +
			'\n:We wait for the museum\'s answer. ~~~~';
		const human = await editAs( AMARA, titles.b, handEdited, 'on hold' );
		expect( human.text ).toContain( '| status = On Hold\n' );
		const report = await runBot();
		const text = await pageText( titles.b );
		expect( text ).toContain( '| status = on-hold\n' );
		expect( text ).toContain( '| status_since = ' + human.timestamp + '\n' );
		const restored = text.replace( '| status = on-hold\n', '| status = On Hold\n' )
			.replace( '| status_since = ' + human.timestamp + '\n', /\| status_since = .*\n/.exec( human.text )![ 0 ] );
		expect( restored.slice( 0, human.text.length ) ).toBe( human.text );
		// What follows is the one notice to the requester, signed once.
		const notice = restored.slice( human.text.length );
		expect( notice ).toContain( mention( REQUESTER_TWO ) + REQUESTER_TWO + ']]: the status of your request is now: on hold.' );
		expect( signatureCount( notice ) ).toBe( 1 );
		expect( report.notices ).toContainEqual( { to: [ REQUESTER_TWO ], channel: 'mention', about: 'status', requests: [ titles.b ] } );
		expect( saved( report ).filter( ( edit ) => edit.title === titles.b ) ).toHaveLength( 1 );
		expect( ( await runBot() ).edits ).toEqual( [] );
	} );

	test( 'a request page with {{nobots}} is not edited and is listed as needing attention', async () => {
		const title = REQUESTS_PREFIX + 'Bot-free request ' + RUN;
		const request = requestFromFields( Object.assign( emptyFields(), requestFields( 'Bot-free request ' + RUN, 'SE' ) ), { requester: REQUESTER_ONE, language: 'en' }, new Date() );
		// A new request (owed a filing notice) with a status the bot would normalise.
		const text = '{{nobots}}\n' + renderRequestPage( request ).replace( '| status = submitted\n', '| status = Accepted\n' );
		const created = await editAs( REQUESTER_ONE, title, text, 'request' );
		const report = await runBot();
		const revisions = await history( title );
		expect( revisions.map( ( revision ) => revision.revid ) ).toEqual( [ created.revid ] );
		expect( report.needsAttention ).toContainEqual( expect.objectContaining( {
			page: title, code: 'nobots', reason: 'The page shuts the bot out ({{nobots}} or {{bots}}): no notices or status updates.',
		} ) );
		expect( report.notices.some( ( notice ) => notice.requests.includes( title ) ) ).toBe( false );
		const attention = JSON.parse( await pageText( EXPORT_PAGE ) ).attention;
		expect( attention ).toContainEqual( expect.objectContaining( { page: title, code: 'nobots' } ) );
		expect( ( await pageText( 'User talk:' + LUCIA ) ) ).not.toContain( title );
	} );

	test( 'a bot process killed between two edits, run again, converges with no notice sent twice', async () => {
		const talkTitle = 'User talk:' + LUCIA;
		titles.d = await fileThroughGadget( REQUESTER_ONE, requestFields( 'Crash test: maps of the Quito archive ' + RUN, 'EC' ) );
		titles.e = await fileThroughGadget( REQUESTER_TWO, requestFields( 'Crash test: songs of the Hanoi radio ' + RUN, 'VN' ) );
		const sectionsBefore = ( ( await pageText( talkTitle ) ).match( /^== .+ ==$/gm ) || [] ).length;

		// Killed after its first edit: the talk page section, before any request page.
		const first = await botProcess( [], true );
		expect( first.signal ).toBe( 'SIGKILL' );
		expect( first.killedAfter ).toBe( talkTitle );
		expect( await botRevisions( titles.d ) ).toEqual( [] );
		expect( await botRevisions( titles.e ) ).toEqual( [] );

		// Run again and killed after one request page: the other is still owed its notice.
		const second = await botProcess( [], true );
		expect( second.signal ).toBe( 'SIGKILL' );
		expect( [ titles.d, titles.e ] ).toContain( second.killedAfter );
		const untouched = second.killedAfter === titles.d ? titles.e : titles.d;
		expect( await botRevisions( untouched ) ).toEqual( [] );

		const report = await runBot();
		expect( report.ok ).toBe( true );
		const talk = await pageText( talkTitle );
		expect( ( talk.match( /^== .+ ==$/gm ) || [] ).length ).toBe( sectionsBefore + 1 );
		for ( const title of [ titles.d, titles.e ] ) {
			expect( count( talk, '[[' + title + '|' ) ).toBe( 1 );
			const revisions = await botRevisions( title );
			const everything = revisions.map( ( revision ) => revision.added ).join( '\n' );
			expect( count( everything, mention( AMARA ) ) ).toBe( 1 );
			const text = await pageText( title );
			expect( count( text, mention( AMARA ) ) ).toBe( 1 );
			expect( count( text, '{"k":"filed"' ) ).toBe( 1 );
			expect( text ).toContain( 'told on their talk page: ' + LUCIA );
		}
		expect( ( await runBot() ).edits ).toEqual( [] );
	} );

	test( '--dry-run prints each planned edit as a diff and edits nothing', async () => {
		const title = await fileThroughGadget( REQUESTER_ONE, requestFields( 'Dry run: posters of the Nairobi library ' + RUN, 'KE' ) );
		const before = await botEditCount();
		const talkBefore = await pageText( 'User talk:' + LUCIA );
		const run = await cli( '--dry-run' );
		expect( run.code ).toBe( 0 );
		const diffs: Record<string, string> = {};
		run.stdout.split( /^(?=Index: )/m ).forEach( ( part ) => {
			diffs[ part.slice( 'Index: '.length, part.indexOf( '\n' ) ) ] = part;
		} );
		expect( diffs[ title ] ).toContain( '\n+[[User:' + AMARA + '|' + AMARA + ']]: a new request has been filed' );
		expect( diffs[ 'User talk:' + LUCIA ] ).toContain( '\n+* New request: [[' + title + '|' );
		// The data pages exist: their diffs are real diffs, with the new request added, not whole pages.
		expect( diffs[ EXPORT_PAGE ] ).toContain( '+\t\t\t"page": "' + title + '"' );
		expect( diffs[ EXPORT_PAGE ] ).toMatch( /^@@ -\d+,\d+ \+\d+,\d+ @@/m );
		expect( diffs[ EXPORT_PAGE ] ).not.toMatch( /^@@ -0,0 /m );
		expect( diffs[ STATISTICS_DATA_PAGE ] ).not.toMatch( /^@@ -0,0 /m );
		expect( run.stdout ).toContain( 'Run complete (dry run: nothing saved).' );
		expect( await botEditCount() ).toBe( before );
		expect( ( await history( title ) ).map( ( revision ) => revision.user ) ).toEqual( [ REQUESTER_ONE ] );
		expect( await pageText( 'User talk:' + LUCIA ) ).toBe( talkBefore );
		// Nothing was recorded either: the real run (without --json) still owes and sends the notice.
		const real = await cli();
		expect( real.code ).toBe( 0 );
		expect( real.stderr ).toContain( 'Saved: ' + title + ' (Helpdesk bot: notify the committee of a new request' );
		expect( real.stdout ).toMatch( /^Run complete\.$/m );
		// The API found nothing deprecated in what the bot sent.
		expect( real.stdout + real.stderr ).not.toContain( 'Warning received from API' );
		expect( count( await pageText( title ), mention( AMARA ) ) ).toBe( 1 );
	} );

	test( '--json prints the documented report alone, and no run ever printed a secret', async () => {
		const title = await fileThroughGadget( REQUESTER_TWO, requestFields( 'JSON report: films of the Dakar cinema ' + RUN, 'SN' ) );
		const run = await botProcess( [ '--json' ], false );
		expect( run.code, run.stderr ).toBe( 0 );
		// Standard output is the report and nothing else.
		const report = JSON.parse( run.stdout ) as RunReport;
		expect( report ).toEqual( {
			ok: true,
			dryRun: false,
			stopped: null,
			fullScan: true,
			requests: expect.any( Number ),
			pagesRead: expect.any( Number ),
			apiRequests: expect.any( Number ),
			rounds: expect.any( Number ),
			edits: expect.any( Array ),
			notices: expect.any( Array ),
			needsAttention: expect.any( Array ),
			impact: { measured: expect.any( Number ), apiRequests: expect.any( Number ) },
			durationMs: expect.any( Number ),
		} );
		expect( report.requests ).toBeGreaterThanOrEqual( 7 );
		expect( report.pagesRead ).toBeGreaterThan( 0 );
		expect( report.apiRequests ).toBeGreaterThan( report.edits.length );
		expect( report.edits ).toContainEqual( {
			title: title, kind: 'request', summary: expect.stringContaining( 'notify the committee of a new request' ), result: 'saved', revid: expect.any( Number ),
		} );
		expect( report.notices ).toContainEqual( { to: [ AMARA ], channel: 'mention', about: 'filed', requests: [ title ] } );
		expect( report.needsAttention.map( ( item ) => item.page ) ).toEqual( expect.arrayContaining( [ titles.a ] ) );
		const secrets = [ wiki.credentials.bot.botPassword, wiki.credentials.bot.password, wiki.credentials.admin.password ]
			.concat( wiki.credentials.users.map( ( user ) => user.password ) );
		expect( printed.length ).toBeGreaterThan( 1000 );
		for ( const secret of secrets ) {
			expect( printed ).not.toContain( secret );
		}
		// CSRF tokens end in "+\"; session cookies are named after the wiki's database.
		expect( printed ).not.toContain( '+\\' );
		expect( printed ).not.toMatch( /_session=/ );
		expect( ( await runBot() ).edits ).toEqual( [] );
	} );
} );
