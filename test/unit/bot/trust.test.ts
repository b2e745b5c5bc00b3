/**
 * What the committee must be able to trust: every value read from a page is
 * checked before it is used, pages that move or vanish are followed or reported,
 * a person's edit made while the bot works is never overwritten or ignored, and a
 * run ends honestly.
 */
import { describe, expect, test } from 'vitest';
import { exitCode } from '../../../bot/main';
import { apiError, InMemoryActionApi } from './fake-api';
import { dataPage, exportedRequests, makeWiki, mentionCounts, PAGES, PREFIX, requestText, runBot, signOffQuorum } from './helpers';

/** The data pages the bot writes, as one text. */
function dataText( wiki: InMemoryActionApi ): string {
	return [ PAGES.export, PAGES.statisticsData, PAGES.agendaPrefix + '2026-12-10.json' ].map( ( title ) => wiki.text( title ) ).join( '\n' );
}

const KUMASI = PREFIX + 'Kumasi photo archive';
const MENTION_MEMBERS = [ 'Amara Okafor', 'Diego Fernández', 'Eliška Nováková', 'Gaurav Mehta', 'Hana Sato' ];

function setParam( wiki: InMemoryActionApi, title: string, name: string, value: string, user: string ): void {
	wiki.save( title, wiki.text( title ).replace( new RegExp( '^\\| ' + name + ' =.*$', 'm' ), '| ' + name + ' = ' + value ), user );
}

/** Everything the bot wrote on wikitext pages (`title` alone, if given), for markup checks. */
function botText( wiki: InMemoryActionApi, title?: string ): string {
	return wiki.botRevisions().filter( ( revision ) => !/\.json$/.test( revision.title ) && ( !title || revision.title === title ) )
		.map( ( revision ) => revision.added ).join( '\n' );
}

describe( 'hand-typed values', () => {
	test( 'a requester that is no user name is shown as text, never a link target, and never told', async () => {
		const wiki = makeWiki();
		const hostile = 'X]] [[Category:Injected]] [[User:X';
		wiki.save( KUMASI, requestText( { requester: hostile, status: 'submitted' } ), 'Kofi Mensah' );
		const report = await runBot( wiki );
		// On the data pages it is text, and marked as no user name: the views show it as text.
		const entry = exportedRequests( wiki )[ 0 ];
		expect( entry.requester ).toBe( hostile );
		expect( entry ).not.toHaveProperty( 'requesterValid' );
		expect( dataPage( wiki, PAGES.agendaPrefix + '2026-12-10.json' ).requests ).toMatchObject( [ { requester: hostile } ] );
		expect( dataPage( wiki, PAGES.agendaPrefix + '2026-12-10.json' ).requests![ 0 ] ).not.toHaveProperty( 'requesterValid' );
		expect( botText( wiki ) ).not.toContain( 'Category:Injected]]' );
		expect( report.needsAttention.some( ( item ) => item.page === KUMASI && /is not a user name/.test( item.reason ) ) ).toBe( true );
		// A person changes the status, as the sign-offs bear out: the requester cannot be told, and nobody else is pinged in their stead.
		signOffQuorum( wiki, KUMASI );
		setParam( wiki, KUMASI, 'status', 'approved', 'Amara Okafor' );
		wiki.tick( 15 );
		const after = await runBot( wiki );
		expect( after.notices.filter( ( notice ) => notice.about === 'status' ) ).toEqual( [] );
		expect( mentionCounts( wiki ).X ).toBeUndefined();
	} );

	test( 'dates that do not exist or lie ahead are flagged and never make a reminder, a negative age or NaN', async () => {
		const wiki = makeWiki();
		const bad = [ '2024-05-01T25:61', '2026-00-10T03:58:40Z', '2025-02-29', '2999-01-01T00:00:00Z' ];
		bad.forEach( ( since, i ) => {
			const text = requestText( { title: 'Dated ' + i, filed: '2025-06-01T09:00:00Z', status: 'awaiting-final-go' } )
				.replace( /^\| status_since = .*$/m, '| status_since = ' + since );
			wiki.save( PREFIX + 'Dated ' + i, text, 'Kofi Mensah' );
		} );
		const report = await runBot( wiki );
		for ( const i of bad.keys() ) {
			expect( report.needsAttention.some( ( item ) => item.page === PREFIX + 'Dated ' + i && /status_since/.test( item.reason ) ) ).toBe( true );
		}
		expect( report.notices.filter( ( notice ) => notice.about === 'reminder' ) ).toEqual( [] );
		const everything = dataText( wiki ) + botText( wiki );
		expect( dataText( wiki ) ).toContain( 'Dated 3' );
		expect( everything ).not.toMatch( /NaN|-\d+ d\b|waited -|Invalid Date/ );
		// The bot dated each status itself: the next run changes nothing.
		wiki.tick( 15 );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );

	test( 'a 200 KB value is quoted shortened in the reasons', async () => {
		const wiki = makeWiki();
		const text = requestText( {} ).replace( /^\| status = .*$/m, '| status = ' + 'waiting for the museum '.repeat( 9000 ) );
		wiki.save( KUMASI, text, 'Kofi Mensah' );
		const report = await runBot( wiki );
		const reasons = report.needsAttention.filter( ( item ) => item.page === KUMASI );
		expect( reasons.length ).toBeGreaterThan( 0 );
		expect( Math.max( ...reasons.map( ( item ) => item.reason.length ) ) ).toBeLessThanOrEqual( 300 );
		expect( Math.max( ...dataText( wiki ).split( '\n' ).map( ( line ) => line.length ) ) ).toBeLessThan( 2000 );
		expect( exportedRequests( wiki )[ 0 ] ).toMatchObject( { status: 'unknown', statusText: expect.stringMatching( /^waiting for the museum .{0,60}…$/ ) } );
	} );

	test( 'a committee member or requester without an account is never counted as told, and is listed', async () => {
		const wiki = makeWiki();
		wiki.save( PAGES.committee, wiki.text( PAGES.committee ) + '\n{{Helpdesk committee member|user=Ghost Member|notify=mention}}', 'Admin' );
		wiki.save( KUMASI, requestText( { requester: 'Imported Requester' } ), 'Importer' );
		const report = await runBot( wiki );
		expect( mentionCounts( wiki )[ 'Ghost Member' ] ).toBeUndefined();
		expect( report.needsAttention ).toContainEqual( { page: PAGES.committee, code: 'committee', params: [],
			reason: 'Ghost Member has no account on this wiki: never notified.' } );
		signOffQuorum( wiki, KUMASI, 'no' );
		setParam( wiki, KUMASI, 'status', 'declined', 'Amara Okafor' );
		wiki.tick( 15 );
		const declined = await runBot( wiki );
		expect( mentionCounts( wiki )[ 'Imported Requester' ] ).toBeUndefined();
		expect( declined.needsAttention.some( ( item ) => item.page === KUMASI && /no account on this wiki for Imported Requester/.test( item.reason ) ) ).toBe( true );
		wiki.tick( 15 );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );

	test( 'the bot never mentions its own account', async () => {
		const wiki = makeWiki();
		wiki.save( PAGES.committee, wiki.text( PAGES.committee ) + '\n{{Helpdesk committee member|user=Helpdesk bot}}', 'Admin' );
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		expect( mentionCounts( wiki )[ 'Helpdesk bot' ] ).toBeUndefined();
		expect( botText( wiki, KUMASI ).match( /\[\[User:Helpdesk bot\|/g ) ).toHaveLength( 1 );
	} );
} );

describe( 'pages that are not requests for MediaWiki', () => {
	test( 'a redirect on top, or a BOM inside the braces, is no request: no notice, not counted', async () => {
		const wiki = makeWiki();
		wiki.save( PREFIX + 'Redirect first', '#REDIRECT [[Main Page]]\n' + requestText( {} ), 'Kofi Mensah' );
		wiki.save( PREFIX + 'Bom', requestText( {} ).replace( '{{Helpdesk request', '{{\uFEFFHelpdesk request' ), 'Kofi Mensah' );
		const report = await runBot( wiki );
		expect( report.notices ).toEqual( [] );
		expect( wiki.text( PREFIX + 'Redirect first' ) ).not.toContain( 'helpdesk-bot' );
		expect( exportedRequests( wiki ).map( ( request ) => [ request.page, !!request.problem ] ) ).toEqual( [ [ PREFIX + 'Bom', true ] ] );
		expect( dataPage( wiki, PAGES.statisticsData ) ).toMatchObject( { total: 0, unreadable: 1, byStatus: {} } );
	} );
} );

describe( 'pages that move or vanish', () => {
	test( 'a moved request keeps its notices and is counted once; its redirect is no request', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		wiki.move( KUMASI, PREFIX + 'Kumasi cultural centre' );
		wiki.tick( 15 );
		const report = await runBot( wiki );
		expect( report.notices ).toEqual( [] );
		expect( exportedRequests( wiki ).map( ( request ) => request.page ) ).toEqual( [ PREFIX + 'Kumasi cultural centre' ] );
		expect( report.needsAttention.filter( ( item ) => item.page === KUMASI ) ).toEqual( [] );
		// The status changes after the move, as the sign-offs bear out: the requester is told, once.
		signOffQuorum( wiki, PREFIX + 'Kumasi cultural centre' );
		setParam( wiki, PREFIX + 'Kumasi cultural centre', 'status', 'approved', 'Amara Okafor' );
		wiki.tick( 15 );
		await runBot( wiki );
		expect( mentionCounts( wiki )[ 'Kofi Mensah' ] ).toBe( 1 );
	} );

	test( 'a redirect out of the requests is reported, not counted', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		wiki.move( KUMASI, 'User:Kofi Mensah/Draft' );
		wiki.tick( 15 );
		const report = await runBot( wiki );
		expect( exportedRequests( wiki ) ).toEqual( [] );
		expect( report.needsAttention.some( ( item ) => item.page === KUMASI && /not to a request page/.test( item.reason ) ) ).toBe( true );
	} );

	test( 'a request deleted during the run is reported and skipped, not a failure', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.save( PREFIX + 'Lagos archive', requestText( { title: 'Lagos newspaper archive', requester: 'Ngozi Eze' } ), 'Ngozi Eze' );
		wiki.beforeEdit = ( params ) => {
			if ( params.title === KUMASI && wiki.pages.has( KUMASI ) ) {
				wiki.delete( KUMASI );
			}
		};
		const report = await runBot( wiki );
		wiki.beforeEdit = null;
		expect( exitCode( report ) ).toBe( 0 );
		expect( wiki.text( PREFIX + 'Lagos archive' ) ).toContain( 'a new request has been filed' );
		expect( exportedRequests( wiki ).map( ( request ) => request.page ) ).toEqual( [ PREFIX + 'Lagos archive' ] );
	} );
} );

describe( 'a person editing while the bot works', () => {
	test( 'a status changed right after the bot\'s edit is read back and acted on: no reminder for an approved request', async () => {
		const wiki = makeWiki();
		// Waiting 20 days for the committee: a reminder is due.
		wiki.save( KUMASI, requestText( { filed: '2026-02-01T09:00:00Z', statusSince: '2026-02-08T09:00:00Z', status: 'initial-feedback' } ), 'Kofi Mensah' );
		// The committee's sign-offs, which bear out the approval to come.
		signOffQuorum( wiki, KUMASI );
		let done = false;
		wiki.afterEdit = ( params ) => {
			if ( params.title === KUMASI && !done ) {
				done = true;
				setParam( wiki, KUMASI, 'status', 'approved', 'Amara Okafor' );
			}
		};
		const report = await runBot( wiki );
		wiki.afterEdit = null;
		expect( report.ok ).toBe( true );
		const text = wiki.text( KUMASI );
		expect( text ).toMatch( /^\| status = approved$/m );
		expect( mentionCounts( wiki )[ 'Kofi Mensah' ] ).toBe( 1 );
		expect( text ).toContain( 'approved: the Helpdesk will support it' );
		// The next run reads again (a person edited after the run began) and finds nothing to do but note that it looked,
		// and put the approval on the agenda's list of decisions, which goes up to the time a run starts.
		wiki.tick( 15 );
		expect( ( await runBot( wiki ) ).edits.map( ( edit ) => edit.title ) ).toEqual( [ PAGES.agendaPrefix + '2026-12-10.json', PAGES.state ] );
		expect( dataPage( wiki, PAGES.agendaPrefix + '2026-12-10.json' ).decided ).toMatchObject( [ { page: KUMASI, status: 'approved' } ] );
		wiki.tick( 15 );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );
} );

describe( 'runs end honestly', () => {
	test( 'a run out of time stops before its next edit, exits 3, and the next run finishes with nothing sent twice', async () => {
		const wiki = makeWiki();
		for ( let i = 0; i < 4; i++ ) {
			wiki.save( PREFIX + 'Request ' + i, requestText( { title: 'Request ' + i, requester: 'Kofi Mensah' } ), 'Kofi Mensah' );
		}
		// Every look at the clock takes a second; the budget is five.
		const stopped = await runBot( wiki, { budgetMs: 5000, msPerTick: 1000 } );
		expect( stopped.stopped!.code ).toBe( 'unfinished' );
		expect( exitCode( stopped ) ).toBe( 3 );
		wiki.tick( 15 );
		let runs = 0;
		// A run gets about one edit done: the request and talk pages, then each compiled page.
		for ( ; runs < 15 && exitCode( await runBot( wiki, { budgetMs: 5000, msPerTick: 1000 } ) ) !== 0; runs++ ) {
			wiki.tick( 15 );
		}
		expect( runs ).toBeLessThan( 15 );
		const counts = mentionCounts( wiki );
		MENTION_MEMBERS.forEach( ( name ) => expect( counts[ name ] ).toBe( 4 ) );
		expect( wiki.text( 'User talk:Farah Haddad' ).match( /^\* /gm ) ).toHaveLength( 4 );
	} );

	test( 'a protected request page fails the run (exit 1), and every next run tries again until it is done', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.beforeEdit = ( params ) => {
			if ( params.title === KUMASI ) {
				throw apiError( 'protectedpage', 'This page has been protected.' );
			}
		};
		expect( exitCode( await runBot( wiki ) ) ).toBe( 1 );
		wiki.tick( 15 );
		expect( exitCode( await runBot( wiki ) ) ).toBe( 1 );
		wiki.beforeEdit = null;
		wiki.tick( 15 );
		expect( exitCode( await runBot( wiki ) ) ).toBe( 0 );
		expect( mentionCounts( wiki ) ).toEqual( Object.fromEntries( MENTION_MEMBERS.map( ( name ) => [ name, 1 ] ) ) );
		wiki.tick( 15 );
		const idle = await runBot( wiki );
		expect( idle.apiRequests ).toBe( 1 );
	} );
} );
