/**
 * Pages that stay within the wiki's page size limit at any number of requests:
 * the state on pages of the bot's own, split when large; the export and the
 * table's archive over numbered pages; what cannot fit cut with a note. And the
 * state's use: an idle run stops after its first request, the export is trusted
 * only as the bot saved it, a crash or a lost state ends in the same pages.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_PLAN_CONFIG, PlanConfig } from '../../../bot/config';
import { parseCommittee } from '../../../bot/plan/committee';
import { basisOf, recheckTime } from '../../../bot/plan/index';
import { pack, storedJson } from '../../../bot/plan/json-page';
import { partOf, partTitle } from '../../../bot/plan/names';
import { AGENDA_MAX_BYTES, renderAgenda, renderExport } from '../../../bot/plan/pages';
import { readState, statePages } from '../../../bot/plan/state';
import { statusKey } from '../../../bot/plan/request-page';
import type { Attention, BotState, PageSnapshot, RequestRecord } from '../../../bot/plan/types';
import { marker } from '../../../bot/plan/wikitext';
import { STATE_PARTS_FIRST_READ } from '../../../bot/run';
import type { HelpdeskRequest } from '../../../shared/request';
import type { Status } from '../../../shared/status';
import { apiError, InMemoryActionApi } from './fake-api';
import {
	addSignOff, botPageSizes, dataPage, exportedRequests, fixture, makeWiki, mentionCounts, PAGES, PREFIX, requestText, runBot, smallPages,
} from './helpers';
import { AGENDA_PAGE, REQUEST_TABLE_PAGE, STATISTICS_PAGE } from '../../../shared/pages';

const ARCHIVE = DEFAULT_PLAN_CONFIG.pages.archivePrefix;
const EXPORT = DEFAULT_PLAN_CONFIG.pages.exportPrefix;
const committee = parseCommittee( fixture( 'committee.wiki' ), 'Helpdesk committee member' );

function bytes( text: string ): number {
	return Buffer.byteLength( text, 'utf8' );
}

function limited( maxPageBytes: number ): PlanConfig {
	return Object.assign( {}, DEFAULT_PLAN_CONFIG, { maxPageBytes: maxPageBytes } );
}

function record( index: number, fields: Partial<RequestRecord> = {} ): RequestRecord {
	return Object.assign( {
		page: PREFIX + 'Request ' + String( index ).padStart( 3, '0' ), pageid: index + 1, revid: 1000 + index, touched: '2026-02-01T00:00:00Z',
		problem: '', title: 'Request ' + index + ': photographs of a regional museum', requester: 'Requester ' + ( index % 7 ),
		affiliate: 'Wikimedia community of Ghana', individual: false, country: 'GH', support: [ 'mass-upload', 'copyright' ], language: 'en',
		filed: '2024-01-01T00:00:00Z', status: 'on-hold', statusSince: '2026-02-01T00:00:00Z', workingGroup: '', statusHistory: [],
		signOffs: [], verdicts: [], notices: [], attention: [], botsDenied: false, requesterValid: true, statusUnknown: '', processProblems: [],
		summary: { stage: '', volume: '', contentType: '', languages: [], excerpt: '', links: [], recommendation: null },
	}, fields, { proven: fields.proven || fields.status || 'on-hold' } ) as RequestRecord;
}

/** 60 open requests, 50 closed in 2025 and 10 in 2024. */
function manyRecords(): RequestRecord[] {
	return Array.from( { length: 120 }, ( _, i ) => i < 60 ? record( i ) :
		record( i, { status: 'done', statusSince: i < 110 ? '2025-06-01T00:00:00Z' : '2024-06-01T00:00:00Z' } ) );
}

describe( 'lists over pages', () => {
	test( 'pack fills pages in order and an entry added at the end changes only the last page', () => {
		const sizes = [ 4, 4, 4, 4, 4, 4, 4 ];
		const packed = pack( sizes.map( ( _, i ) => i ), () => 4, () => 10 );
		expect( packed.parts ).toEqual( [ [ 0, 1 ], [ 2, 3 ], [ 4, 5 ], [ 6 ] ] );
		expect( pack( [ 0, 1, 2, 3, 4, 5, 6, 7 ], () => 4, () => 10 ).parts.slice( 0, 3 ) ).toEqual( packed.parts.slice( 0, 3 ) );
		// An entry larger than any page is set apart; a first page with no room stays empty.
		expect( pack( [ 1, 50, 2 ], ( n ) => n, () => 10 ) ).toEqual( { parts: [ [ 1, 2 ] ], tooLarge: [ 50 ] } );
		expect( pack( [ 3, 3 ], ( n ) => n, ( part ) => part === 1 ? 0 : 10 ).parts ).toEqual( [ [], [ 3, 3 ] ] );
	} );

	test( 'numbered parts have names of their own that nothing else has', () => {
		expect( partTitle( 'A/State.json', 1 ) ).toBe( 'A/State.json' );
		expect( partTitle( 'A/State.json', 3 ) ).toBe( 'A/State/3.json' );
		expect( partTitle( 'A/Archive/2025', 2 ) ).toBe( 'A/Archive/2025/2' );
		expect( partOf( 'A/State.json', 'A/State/3.json' ) ).toBe( 3 );
		expect( partOf( 'A/State.json', 'A/State/1.json' ) ).toBe( 0 );
		expect( partOf( 'A/State.json', 'A/State/03.json' ) ).toBe( 0 );
		expect( partOf( 'A/Archive/2025', 'A/Archive/2025/2/x' ) ).toBe( 0 );
	} );
} );

describe( 'the export', () => {
	test( 'holds the open requests on its main page and the closed ones by year, no page over the limit', () => {
		const config = limited( 12000 );
		const records = manyRecords();
		const compiled = renderExport( records, committee, config, '2026-03-01T10:00:00Z' );
		const data = compiled.pages.filter( ( page ) => page.contentModel === 'json' );
		const titles = data.map( ( page ) => page.title );
		expect( titles[ titles.length - 1 ] ).toBe( PAGES.export );
		expect( titles ).toContain( EXPORT + 'Open/2.json' );
		expect( titles ).toContain( EXPORT + '2025.json' );
		expect( titles ).toContain( EXPORT + '2025/2.json' );
		expect( titles ).toContain( EXPORT + '2024.json' );
		for ( const page of data ) {
			expect( bytes( page.text ) ).toBeLessThanOrEqual( 12000 );
			// Sent as MediaWiki stores it, so the size and the SHA-1 are the wiki's.
			expect( page.text ).toBe( storedJson( JSON.parse( page.text ) ) );
		}
		const main = JSON.parse( data[ data.length - 1 ].text );
		expect( main.schema ).toBe( 3 );
		expect( main.requests.length ).toBeGreaterThan( 0 );
		expect( main.requests.every( ( request: RequestRecord ) => request.status === 'on-hold' ) ).toBe( true );
		expect( main.pages.map( ( entry: { title: string } ) => entry.title ).sort() ).toEqual( titles.slice( 0, -1 ).sort() );
		// Every request once, with the counts the main page gives.
		const all = data.flatMap( ( page ) => JSON.parse( page.text ).requests as RequestRecord[] );
		expect( all.map( ( request ) => request.page ).sort() ).toEqual( records.map( ( entry ) => entry.page ).sort() );
		for ( const entry of main.pages ) {
			const page = JSON.parse( data.find( ( candidate ) => candidate.title === entry.title )!.text );
			expect( page.requests ).toHaveLength( entry.requests );
			expect( page.index ).toBe( PAGES.export );
			expect( page ).toMatchObject( { schema: 3, closedIn: entry.closedIn, part: entry.part } );
			expect( page.requests.every( ( request: { status: string; since: string } ) => entry.closedIn === null ?
				request.status === 'on-hold' : request.status === 'done' && request.since.slice( 0, 4 ) === entry.closedIn ) ).toBe( true );
		}
		expect( compiled.attention ).toEqual( [] );
	} );

	test( 'a record too large for any page is left out and needs attention; the rest is unchanged', () => {
		const config = limited( 12000 );
		const huge = record( 5, { title: 'Huge '.repeat( 4000 ) } );
		const records = manyRecords().map( ( entry, i ) => i === 5 ? huge : entry );
		const compiled = renderExport( records, committee, config, '2026-03-01T10:00:00Z' );
		expect( compiled.pages.every( ( page ) => bytes( page.text ) <= 12000 ) ).toBe( true );
		expect( compiled.attention ).toEqual( [ { page: huge.page, code: 'too-large', params: [],
			reason: 'Its record is larger than the size limit of 12,000 bytes: it is left out of the data pages.' } ] );
		const all = compiled.pages.filter( ( page ) => page.contentModel === 'json' ).flatMap( ( page ) => JSON.parse( page.text ).requests as RequestRecord[] );
		expect( all ).toHaveLength( 119 );
		expect( all.map( ( request ) => request.page ) ).not.toContain( huge.page );
		// The others are as they would be without it: the same requests, the closed ones on the very same pages.
		const without = renderExport( records.filter( ( entry ) => entry !== huge ), committee, config, '2026-03-01T10:00:00Z' );
		const pagesOf = ( list: { title: string; sha1: string }[] ): string[] => list.filter( ( page ) => /Export\/20\d\d/.test( page.title ) ).map( ( page ) => page.title + ' ' + page.sha1 );
		expect( pagesOf( compiled.pages ) ).toEqual( pagesOf( without.pages ) );
		expect( pagesOf( compiled.pages ).length ).toBeGreaterThan( 2 );
		const requestsOf = ( list: { contentModel?: string; text: string }[] ): unknown[] => list.filter( ( page ) => page.contentModel === 'json' )
			.flatMap( ( page ) => JSON.parse( page.text ).requests as { page: string }[] ).sort( ( a, b ) => a.page < b.page ? -1 : 1 );
		expect( requestsOf( compiled.pages ) ).toEqual( requestsOf( without.pages ) );
	} );
} );

describe( 'the views of the data pages, what needs attention and the agenda', () => {
	test( 'one view per year closed and per further page of open requests, each made once; the pages are listed', () => {
		const compiled = renderExport( manyRecords(), committee, limited( 12000 ), '2026-03-01T10:00:00Z' );
		const views = compiled.pages.filter( ( page ) => page.createOnly );
		const json = compiled.pages.filter( ( page ) => page.contentModel === 'json' ).map( ( page ) => page.title );
		const openParts = json.filter( ( title ) => title.indexOf( EXPORT + 'Open/' ) === 0 ).length;
		expect( openParts ).toBeGreaterThan( 0 );
		expect( views.map( ( page ) => [ page.title, page.text ] ) ).toEqual( [
			...Array.from( { length: openParts }, ( _, i ) => [ ARCHIVE + 'Open/' + ( i + 2 ), '{{#invoke:Helpdesk views|table|part=' + ( i + 2 ) + '}}' ] ),
			[ ARCHIVE + '2024', '{{#invoke:Helpdesk views|archive|year=2024}}' ],
			[ ARCHIVE + '2025', '{{#invoke:Helpdesk views|archive|year=2025}}' ],
		] );
		// No view is a data page, and none lives under the requests prefix.
		expect( views.every( ( page ) => page.contentModel === undefined && page.title.indexOf( PREFIX ) !== 0 ) ).toBe( true );
		expect( compiled.attention ).toEqual( [] );
		// With the default limit, the open requests all fit on the main page and no open view is made.
		const roomy = renderExport( manyRecords(), committee, DEFAULT_PLAN_CONFIG, '2026-03-01T10:00:00Z' );
		expect( JSON.parse( roomy.pages.find( ( page ) => page.title === PAGES.export )!.text ).requests ).toHaveLength( 60 );
		expect( roomy.pages.map( ( page ) => page.title ).filter( ( title ) => title.includes( 'Open/' ) ) ).toEqual( [] );
	} );

	test( 'notes of other pages are on the attention list; the list is cut at a quarter of the main page, with a note', () => {
		const note: Attention = { page: PAGES.agendaPrefix + '2026-12-10.json', code: 'agenda-cut', params: [ '3' ], reason: 'The agenda reached the size limit of 12,000 bytes: 3 requests are not on it.' };
		const main = ( compiled: { pages: { title: string; text: string }[] } ): { attention: Record<string, unknown>[] } => JSON.parse(
			compiled.pages.find( ( page ) => page.title === PAGES.export )!.text );
		const one = renderExport( [ record( 1 ) ], committee, DEFAULT_PLAN_CONFIG, '2026-03-01T10:00:00Z', [ note ] );
		expect( main( one ).attention ).toEqual( [ { page: note.page, code: 'agenda-cut', params: [ '3' ], text: note.reason } ] );
		const many: Attention[] = Array.from( { length: 200 }, ( _, i ) => ( { page: PREFIX + 'Request ' + i, code: 'check-fields', params: [],
			reason: 'Something to look at on request ' + i + ', described at some length so that the list grows quickly.' } ) );
		const cut = renderExport( manyRecords(), committee, limited( 12000 ), '2026-03-01T10:00:00Z', many );
		const listed = main( cut ).attention;
		const shown = listed.filter( ( item ) => item.code === 'check-fields' ).length;
		expect( shown ).toBeGreaterThan( 0 );
		expect( shown ).toBeLessThan( 200 );
		expect( bytes( JSON.stringify( listed.filter( ( item ) => item.code === 'check-fields' ), null, '\t' ) ) ).toBeLessThanOrEqual( 3000 );
		expect( cut.attention ).toContainEqual( { page: PAGES.export, code: 'attention-cut', params: [ String( 200 - shown ) ],
			reason: 'The list of what needs attention reached a quarter of the size limit of 12,000 bytes: ' + ( 200 - shown ) + ' more are not listed.' } );
		expect( cut.pages.every( ( page ) => bytes( page.text ) <= 12000 ) ).toBe( true );
	} );

	test( 'the agenda is cut with a note when too long', () => {
		const attention: Attention[] = [];
		const waiting = Array.from( { length: 80 }, ( _, i ) => record( i, { status: 'submitted' } ) );
		const [ agenda, view ] = renderAgenda( waiting, committee, limited( 12000 ), '2026-03-01T10:00:00Z', attention );
		expect( view.createOnly ).toBe( true );
		expect( bytes( agenda.text ) ).toBeLessThanOrEqual( 12000 );
		const shown = JSON.parse( agenda.text ).requests.length;
		expect( shown ).toBeGreaterThan( 0 );
		expect( shown ).toBeLessThan( 80 );
		expect( attention ).toEqual( [ { page: agenda.title, code: 'agenda-cut', params: [ String( 80 - shown ) ],
			reason: 'The agenda reached the size limit of 12,000 bytes: ' + ( 80 - shown ) + ' requests are not on it.' } ] );
		// With room, every one is on it and nothing is noted.
		const roomy: Attention[] = [];
		expect( JSON.parse( renderAgenda( waiting, committee, DEFAULT_PLAN_CONFIG, '2026-03-01T10:00:00Z', roomy )[ 0 ].text ).requests ).toHaveLength( 80 );
		expect( roomy ).toEqual( [] );
	} );

	test( 'the agenda holds at most AGENDA_MAX_BYTES whatever the page limit, the oldest requests, the rest counted', () => {
		const attention: Attention[] = [];
		const waiting = Array.from( { length: 1500 }, ( _, i ) => record( i, { status: 'submitted' } ) );
		const [ agenda ] = renderAgenda( waiting, committee, DEFAULT_PLAN_CONFIG, '2026-03-01T10:00:00Z', attention );
		const data = JSON.parse( agenda.text );
		expect( bytes( agenda.text ) ).toBeLessThanOrEqual( AGENDA_MAX_BYTES );
		expect( bytes( agenda.text ) ).toBeGreaterThan( AGENDA_MAX_BYTES * 0.9 );
		expect( data.requests.length + data.notShown ).toBe( 1500 );
		expect( attention.map( ( item ) => item.code ) ).toEqual( [ 'agenda-cut' ] );
	} );
} );

describe( 'the state', () => {
	const state: BotState = {
		saved: '2026-03-01T10:00:00Z', rcid: 4711, recheck: '2026-03-15T09:00:00Z', basis: 'abc', compiled: [ PAGES.export ],
		signOffs: Array.from( { length: 200 }, ( _, i ) => ( {
			pageid: 200 - i,
			signOffs: [
				{ kind: 'feedback' as const, decision: '' as const, member: 'Amara Okafor', author: 'Amara Okafor', revid: 77, timestamp: '2026-02-02T00:00:00Z' },
				{ kind: 'final-go' as const, decision: 'no' as const, member: 'Hana Sato', author: 'Mallory', revid: 78, timestamp: '2026-02-03T00:00:00Z' },
			],
		} ) ),
	};
	const asRead = ( pages: { title: string; text: string }[], user = 'Helpdesk bot' ): PageSnapshot[] => pages.map( ( page, i ) => ( { title: page.title, pageid: 900 + i, revid: 90 + i, timestamp: '2026-03-01T10:00:00Z', user: user, text: page.text } ) );

	test( 'is compact, split over numbered pages under the limit, and reads back whole', () => {
		const one = statePages( DEFAULT_PLAN_CONFIG.pages, state, DEFAULT_PLAN_CONFIG.maxPageBytes );
		expect( one ).toHaveLength( 1 );
		// About 190 bytes a request with two sign-offs; nothing for a request without.
		expect( bytes( one[ 0 ].text ) / 200 ).toBeLessThan( 250 );
		const parts = statePages( DEFAULT_PLAN_CONFIG.pages, state, 5000 );
		expect( parts.map( ( part ) => part.title ) ).toEqual( [ PAGES.state ].concat(
			Array.from( { length: parts.length - 1 }, ( _, i ) => 'Content Partnerships Hub/Helpdesk/Bot/State/' + ( i + 2 ) + '.json' ) ) );
		expect( parts.length ).toBeGreaterThan( 4 );
		expect( parts.every( ( part ) => bytes( part.text ) <= 5000 ) ).toBe( true );
		const back = readState( DEFAULT_PLAN_CONFIG.pages, asRead( parts ), 'Helpdesk bot' )!;
		expect( back ).toEqual( Object.assign( {}, state, { signOffs: state.signOffs.slice().sort( ( a, b ) => a.pageid - b.pageid ) } ) );
	} );

	test( 'is not trusted when a part is missing, from another save, or edited by someone else', () => {
		const parts = asRead( statePages( DEFAULT_PLAN_CONFIG.pages, state, 5000 ) );
		const pages = DEFAULT_PLAN_CONFIG.pages;
		expect( readState( pages, parts.slice( 0, -1 ), 'Helpdesk bot' ) ).toBeNull();
		const other = statePages( pages, Object.assign( {}, state, { saved: '2026-03-01T10:15:00Z' } ), 5000 );
		expect( readState( pages, parts.slice( 0, 1 ).concat( asRead( other ).slice( 1 ) ), 'Helpdesk bot' ) ).toBeNull();
		expect( readState( pages, parts.map( ( part, i ) => i === 1 ? Object.assign( {}, part, { user: 'Mallory' } ) : part ), 'Helpdesk bot' ) ).toBeNull();
		expect( readState( pages, [ Object.assign( {}, parts[ 0 ], { text: '{"schema":2,"requests":[]}' } ) ], 'Helpdesk bot' ) ).toBeNull();
	} );
} );

describe( 'the time to look again', () => {
	test( 'is the first stage threshold, archive date or return from away after now', () => {
		// On hold never reminds the requester here (0 days: never); the default settings' 30 days below.
		const config = Object.assign( {}, DEFAULT_PLAN_CONFIG, { process: Object.assign( {}, DEFAULT_PLAN_CONFIG.process, {
			reminders: { parties: Object.assign( {}, DEFAULT_PLAN_CONFIG.process.reminders.parties, { requester: 0 } ), statuses: {} },
			meetings: [] } ) } );
		const records = [
			record( 1, { status: 'submitted', statusSince: '2026-03-01T09:00:00Z' } ),
			record( 2, { status: 'done', statusSince: '2026-01-01T12:00:00Z' } ),
			record( 3, { status: 'on-hold' } ),
		];
		// Submitted: a reminder round every 14 days; done on 1 January at 12:00: archived once more than 90 whole days passed, on 2 April at 12:00.
		const nobody = { members: [], problems: [] };
		expect( recheckTime( records, nobody, config, '2026-03-01T10:00:00Z' ) ).toBe( '2026-03-15T09:00:00Z' );
		expect( recheckTime( records, nobody, config, '2026-03-15T09:00:00Z' ) ).toBe( '2026-03-29T09:00:00Z' );
		expect( recheckTime( records.slice( 1 ), nobody, config, '2026-03-15T09:00:00Z' ) ).toBe( '2026-04-02T12:00:00Z' );
		// Chen Wei is away until 2026-03-31 (the fixture): back on 1 April.
		expect( recheckTime( records, committee, config, '2026-03-29T09:00:00Z' ) ).toBe( '2026-04-01T00:00:00Z' );
		expect( recheckTime( records.slice( 2 ), { members: [], problems: [] }, config, '2026-03-15T09:00:00Z' ) ).toBe( '' );
		// The default settings remind the requester of a request on hold after 30 days (since 1 February)…
		expect( recheckTime( records.slice( 2 ), nobody, Object.assign( {}, config, { process: Object.assign( {}, DEFAULT_PLAN_CONFIG.process, { meetings: [] } ) } ),
			'2026-02-15T00:00:00Z' ) ).toBe( '2026-03-03T00:00:00Z' );
		// …and the agenda moves on the day after each meeting.
		expect( recheckTime( records.slice( 2 ), nobody, Object.assign( {}, config, { process: Object.assign( {}, config.process, { meetings: [ '2026-03-20', '2026-04-17' ] } ) } ),
			'2026-03-15T09:00:00Z' ) ).toBe( '2026-03-21T00:00:00Z' );
	} );
} );

// Runs -------------------------------------------------------------------------

interface Filed {
	title: string;
	status: Status;
	statusSince: string;
}

/**
 * 60 open requests and 60 closed (50 in 2025, 10 in 2024), none owed a notice:
 * imported with their statuses, which the sign-offs need not bear out.
 */
function fill( wiki: InMemoryActionApi, count = 120 ): Filed[] {
	const filed: Filed[] = [];
	for ( let i = 0; i < count; i++ ) {
		const closed = i % 2 === 1;
		const fields: Partial<HelpdeskRequest> = {
			title: 'Request ' + i + ': photographs of a regional museum',
			requester: 'Requester ' + ( i % 7 ),
			filed: '2024-01-01T00:00:00Z',
			status: closed ? 'done' : i % 4 === 0 ? 'on-hold' : 'support-under-way',
			statusSince: closed ? ( i % 12 === 1 ? '2024-06-01T00:00:00Z' : '2025-06-01T00:00:00Z' ) : '2026-02-20T00:00:00Z',
		};
		const title = PREFIX + 'Request ' + String( i ).padStart( 3, '0' );
		wiki.save( title, requestText( fields ) + '\n' + marker( { k: statusKey( fields.status!, fields.statusSince! ), status: fields.status,
			since: fields.statusSince, imported: true } ), fields.requester! );
		filed.push( { title: title, status: fields.status!, statusSince: fields.statusSince! } );
	}
	return filed;
}

function setStatus( wiki: InMemoryActionApi, title: string, status: string, user: string ): void {
	wiki.save( title, wiki.text( title ).replace( /^\| status = .*$/m, '| status = ' + status ), user );
}

function revisions( wiki: InMemoryActionApi ): Record<string, number> {
	const result: Record<string, number> = {};
	wiki.pages.forEach( ( page, title ) => {
		result[ title ] = page.revisions[ page.revisions.length - 1 ].revid;
	} );
	return result;
}

describe( 'a helpdesk too large for single pages', () => {
	test( 'the first run splits every list under the limit; an idle run makes one request; a change edits only what changed', async () => {
		const wiki = makeWiki();
		const config = smallPages( wiki, 12000 );
		const filed = fill( wiki );
		const first = await runBot( wiki, { config: config } );
		expect( first.edits.filter( ( edit ) => edit.result === 'failed' ) ).toEqual( [] );
		expect( first.fullScan ).toBe( true );
		const sizes = botPageSizes( wiki );
		expect( Object.values( sizes ).every( ( size ) => size <= 12000 ) ).toBe( true );
		expect( Object.keys( sizes ) ).toEqual( expect.arrayContaining( [
			PAGES.statisticsData, PAGES.agendaPrefix + '2026-12-10.json', PAGES.export, PAGES.state, ARCHIVE + '2025', ARCHIVE + '2024',
			ARCHIVE + 'Open/2', EXPORT + '2025.json', EXPORT + '2025/2.json', EXPORT + 'Open/2.json',
		] ) );
		// The views the wiki's editors keep are not the bot's to make.
		[ REQUEST_TABLE_PAGE, STATISTICS_PAGE, AGENDA_PAGE ].forEach( ( title ) => expect( wiki.text( title ) ).toBe( '' ) );
		expect( exportedRequests( wiki, config ).map( ( request ) => request.page ).sort() ).toEqual( filed.map( ( request ) => request.title ) );
		// 60 open requests do not fit on the main page in 12,000 bytes: they go on over numbered pages, all listed.
		const main = dataPage( wiki, PAGES.export );
		const open = ( main.pages as { title: string; closedIn: string | null }[] ).filter( ( entry ) => entry.closedIn === null );
		expect( open.length ).toBeGreaterThan( 0 );
		open.forEach( ( entry ) => expect( sizes[ entry.title ] ).toBeGreaterThan( 0 ) );
		// Only the FAQ candidates, which cannot be split, are cut to fit, and that is said.
		expect( first.needsAttention.filter( ( item ) => /size limit/.test( item.reason ) ).map( ( item ) => item.code ) ).toEqual( [ 'faq-cut' ] );
		expect( sizes[ PAGES.faqCandidates ] ).toBeGreaterThan( 0 );

		wiki.tick( 15 );
		wiki.requests.length = 0;
		const idle = await runBot( wiki, { config: config } );
		expect( idle.apiRequests ).toBe( 1 );
		expect( idle.edits ).toEqual( [] );

		// A committee member puts five open requests on hold by hand.
		const before = revisions( wiki );
		const changed = filed.filter( ( request ) => request.status === 'support-under-way' ).slice( 0, 5 ).map( ( request ) => request.title );
		changed.forEach( ( title ) => setStatus( wiki, title, 'On Hold', 'Amara Okafor' ) );
		wiki.tick( 15 );
		wiki.requests.length = 0;
		const after = await runBot( wiki, { config: config } );
		// Anything changed: every request page is read again, 50 a request without the bot's high limits.
		expect( after.fullScan ).toBe( true );
		expect( after.edits.filter( ( edit ) => edit.kind === 'request' ).map( ( edit ) => edit.title ).sort() ).toEqual( changed );
		// Every other edit saved a page whose text changed; nothing about closed requests did.
		expect( after.edits.every( ( edit ) => edit.result === 'saved' ) ).toBe( true );
		const edited = after.edits.map( ( edit ) => edit.title );
		expect( edited ).toEqual( expect.arrayContaining( [ PAGES.export, PAGES.statisticsData, PAGES.state ] ) );
		expect( edited.filter( ( title ) => title.indexOf( ARCHIVE ) === 0 || /Export\/20\d\d/.test( title ) ) ).toEqual( [] );
		Object.keys( before ).filter( ( title ) => !edited.includes( title ) && !changed.includes( title ) ).forEach( ( title ) => {
			expect( revisions( wiki )[ title ] ).toBe( before[ title ] );
		} );
		expect( exportedRequests( wiki, config ).filter( ( request ) => changed.includes( request.page ) ).map( ( request ) => request.status ) )
			.toEqual( [ 'on-hold', 'on-hold', 'on-hold', 'on-hold', 'on-hold' ] );
		wiki.tick( 15 );
		expect( ( await runBot( wiki, { config: config } ) ).edits ).toEqual( [] );
	} );

	test( 'a state larger than the first request reads costs one request more, no edit', async () => {
		const wiki = makeWiki();
		// A run's state over more parts than the first request asks for.
		const state: BotState = {
			saved: wiki.clock, rcid: wiki.changes.length, recheck: '', basis: basisOf( wiki.text( PAGES.committee ), null, DEFAULT_PLAN_CONFIG, wiki.botName ),
			compiled: [],
			signOffs: Array.from( { length: 300 }, ( _, i ) => ( { pageid: 5000 + i, signOffs: [
				{ kind: 'feedback' as const, decision: '' as const, member: 'Amara Okafor', author: 'Amara Okafor', revid: 77, timestamp: '2026-02-02T00:00:00Z' },
			] } ) ),
		};
		const parts = statePages( DEFAULT_PLAN_CONFIG.pages, state, 5000 );
		expect( parts.length ).toBeGreaterThan( STATE_PARTS_FIRST_READ );
		wiki.tick( 1 );
		parts.forEach( ( part ) => wiki.save( part.title, part.text, wiki.botName ) );
		wiki.tick( 15 );
		wiki.requests.length = 0;
		const idle = await runBot( wiki );
		expect( idle.fullScan ).toBe( false );
		expect( idle.apiRequests ).toBe( 2 );
		expect( wiki.requests[ 1 ].titles ).toBe( parts.slice( STATE_PARTS_FIRST_READ ).map( ( part ) => part.title ).join( '|' ) );
		expect( idle.edits ).toEqual( [] );
	} );
} );

describe( 'resuming', () => {
	test( 'a run stopped while saving the compiled pages and the state converges on the next, with nothing sent twice', async () => {
		const wiki = makeWiki();
		const config = smallPages( wiki, 12000 );
		fill( wiki, 40 );
		wiki.save( PREFIX + 'Kumasi', requestText( {} ), 'Kofi Mensah' );
		let kills = 0;
		wiki.beforeEdit = ( params ) => {
			if ( params.title === EXPORT + 'Open/2.json' || ( params.title === PAGES.state && kills < 2 ) ) {
				kills++;
				wiki.beforeEdit = null;
				throw apiError( 'readonly', 'The wiki is in read-only mode.' );
			}
		};
		const killed = await runBot( wiki, { config: config } );
		expect( killed.ok ).toBe( false );
		expect( wiki.text( PAGES.state ) ).toBe( '' );
		wiki.tick( 15 );
		const rerun = await runBot( wiki, { config: config } );
		expect( rerun.ok ).toBe( true );
		expect( mentionCounts( wiki )[ 'Amara Okafor' ] ).toBe( 1 );
		expect( rerun.notices ).toEqual( [] );
		wiki.tick( 15 );
		wiki.requests.length = 0;
		const idle = await runBot( wiki, { config: config } );
		expect( idle.edits ).toEqual( [] );
		expect( idle.apiRequests ).toBe( 1 );
	} );

	test( 'an export page someone else edited is not trusted: every request page is read and the page restored', async () => {
		const wiki = makeWiki();
		const config = smallPages( wiki, 12000 );
		const filed = fill( wiki, 60 );
		await runBot( wiki, { config: config } );
		const part = EXPORT + '2025.json';
		const saved = wiki.text( part );
		wiki.save( part, saved.replace( /"title": "Request/g, '"title": "Forged request' ), 'Mallory' );
		wiki.tick( 15 );
		const report = await runBot( wiki, { config: config } );
		expect( report.fullScan ).toBe( true );
		expect( report.edits.map( ( edit ) => edit.title ) ).toEqual( [ part, PAGES.state ] );
		expect( wiki.text( part ) ).toBe( saved );
		// Then the bot is idle again.
		wiki.tick( 15 );
		expect( ( await runBot( wiki, { config: config } ) ).fullScan ).toBe( false );
		expect( filed ).toHaveLength( 60 );
	} );

	test( 'a state page someone else edited is not trusted: every request page is read', async () => {
		const wiki = makeWiki();
		fill( wiki, 10 );
		await runBot( wiki );
		wiki.save( PAGES.state, wiki.text( PAGES.state ).replace( '"recheck": "', '"recheck": "2099' ), 'Mallory' );
		wiki.tick( 15 );
		const report = await runBot( wiki );
		expect( report.fullScan ).toBe( true );
		expect( report.edits.map( ( edit ) => edit.title ) ).toEqual( [ PAGES.state ] );
		expect( wiki.latest( PAGES.state )!.user ).toBe( 'Helpdesk bot' );
	} );
} );

describe( 'time passing with no edit', () => {
	test( 'a closed request moves to the data page of the year it was closed on its day, and not before', async () => {
		const wiki = makeWiki();
		const title = PREFIX + 'Closed';
		wiki.save( title, requestText( { title: 'Closed request', status: 'withdrawn', filed: '2025-11-01T00:00:00Z', statusSince: '2025-12-10T12:00:00Z' } ), 'Kofi Mensah' );
		// Only the state's time to look again moves the request.
		await runBot( wiki );
		expect( dataPage( wiki, PAGES.export ).requests!.map( ( request ) => request.page ) ).toEqual( [ title ] );
		expect( dataPage( wiki, PAGES.export ).pages ).toEqual( [] );
		// 90 whole days after 10 December 12:00 is 10 March 12:00; archived once more have passed, from 11 March 12:00.
		wiki.setClock( '2026-03-11T11:00:00Z' );
		wiki.requests.length = 0;
		const before = await runBot( wiki );
		expect( before.apiRequests ).toBe( 1 );
		wiki.setClock( '2026-03-11T13:00:00Z' );
		const due = await runBot( wiki );
		expect( due.fullScan ).toBe( true );
		// Only the pages whose data changed: the statistics and the agenda carry no date of their own.
		expect( due.edits.map( ( edit ) => edit.title ) ).toEqual( [ EXPORT + '2025.json', PAGES.export, ARCHIVE + '2025', PAGES.state ] );
		expect( dataPage( wiki, PAGES.export ).requests ).toEqual( [] );
		expect( dataPage( wiki, PAGES.export ).pages ).toEqual( [ { title: EXPORT + '2025.json', closedIn: '2025', part: 1, requests: 1 } ] );
		expect( dataPage( wiki, EXPORT + '2025.json' ).requests!.map( ( request ) => request.page ) ).toEqual( [ title ] );
		expect( wiki.text( ARCHIVE + '2025' ) ).toBe( '{{#invoke:Helpdesk views|archive|year=2025}}' );
	} );

	test( 'an open request becomes overdue on its day, and not before: the data pages say so with no edit of the request', async () => {
		const wiki = makeWiki();
		// A working group whose settings name no contact: nobody to remind, so only the data pages change.
		const waiting = PREFIX + 'Waiting';
		wiki.save( waiting, requestText( { title: 'Waiting request', status: 'working-group', workingGroup: 'communication', filed: '2026-02-01T00:00:00Z',
			statusSince: '2026-02-10T12:00:00Z' } ), 'Kofi Mensah' );
		addSignOff( wiki, waiting, 'feedback', 'Amara Okafor' );
		await runBot( wiki );
		const entry = (): Record<string, unknown> => dataPage( wiki, PAGES.export ).requests![ 0 ];
		expect( entry() ).toMatchObject( { page: waiting, status: 'working-group', waitingOn: 'working-group', reminderDays: 30 } );
		expect( entry() ).not.toHaveProperty( 'overdue' );
		// 30 days after 10 February 12:00 is 12 March 12:00.
		wiki.setClock( '2026-03-12T11:00:00Z' );
		wiki.requests.length = 0;
		const before = await runBot( wiki );
		expect( before.apiRequests ).toBe( 1 );
		wiki.setClock( '2026-03-12T13:00:00Z' );
		const due = await runBot( wiki );
		expect( due.fullScan ).toBe( true );
		expect( due.edits.filter( ( edit ) => edit.kind === 'request' ) ).toEqual( [] );
		expect( due.edits.map( ( edit ) => edit.title ) ).toEqual( expect.arrayContaining( [ PAGES.export, PAGES.state ] ) );
		expect( entry() ).toMatchObject( { overdue: true, flags: [ 'overdue' ] } );
		expect( dataPage( wiki, PAGES.export ).attention ).toContainEqual( expect.objectContaining( { page: waiting, code: 'overdue',
			params: [ 'working-group', '30', '30' ] } ) );
	} );

	test( 'a data page no longer needed is emptied with a pointer, once; its view is left to the wiki', async () => {
		const wiki = makeWiki();
		const title = PREFIX + 'Closed';
		wiki.save( title, requestText( { title: 'Closed request', status: 'withdrawn', filed: '2024-11-01T00:00:00Z', statusSince: '2025-01-10T12:00:00Z' } ), 'Kofi Mensah' );
		await runBot( wiki );
		expect( dataPage( wiki, EXPORT + '2025.json' ).requests ).toMatchObject( [ { page: title } ] );
		expect( wiki.text( ARCHIVE + '2025' ) ).toBe( '{{#invoke:Helpdesk views|archive|year=2025}}' );
		const view = wiki.latest( ARCHIVE + '2025' )!.revid;
		setStatus( wiki, title, 'submitted', 'Kofi Mensah' );
		const report = await runBot( wiki );
		expect( report.edits.map( ( edit ) => edit.title ) ).toContain( EXPORT + '2025.json' );
		expect( dataPage( wiki, EXPORT + '2025.json' ) ).toEqual( { schema: 3, about: 'No longer used: see ' + PAGES.export + '.', index: PAGES.export, requests: [] } );
		expect( dataPage( wiki, PAGES.export ).pages ).toEqual( [] );
		expect( JSON.parse( wiki.text( PAGES.state ) ).compiled ).not.toContain( EXPORT + '2025.json' );
		expect( wiki.latest( ARCHIVE + '2025' )!.revid ).toBe( view );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );
} );
