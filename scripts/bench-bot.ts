/**
 * The bot's cost against a real MediaWiki with 100, 1,000 and 5,000 requests: API
 * requests, edits and wall time for a first run, an idle re-run and a run after 10
 * requests changed — for the bot as it is, and for a naive bot that reads every
 * request page with a request of its own on every run (same planner, same edits).
 * Each size gets a throwaway wiki of its own (a temporary folder, a free port),
 * filled by importing a generated XML dump, stopped and deleted at the end.
 * Prints figures; asserts nothing.
 *
 *     npm run bench:bot
 *     npm run bench:bot -- --sizes 100,1000
 *
 * The wiki runs its job queue apart from the web requests, as Meta-Wiki does
 * (no jobs run by web or API requests): re-rendering a view whose data page
 * changed, or a page whose template changed, is the job runners' work. The time the wiki takes to render each view is measured on its
 * own, afresh, after the first run.
 *
 * Goals: an idle re-run makes at most 5 API requests and 0 edits whatever the
 * number of requests; a full read makes at most ceil(N/500) + 5 requests with the
 * bot flag; each page that needs an edit costs one edit request.
 *
 * The generated requests were filed more than 14 days ago and none has waited
 * past its stage's threshold, so the first run owes no filing notice and no
 * reminder: it compiles the table, statistics, agenda and export. The 10 changed
 * requests get a status typed by hand (`On Hold`) by a committee member; each then
 * needs one edit (the status normalised, the requester told).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Mwn } from 'mwn';
import { BotConfig, configFromEnv, MAX_PAGE_BYTES, PlanConfig } from '../bot/config';
import { DEFAULT_SETTINGS, reminderDays } from '../shared/settings';
import { connect, siteOf } from '../bot/main';
import { isBotPage } from '../bot/plan/names';
import type { PageSnapshot } from '../bot/plan/types';
import { RunReport, runOnce } from '../bot/run';
import { ApiClient, ApiResponse, HelpdeskWiki } from '../bot/wiki';
import { statusRecord } from '../bot/plan/request-page';
import { renderRequestPage } from '../shared/codec';
import { COUNTRIES } from '../shared/countries';
import { emptyRequest, HelpdeskRequest, SUPPORT_KINDS } from '../shared/request';
import { Status, WORKING_GROUPS } from '../shared/status';
import { subpageName } from '../shared/title';
import { AGENDA_PAGE, REQUEST_TABLE_PAGE, STATISTICS_PAGE } from '../shared/pages';
import { createLocalWiki, LocalWiki, runMaintenance, setExtraSettings, startWiki, stopWiki } from './local-wiki/index';
import { onWikiPages } from './onwiki-pages';
import { freePort } from './local-wiki/ports';

function packageJson( path: string ): { name: string; version: string } {
	return JSON.parse( readFileSync( new URL( path, import.meta.url ), 'utf8' ) ) as { name: string; version: string };
}

const PACKAGE = packageJson( '../package.json' );
const MWN_VERSION = packageJson( '../node_modules/mwn/package.json' ).version;

const DAY = 86400000;
const CHANGED = 10;

// Generated requests ---------------------------------------------------------

/** A small deterministic generator, so that every run of the benchmark sees the same requests. */
function generator( seed: number ): () => number {
	let state = seed;
	return () => {
		state = ( state * 1103515245 + 12345 ) % 2147483648;
		return state / 2147483648;
	};
}

function iso( time: number ): string {
	return new Date( time ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/** Statuses in the proportions of a helpdesk some years old: most requests closed. */
const STATUS_MIX: [ Status, number ][] = [
	[ 'done', 30 ], [ 'declined', 10 ], [ 'withdrawn', 5 ], [ 'on-hold', 10 ], [ 'submitted', 8 ], [ 'initial-feedback', 8 ],
	[ 'working-group', 7 ], [ 'awaiting-final-go', 7 ], [ 'approved', 7 ], [ 'support-under-way', 8 ],
];

const LANGUAGES = [ 'en', 'en', 'en', 'sv', 'es', 'fr', 'ar', 'de', 'pt', 'sw' ];
const CONTENT = [ 'Photographs', 'Herbarium sheets', 'Newspaper scans', 'Museum object metadata', 'Audio recordings', 'Maps' ];

interface GeneratedRequest {
	title: string;
	request: HelpdeskRequest;
	/** Time of the page's one revision. */
	timestamp: string;
}

function generateRequests( count: number, now: number ): GeneratedRequest[] {
	const random = generator( 20260301 );
	const pick = <T>( list: readonly T[] ): T => list[ Math.floor( random() * list.length ) ];
	const total = STATUS_MIX.reduce( ( sum, [ , weight ] ) => sum + weight, 0 );
	const requests: GeneratedRequest[] = [];
	for ( let i = 1; i <= count; i++ ) {
		let roll = random() * total;
		const status = ( STATUS_MIX.find( ( [ , weight ] ) => ( roll -= weight ) < 0 ) || STATUS_MIX[ 0 ] )[ 0 ];
		// Filed 15 days to 3 years ago: too old for a filing notice.
		const filed = now - ( 15 + random() * 3 * 365 ) * DAY;
		// An open stage entered recently enough that nobody is owed a reminder yet.
		const threshold = reminderDays( DEFAULT_SETTINGS, status );
		const since = threshold ? Math.max( filed, now - random() * ( threshold - 2 ) * DAY ) : filed + random() * ( now - filed );
		const country = pick( COUNTRIES ).code;
		const request = Object.assign( emptyRequest( 'Requester ' + ( i % 400 + 1 ), iso( filed ), pick( LANGUAGES ) ), {
			title: 'Request ' + String( i ).padStart( 5, '0' ) + ': ' + pick( CONTENT ).toLowerCase() + ' from ' + country,
			affiliate: 'Wikimedia community of ' + country,
			country: country,
			partners: [ 'Partner institution ' + i ],
			support: SUPPORT_KINDS.filter( () => random() < 0.3 ).concat( [ pick( SUPPORT_KINDS ) ] )
				.filter( ( kind, index, all ) => all.indexOf( kind ) === index ),
			stage: 'agreement' as const,
			contentType: pick( CONTENT ),
			volume: 'about ' + Math.floor( 100 + random() * 5000 ) + ' items',
			projects: [ 'commons' as const, 'wikidata' as const ],
			description: 'We work with a partner that wants to share its collection. We need help with the upload, ' +
				'with the licences and with the metadata on Wikidata, and we would like to hear from others who did the same.',
			status: status,
			statusSince: iso( since ),
			workingGroup: status === 'working-group' ? pick( WORKING_GROUPS ) : '' as const,
		} );
		requests.push( { title: '', request: request, timestamp: iso( since ) } );
	}
	return requests;
}

const NAMESPACES: Readonly<Record<string, number>> = { Template: 10, Category: 14, Module: 828 };

function namespaceOf( title: string ): number {
	const prefix = title.slice( 0, title.indexOf( ':' ) );
	return Object.prototype.hasOwnProperty.call( NAMESPACES, prefix ) ? NAMESPACES[ prefix ] : 0;
}

function xmlText( text: string ): string {
	return text.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' ).replace( /"/g, '&quot;' );
}

interface DumpPage {
	title: string;
	text: string;
	user: string;
	timestamp: string;
	model?: string;
}

const FORMATS: Readonly<Record<string, string>> = { wikitext: 'text/x-wiki', json: 'application/json' };

/** An XML dump (Special:Export format) of the pages, for importDump.php. */
function dump( pages: DumpPage[] ): string {
	const parts = [ '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">' ];
	for ( const page of pages ) {
		const model = page.model || 'wikitext';
		parts.push( '<page><title>' + xmlText( page.title ) + '</title><ns>' + namespaceOf( page.title ) +
			'</ns><revision><timestamp>' + page.timestamp + '</timestamp><contributor><username>' + xmlText( page.user ) +
			'</username></contributor><comment>benchmark</comment><model>' + model + '</model><format>' +
			( FORMATS[ model ] || 'text/plain' ) + '</format><text xml:space="preserve">' + xmlText( page.text ) +
			'</text></revision></page>' );
	}
	parts.push( '</mediawiki>' );
	return parts.join( '\n' );
}

const COMMITTEE = [
	'{{Helpdesk committee member|user=Amara Okafor|notify=mention}}',
	'{{Helpdesk committee member|user=Lucía Fernández|notify=talk}}',
	'{{Helpdesk committee member|user=Kenji Watanabe|notify=mention}}',
	'{{Helpdesk committee member|user=Björn Lindqvist|notify=talk}}',
	'{{Helpdesk committee member|user=Chen Wei|notify=mention|away_until=2099-12-31}}',
	'{{Helpdesk committee member|user=Farah Haddad|notify=mention}}',
	'{{Helpdesk committee member|user=Gaurav Mehta|notify=mention}}',
	'{{Helpdesk committee member|user=Hana Sato|notify=mention}}',
].join( '\n' );

// The wiki -------------------------------------------------------------------

/** The Helpdesk's templates and module, and every request, in one import. */
async function fillWiki( wiki: LocalWiki, config: PlanConfig, requests: GeneratedRequest[], now: number ): Promise<number> {
	const setUp = iso( now - 4 * 365 * DAY );
	const pages: DumpPage[] = ( await onWikiPages() )
		.filter( ( page ) => !/^MediaWiki:/.test( page.title ) && page.title !== config.pages.committee )
		.map( ( page ) => ( { title: page.title, text: page.text, user: 'Admin', timestamp: setUp, model: page.contentModel } ) );
	pages.push( { title: config.pages.committee, text: COMMITTEE, user: 'Admin', timestamp: setUp } );
	pages.push( { title: config.pages.shutoff, text: 'run', user: 'Admin', timestamp: setUp } );
	requests.forEach( ( generated ) => {
		generated.title = config.pages.requestsPrefix + subpageName( generated.request.title );
		// As the import writes them: with their status recorded.
		const text = renderRequestPage( generated.request ) + statusRecord( generated.request.status, generated.request.statusSince );
		pages.push( { title: generated.title, text: text, user: generated.request.requester, timestamp: generated.timestamp } );
	} );
	const file = join( wiki.dir, 'bench-dump.xml' );
	await writeFile( file, dump( pages ) );
	const began = performance.now();
	// Without link updates: the pages are not parsed now, only when someone views them.
	await runMaintenance( wiki, 'importDump.php', [ '--no-updates', '--quiet', file ] );
	await rm( file );
	return performance.now() - began;
}

// The two bots -----------------------------------------------------------------

/** The naive reader: lists the request pages, then reads each with a request of its own. */
class PageByPageWiki extends HelpdeskWiki {
	private readonly client: ApiClient;

	private readonly prefix: { namespace: number; text: string };

	public constructor( client: ApiClient, site: ReturnType<typeof siteOf>, token: () => string ) {
		super( client, site, token );
		this.client = client;
		this.prefix = { namespace: site.requestsNamespace, text: site.requestsPrefixText };
	}

	public override async readAllRequests(): Promise<PageSnapshot[]> {
		const titles: string[] = [];
		let next: Record<string, string> | undefined = {};
		while ( next ) {
			const response: ApiResponse = await this.client.request( Object.assign( {
				action: 'query', format: 'json', formatversion: '2', list: 'allpages',
				apnamespace: this.prefix.namespace, apprefix: this.prefix.text, aplimit: 'max',
			}, next ) );
			titles.push( ...response.query.allpages.map( ( page: { title: string } ) => page.title ) );
			next = response.continue;
		}
		return ( await this.readPages( titles ) ).pages;
	}

	public override async readPages( titles: string[], pageids: number[] = [] ): Promise<{ pages: PageSnapshot[]; missing: string[] }> {
		const pages: PageSnapshot[] = [];
		const missing: string[] = [];
		for ( const pageid of pageids ) {
			const one = await super.readPages( [], [ pageid ] );
			pages.push( ...one.pages );
			missing.push( ...one.missing );
		}
		for ( const title of titles ) {
			const response: ApiResponse = await this.client.request( {
				action: 'query', format: 'json', formatversion: '2', titles: title, prop: 'revisions', rvprop: 'ids|timestamp|user|content', rvslots: 'main',
			} );
			const page = response.query.pages[ 0 ];
			const revision = page.revisions && page.revisions[ 0 ];
			if ( revision ) {
				pages.push( { title: page.title, pageid: page.pageid, revid: revision.revid, timestamp: revision.timestamp, user: revision.user || '', text: revision.slots.main.content } );
			} else {
				missing.push( page.title );
			}
		}
		this.pagesRead += pages.length;
		return { pages: pages, missing: missing };
	}
}

type BotKind = 'bot' | 'naive';

interface Measured {
	size: number;
	bot: BotKind;
	run: string;
	report: RunReport;
	ms: number;
}

async function botRun( bot: Mwn, requests: () => number, config: BotConfig, kind: BotKind ): Promise<{ report: RunReport; ms: number }> {
	const api: ApiClient = bot;
	const site = siteOf( bot, config );
	const wiki = kind === 'naive' ? new PageByPageWiki( api, site, () => bot.csrfToken ) : new HelpdeskWiki( api, site, () => bot.csrfToken );
	const began = performance.now();
	const report = await runOnce( wiki, {
		plan: config.plan,
		editSpacingMs: 0,
		dryRun: false,
		forceFullScan: kind === 'naive',
		now: () => new Date(),
		sleep: async () => undefined,
		requestCount: requests,
	} );
	return { report: report, ms: performance.now() - began };
}

/** A committee member types `On Hold` into the status of each request. */
async function changeRequests( member: Mwn, titles: string[] ): Promise<void> {
	for ( const title of titles ) {
		const page = await member.read( title );
		const text = page.revisions![ 0 ].content!.replace( /^\| status = .*$/m, '| status = On Hold' );
		await member.request( { action: 'edit', title: title, text: text, summary: 'on hold: waiting for the partner', token: member.csrfToken } );
	}
}

const NAIVE = 'Content Partnerships Hub/Helpdesk/Naive/';

function configFor( wiki: LocalWiki, kind: BotKind ): BotConfig {
	// The naive bot compiles pages of its own, so that it too starts without state.
	const pages = kind === 'naive' ? {
		HELPDESK_EXPORT_PAGE: NAIVE + 'Requests.json',
		HELPDESK_EXPORT_PREFIX: NAIVE + 'Export/',
		HELPDESK_ARCHIVE_PREFIX: NAIVE + 'Archive/',
		HELPDESK_STATE_PAGE: NAIVE + 'Bot/State.json',
		HELPDESK_STATISTICS_DATA_PAGE: NAIVE + 'Export/Statistics.json',
		HELPDESK_AGENDA_PREFIX: NAIVE + 'Agenda/',
	} : {};
	return configFromEnv( Object.assign( {
		HELPDESK_API_URL: wiki.apiUrl,
		HELPDESK_BOT_USERNAME: wiki.credentials.bot.botUsername,
		HELPDESK_BOT_PASSWORD: wiki.credentials.bot.botPassword,
		HELPDESK_BOT_CONTACT: 'benchmark',
		HELPDESK_EDIT_SPACING_MS: '0',
	}, pages ), { bot: PACKAGE.version, mwn: MWN_VERSION }, () => null );
}

/**
 * The sizes of the bot's own pages (compiled pages, archive and export pages, its
 * state), against MediaWiki's limit on a page ($wgMaxArticleSize, 2048 KiB as on
 * Meta-Wiki).
 */
async function pageSizes( bot: Mwn, config: BotConfig ): Promise<string> {
	const pages = config.plan.pages;
	const helpdesk = 'Content Partnerships Hub/Helpdesk/';
	const sizes: { title: string; length: number }[] = [];
	let next: Record<string, string> | undefined = {};
	while ( next ) {
		const response: ApiResponse = await bot.request( Object.assign( {
			action: 'query', generator: 'allpages', gapnamespace: 0, gapprefix: helpdesk, gaplimit: 'max', prop: 'info',
		}, next ) );
		for ( const page of ( response.query && response.query.pages ) || [] ) {
			if ( page.title.indexOf( pages.requestsPrefix ) !== 0 && page.title.indexOf( NAIVE ) !== 0 && isBotPage( pages, page.title ) ) {
				sizes.push( { title: page.title, length: page.length } );
			}
		}
		next = response.continue;
	}
	const kib = ( bytes: number ): string => ( bytes / 1024 ).toFixed( 0 ) + ' KiB';
	const largest = sizes.reduce( ( max, page ) => Math.max( max, page.length ), 0 );
	const state = sizes.filter( ( page ) => page.title.indexOf( pages.state.replace( /\.json$/, '' ) ) === 0 );
	return sizes.length + ' pages, largest ' + kib( largest ) + '; state ' + kib( state.reduce( ( sum, page ) => sum + page.length, 0 ) ) +
		' on ' + state.length + ( state.length === 1 ? ' page' : ' pages' ) + '\n    ' +
		sizes.sort( ( a, b ) => a.title < b.title ? -1 : 1 ).map( ( page ) => page.title.slice( helpdesk.length ) + ' ' + kib( page.length ) ).join( ', ' );
}

/** The views the wiki renders from the bot's data pages. */
const VIEWS = [ REQUEST_TABLE_PAGE, STATISTICS_PAGE, AGENDA_PAGE ];

/**
 * How long the wiki takes to render each view afresh (no parser cache: its text
 * parsed as a new revision would be), with Scribunto's and the parser's own figures.
 */
async function renderTimes( bot: Mwn ): Promise<string> {
	const lines: string[] = [];
	for ( const title of VIEWS ) {
		const text = ( await bot.read( title ) ).revisions![ 0 ].content!;
		const began = performance.now();
		const response: ApiResponse = await bot.request( {
			action: 'parse', title: title, text: text, contentmodel: 'wikitext', prop: 'text|limitreportdata', disableeditsection: true,
		} );
		const ms = performance.now() - began;
		const report: Record<string, unknown> = {};
		( response.parse.limitreportdata || [] ).forEach( ( entry: { name: string; 0: unknown; 1?: unknown } ) => {
			report[ entry.name ] = entry[ 1 ] === undefined ? entry[ 0 ] : entry[ 0 ] + '/' + entry[ 1 ];
		} );
		const html = response.parse.text as string;
		const errors = ( html.match( /class="(?:error|scribunto-error)[^"]*"/g ) || [] ).length;
		lines.push( title.slice( title.lastIndexOf( '/' ) + 1 ) + ': ' + ( ms / 1000 ).toFixed( 2 ) + ' s, ' + ( html.length / 1024 ).toFixed( 0 ) +
			' KiB HTML, Lua ' + ( report[ 'scribunto-limitreport-timeusage' ] || '?' ) + ' s, post-expand include size ' +
			( report[ 'limitreport-postexpandincludesize' ] || '?' ) + ' bytes' + ( errors ? ', ' + errors + ' ERRORS' : '' ) );
	}
	return lines.join( '; ' );
}

async function benchmarkSize( size: number, log: ( line: string ) => void, sizes: string[], renders: string[] ): Promise<Measured[]> {
	const dir = await mkdtemp( join( tmpdir(), 'helpdesk-bench-wiki-' ) );
	const measured: Measured[] = [];
	try {
		const wiki = await createLocalWiki( { dir: dir, port: await freePort(), siteName: 'Helpdesk benchmark wiki' } );
		await startWiki( wiki );
		const now = Date.now();
		const requests = generateRequests( size, now );
		const importMs = await fillWiki( wiki, configFor( wiki, 'bot' ).plan, requests, now );
		log( size + ' requests imported in ' + ( importMs / 1000 ).toFixed( 1 ) + ' s' );
		// As on Meta-Wiki, the job queue runs apart from the web requests (the local wiki runs
		// it after every API write, for its tests): a view re-rendered after its data page
		// changed is the job runners' work, not the bot's wait.
		await setExtraSettings( wiki, '$wgJobRunRate = 0;\n$wgHooks[\'APIAfterExecute\'] = [];' );
		const member = wiki.credentials.users.find( ( user ) => user.role === 'committee' )!;
		const memberClient = await Mwn.init( {
			apiUrl: wiki.apiUrl, username: member.username, password: member.password,
			userAgent: 'HelpdeskBenchmark (' + PACKAGE.name + ') mwn', silent: true, suppressAPIWarnings: true,
		} );
		const open = requests.filter( ( generated ) => [ 'submitted', 'initial-feedback', 'awaiting-final-go', 'approved' ].includes( generated.request.status ) );
		for ( const kind of [ 'bot', 'naive' ] as BotKind[] ) {
			const config = configFor( wiki, kind );
			const { bot, requests: count } = await connect( config );
			const record = async ( run: string ): Promise<void> => {
				const { report, ms } = await botRun( bot, count, config, kind );
				measured.push( { size: size, bot: kind, run: run, report: report, ms: ms } );
				log( [ size, kind, run, report.apiRequests + ' API requests', report.edits.length + ' edits', ( ms / 1000 ).toFixed( 1 ) + ' s' ].join( ' · ' ) +
					( report.stopped ? ' · stopped: ' + report.stopped.message : '' ) );
			};
			await record( 'first run' );
			if ( kind === 'bot' ) {
				sizes.push( size + ' requests: ' + await pageSizes( bot, config ) );
				renders.push( size + ' requests: ' + await renderTimes( bot ) );
			}
			await record( 'idle re-run' );
			// Ten requests spread over the whole range, different ones for each bot.
			const step = Math.floor( open.length / ( CHANGED * 2 ) );
			const changed = Array.from( { length: CHANGED }, ( _, i ) => open[ ( 2 * i + ( kind === 'naive' ? 1 : 0 ) ) * step ].title );
			await changeRequests( memberClient, changed );
			await record( CHANGED + ' changed' );
		}
	} finally {
		await stopWiki( { dir: dir } );
		await rm( dir, { recursive: true, force: true } );
	}
	return measured;
}

// The table ------------------------------------------------------------------

function editCounts( report: RunReport ): { requests: number; saved: number; failed: string[] } {
	return {
		requests: report.edits.length,
		saved: report.edits.filter( ( edit ) => edit.result === 'saved' ).length,
		failed: report.edits.filter( ( edit ) => edit.result === 'failed' ).map( ( edit ) => edit.title + ': ' + ( edit.error || '' ) ),
	};
}

function goal( row: Measured ): string {
	const { report } = row;
	const edits = editCounts( report );
	const reads = report.apiRequests - edits.requests;
	if ( row.bot === 'naive' ) {
		return '';
	}
	if ( row.run === 'idle re-run' ) {
		return report.apiRequests <= 5 && edits.saved === 0 ? 'met (≤ 5 requests, 0 edits)' : 'MISSED (≤ 5 requests, 0 edits)';
	}
	if ( row.run === 'first run' ) {
		const limit = Math.ceil( row.size / 500 ) + 5;
		return ( reads <= limit ? 'met' : 'MISSED' ) + ' (reads ≤ ' + limit + ')';
	}
	const requestEdits = report.edits.filter( ( edit ) => edit.kind === 'request' ).length;
	return ( requestEdits === CHANGED ? 'met' : 'MISSED' ) + ' (' + requestEdits + ' request edits for ' + CHANGED + ' pages)';
}

function printTable( rows: Measured[] ): void {
	const lines: string[][] = [ [ 'N', 'bot', 'run', 'API requests', 'reads', 'edits', 'pages read', 'wall time', 'goal' ] ];
	rows.forEach( ( row ) => {
		const edits = editCounts( row.report );
		lines.push( [
			String( row.size ), row.bot === 'bot' ? 'bot' : 'naive (page by page)', row.run,
			String( row.report.apiRequests ), String( row.report.apiRequests - edits.requests ),
			String( edits.saved ) + ( edits.failed.length ? ' (+' + edits.failed.length + ' failed)' : '' ),
			String( row.report.pagesRead ), ( row.ms / 1000 ).toFixed( 2 ) + ' s', goal( row ),
		] );
	} );
	const widths = lines[ 0 ].map( ( _, column ) => Math.max( ...lines.map( ( line ) => line[ column ].length ) ) );
	lines.forEach( ( line, index ) => {
		console.log( '| ' + line.map( ( cell, column ) => cell.padEnd( widths[ column ] ) ).join( ' | ' ) + ' |' );
		if ( index === 0 ) {
			console.log( '|' + widths.map( ( width ) => '-'.repeat( width + 2 ) ).join( '|' ) + '|' );
		}
	} );
	const failures = rows.flatMap( ( row ) => editCounts( row.report ).failed.map( ( failure ) => row.size + ' ' + row.bot + ' ' + row.run + ': ' + failure ) );
	if ( failures.length ) {
		console.log( '\nFailed edits:\n' + Array.from( new Set( failures ) ).join( '\n' ) );
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs( { options: { sizes: { type: 'string', default: '100,1000,5000' } } } );
	const sizes = values.sizes.split( ',' ).map( ( size ) => Number( size.trim() ) );
	if ( sizes.some( ( size ) => !Number.isInteger( size ) || size < CHANGED * 2 ) ) {
		throw new Error( '--sizes takes whole numbers of at least ' + CHANGED * 2 + ', e.g. --sizes 100,1000' );
	}
	const rows: Measured[] = [];
	const pageSizeLines: string[] = [];
	const renderLines: string[] = [];
	for ( const size of sizes ) {
		rows.push( ...await benchmarkSize( size, ( line ) => console.error( line ), pageSizeLines, renderLines ) );
	}
	console.log( '' );
	printTable( rows );
	console.log( '\nWall time of the naive bot over the bot (goal: at least 10× at N = 1,000 for a run after changes):' );
	for ( const size of sizes ) {
		const ratio = ( run: string ): string => {
			const bot = rows.find( ( row ) => row.size === size && row.bot === 'bot' && row.run === run );
			const naive = rows.find( ( row ) => row.size === size && row.bot === 'naive' && row.run === run );
			return bot && naive ? ( naive.ms / bot.ms ).toFixed( 1 ) + '×' : '?';
		};
		console.log( '  N = ' + size + ': first run ' + ratio( 'first run' ) + ', idle re-run ' + ratio( 'idle re-run' ) + ', ' + CHANGED + ' changed ' +
			ratio( CHANGED + ' changed' ) );
	}
	console.log( '\nThe views, rendered afresh by the wiki from the data pages after the first run:\n' + renderLines.join( '\n' ) );
	console.log( '\nThe bot\'s pages after the first run (limit ' + ( MAX_PAGE_BYTES / 1000 ).toFixed( 0 ) + ' kB; MediaWiki refuses a text over 2048 KiB):\n' +
		pageSizeLines.join( '\n' ) );
}

main().catch( ( error: unknown ) => {
	console.error( error instanceof Error ? error.stack || error.message : error );
	process.exitCode = 1;
} );
