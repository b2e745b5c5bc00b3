/**
 * The bot's runs against an in-memory wiki: notices once, reminders once per
 * period, sign-offs counted only from their real authors, hand-typed statuses
 * normalised in place, and a second run (or a run after a crash) changing nothing.
 */
import { describe, expect, test } from 'vitest';
import { exitCode } from '../../../bot/main';
import { apiError, InMemoryActionApi } from './fake-api';
import {
	dataPage, exportedRequests, fixture, makeWiki, mentionCounts, PAGES, PREFIX, requestText, runBot, saveSettings, signOffQuorum,
} from './helpers';

const KUMASI = PREFIX + 'Kumasi photo archive';
const MENTION_MEMBERS = [ 'Amara Okafor', 'Diego Fernández', 'Eliška Nováková', 'Gaurav Mehta', 'Hana Sato' ];
const TALK_MEMBERS = [ 'Björn Lindqvist', 'Farah Haddad' ];

function setRequestParam( wiki: InMemoryActionApi, title: string, name: string, value: string, user: string ): void {
	const text = wiki.text( title ).replace( new RegExp( '^\\| ' + name + ' =.*$', 'm' ), '| ' + name + ' = ' + value );
	wiki.save( title, text, user );
}

function addLine( wiki: InMemoryActionApi, title: string, line: string, user: string ): void {
	wiki.save( title, wiki.text( title ) + '\n' + line, user );
}

describe( 'a new request', () => {
	test( 'every available member is told once: mentions on the page, talk pages for those who chose it', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		const report = await runBot( wiki );
		expect( report.ok ).toBe( true );
		expect( mentionCounts( wiki ) ).toEqual( Object.fromEntries( MENTION_MEMBERS.map( ( name ) => [ name, 1 ] ) ) );
		// Chen Wei is away until 2026-03-31 and hears nothing.
		expect( wiki.text( KUMASI ) ).not.toContain( 'Chen Wei' );
		for ( const name of TALK_MEMBERS ) {
			const talk = wiki.text( 'User talk:' + name );
			expect( talk ).toContain( '[[' + KUMASI + '|Mass upload of the Kumasi cultural centre photo archive]]' );
			expect( talk.match( /^== /gm ) ).toHaveLength( 1 );
		}
		// Björn's first language is Swedish.
		expect( wiki.text( 'User talk:Björn Lindqvist' ) ).toContain( 'Ny förfrågan' );
		expect( wiki.text( 'User talk:Farah Haddad' ) ).toContain( 'New request' );
		// The ping edit adds exactly one signature, the bot's.
		const ping = wiki.botRevisions().find( ( revision ) => revision.title === KUMASI )!;
		expect( ping.added.match( /\[\[User:Helpdesk bot\|/g ) ).toHaveLength( 1 );
		expect( report.notices.map( ( notice ) => notice.channel ).sort() ).toEqual( [ 'mention', 'talk', 'talk' ] );
	} );

	test( 'a second run changes nothing and reads almost nothing', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		const editsBefore = wiki.edits;
		wiki.tick( 15 );
		const again = await runBot( wiki );
		expect( again.edits ).toEqual( [] );
		expect( again.notices ).toEqual( [] );
		expect( wiki.edits ).toBe( editsBefore );
		expect( again.fullScan ).toBe( false );
		// Shutoff, committee and state pages and the recent changes, in one request.
		expect( again.apiRequests ).toBe( 1 );
	} );

	test( 'several requests in one run: one talk page section per member, listing them all', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.save( PREFIX + 'Lagos archive', requestText( { title: 'Lagos newspaper archive', requester: 'Ngozi Eze', country: 'NG' } ), 'Ngozi Eze' );
		await runBot( wiki );
		const talk = wiki.text( 'User talk:Farah Haddad' );
		expect( talk.match( /^== /gm ) ).toHaveLength( 1 );
		expect( talk ).toContain( '2 requests need the Expert Committee' );
		expect( talk ).toContain( 'Lagos newspaper archive' );
		expect( wiki.latest( 'User talk:Farah Haddad' )!.revid ).toBe( wiki.pages.get( 'User talk:Farah Haddad' )!.revisions[ 0 ].revid );
	} );

	test( 'an old imported request gets no filing notice', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( { filed: '2025-06-01T09:00:00Z', statusSince: '2025-06-01T09:00:00Z' } ), 'Importer' );
		const report = await runBot( wiki );
		expect( report.notices.filter( ( notice ) => notice.about === 'filed' ) ).toEqual( [] );
	} );

	test( 'a talk page with {{nobots}} makes the member be mentioned instead', async () => {
		const wiki = makeWiki();
		wiki.save( 'User talk:Farah Haddad', '{{nobots}}\nPlease no bots here.', 'Farah Haddad' );
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		expect( wiki.text( 'User talk:Farah Haddad' ) ).toBe( '{{nobots}}\nPlease no bots here.' );
		expect( mentionCounts( wiki )[ 'Farah Haddad' ] ).toBe( 1 );
	} );
} );

describe( 'more than 50 mentions', () => {
	test( 'are split over several edits with at most 50 mentions and one signature each', async () => {
		const wiki = makeWiki();
		const members = Array.from( { length: 60 }, ( _, i ) => '{{Helpdesk committee member|user=Member ' + ( i + 1 ) + '}}' );
		wiki.save( PAGES.committee, members.join( '\n' ), 'Admin' );
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		const pings = wiki.botRevisions().filter( ( revision ) => revision.title === KUMASI );
		expect( pings.length ).toBe( 2 );
		for ( const ping of pings ) {
			const mentions = ( ping.added.match( /\[\[User:Member \d+\|/g ) || [] ).length;
			expect( mentions ).toBeLessThanOrEqual( 50 );
			expect( ping.added.match( /\[\[User:Helpdesk bot\|/g ) ).toHaveLength( 1 );
		}
		const counts = mentionCounts( wiki );
		expect( Object.keys( counts ) ).toHaveLength( 60 );
		expect( Object.values( counts ).every( ( count ) => count === 1 ) ).toBe( true );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );
} );

describe( 'a run stopped half-way', () => {
	test( 'by a read-only wiki between two edits, and run again, sends nothing twice and loses nothing', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.save( PREFIX + 'Lagos archive', requestText( { title: 'Lagos newspaper archive', requester: 'Ngozi Eze' } ), 'Ngozi Eze' );
		// The fourth edit (the second request page, after both talk pages and the first) never happens.
		wiki.beforeEdit = ( _params, count ) => {
			if ( count === 4 ) {
				throw apiError( 'readonly', 'The wiki is in read-only mode.' );
			}
		};
		const stopped = await runBot( wiki );
		expect( stopped.ok ).toBe( false );
		expect( exitCode( stopped ) ).toBe( 2 );
		expect( wiki.edits ).toBe( 4 );
		wiki.beforeEdit = null;
		wiki.tick( 15 );
		const rerun = await runBot( wiki );
		expect( rerun.ok ).toBe( true );
		const counts = mentionCounts( wiki );
		MENTION_MEMBERS.forEach( ( name ) => expect( counts[ name ] ).toBe( 2 ) );
		for ( const name of TALK_MEMBERS ) {
			expect( wiki.text( 'User talk:' + name ).match( /^\* /gm ) ).toHaveLength( 2 );
		}
		wiki.tick( 15 );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );

	test( 'an answer lost after the wiki saved the edit: the page is read again, nothing is sent twice', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.afterEdit = () => {
			throw new Error( 'socket hang up' );
		};
		const report = await runBot( wiki );
		wiki.afterEdit = null;
		expect( report.ok ).toBe( true );
		expect( mentionCounts( wiki ) ).toEqual( Object.fromEntries( MENTION_MEMBERS.map( ( name ) => [ name, 1 ] ) ) );
		for ( const name of TALK_MEMBERS ) {
			expect( wiki.text( 'User talk:' + name ).match( /^== /gm ) ).toHaveLength( 1 );
		}
		wiki.tick( 15 );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );
} );

describe( 'reminders', () => {
	test( 'go out once the stage waited longer than its threshold, once per threshold period, to members without a sign-off', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		addLine( wiki, KUMASI, 'Looks good. {{Helpdesk sign-off|kind=feedback|member=Amara Okafor}} ~~~~', 'Amara Okafor' );
		await runBot( wiki );
		wiki.setClock( '2026-03-14T09:00:00Z' );
		expect( ( await runBot( wiki ) ).notices ).toEqual( [] );
		wiki.setClock( '2026-03-16T09:00:00Z' );
		const due = await runBot( wiki );
		const reminded = due.notices.filter( ( notice ) => notice.about === 'reminder' );
		expect( reminded.length ).toBeGreaterThan( 0 );
		const everyone = reminded.flatMap( ( notice ) => notice.to ).sort();
		expect( everyone ).toEqual( [ 'Björn Lindqvist', 'Diego Fernández', 'Eliška Nováková', 'Farah Haddad', 'Gaurav Mehta', 'Hana Sato' ] );
		expect( wiki.text( KUMASI ) ).toContain( 'this request has waited 15 days for the Expert Committee (initial feedback)' );
		wiki.setClock( '2026-03-20T09:00:00Z' );
		expect( ( await runBot( wiki ) ).notices ).toEqual( [] );
		wiki.setClock( '2026-03-31T09:00:00Z' );
		expect( ( await runBot( wiki ) ).notices.filter( ( notice ) => notice.about === 'reminder' ).length ).toBeGreaterThan( 0 );
	} );

	test( 'a request waiting on the helpdesk reminds the configured contacts only', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( { status: 'approved', filed: '2026-01-01T00:00:00Z', statusSince: '2026-02-01T00:00:00Z' } ), 'Kofi Mensah' );
		// Approved as the sign-offs bear out; the staff are those the settings page names.
		signOffQuorum( wiki, KUMASI );
		saveSettings( wiki, { helpdesk: [ 'Helpdesk staff' ], workingGroups: [ { code: 'communication', names: { en: 'Communication' }, contacts: [ 'Working group contact' ] } ] } );
		const report = await runBot( wiki );
		expect( report.notices ).toEqual( [ { to: [ 'Helpdesk staff' ], channel: 'mention', about: 'reminder', requests: [ KUMASI ] } ] );
		expect( mentionCounts( wiki ) ).toEqual( { 'Helpdesk staff': 1 } );
	} );
} );

describe( 'status changes', () => {
	test( 'a hand-typed alias is normalised in place, its date stamped, and the requester told in their language', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( { language: 'sv', requester: 'Sara Berg' } ), 'Sara Berg' );
		await runBot( wiki );
		// The committee's sign-offs bear the decision out, so the requester hears of it.
		signOffQuorum( wiki, KUMASI );
		await runBot( wiki );
		wiki.setClock( '2026-03-05T12:00:00Z' );
		setRequestParam( wiki, KUMASI, 'status', 'Accepted', 'Helpdesk staff' );
		const humanRevision = wiki.latest( KUMASI )!;
		wiki.tick( 10 );
		const report = await runBot( wiki );
		const text = wiki.text( KUMASI );
		expect( text ).toContain( '| status = approved\n' );
		expect( text ).toContain( '| status_since = ' + humanRevision.timestamp + '\n' );
		expect( text ).toContain( '[[User:Sara Berg|Sara Berg]]: din förfrågan har nu status: godkänd' );
		expect( report.notices ).toEqual( [ { to: [ 'Sara Berg' ], channel: 'mention', about: 'status', requests: [ KUMASI ] } ] );
		// Nothing but the two values and the appended notice changed.
		const before = humanRevision.text.split( '\n' );
		const after = text.split( '\n' );
		expect( after.slice( 0, before.length ).filter( ( line, i ) => line !== before[ i ] ) ).toEqual( [ '| status = approved', '| status_since = ' + humanRevision.timestamp ] );
		wiki.tick( 15 );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );

	test( 'no notice when the requester changed the status themselves', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		setRequestParam( wiki, KUMASI, 'status', 'withdrawn', 'Kofi Mensah' );
		const withdrawal = wiki.latest( KUMASI )!;
		const report = await runBot( wiki );
		expect( report.notices ).toEqual( [] );
		expect( wiki.text( KUMASI ) ).toContain( '| status_since = ' + withdrawal.timestamp + '\n' );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );

	test( 'a hand-edited page keeps every character a person wrote', async () => {
		const wiki = makeWiki();
		const title = PREFIX + 'Tartu herbarium';
		const original = fixture( 'request-hand-edited.wiki' ).replace( /\s+$/, '' );
		wiki.save( title, original, 'Mari Tamm' );
		const revision = wiki.latest( title )!;
		await runBot( wiki );
		const text = wiki.text( title );
		const restored = text.replace( '| Status = on-hold', '| Status = On Hold' ).replace( '|status_since= ' + revision.timestamp, '|status_since=' );
		expect( restored.slice( 0, original.length ) ).toBe( original );
		expect( text ).toContain( '| Status = on-hold\n' );
	} );
} );

describe( 'sign-offs', () => {
	test( 'count only when added by the member named; forged and non-member ones are listed, not counted', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( { status: 'awaiting-final-go' } ), 'Kofi Mensah' );
		await runBot( wiki );
		addLine( wiki, KUMASI, '{{Helpdesk sign-off|kind=final-go|decision=yes|member=Amara Okafor}} ~~~~', 'Amara Okafor' );
		addLine( wiki, KUMASI, '{{Helpdesk sign-off|kind=final-go|decision=yes|member=Hana Sato}} ~~~~', 'Mallory' );
		addLine( wiki, KUMASI, '{{Helpdesk sign-off|kind=final-go|decision=yes|member=Mallory}} ~~~~', 'Mallory' );
		addLine( wiki, KUMASI, '{{Helpdesk sign-off|kind=final-go|decision=no|member=Gaurav Mehta}} ~~~~', 'Gaurav Mehta' );
		const report = await runBot( wiki );
		expect( wiki.text( KUMASI ) ).toContain( 'final go: 1 yes, 1 no' );
		const reasons = report.needsAttention.map( ( item ) => item.reason );
		expect( reasons ).toContain( 'Sign-off (final go) for Hana Sato was added by Mallory, not counted.' );
		expect( reasons ).toContain( 'Sign-off (final go) by Mallory, who is not on the committee, not counted.' );
		const exported = exportedRequests( wiki )[ 0 ];
		expect( exported.tally ).toEqual( { members: 8, finalGoYes: 1, finalGoNo: 1, feedback: 0 } );
		expect( exported.signOffs ).toMatchObject( [
			{ kind: 'final-go', member: 'Amara Okafor', decision: 'yes', by: 'Amara Okafor', counted: true },
			{ kind: 'final-go', member: 'Hana Sato', decision: 'yes', by: 'Mallory', reason: 'added-by-other' },
			{ kind: 'final-go', member: 'Mallory', decision: 'yes', by: 'Mallory', reason: 'not-member' },
			{ kind: 'final-go', member: 'Gaurav Mehta', decision: 'no', by: 'Gaurav Mehta', counted: true },
		] );
		expect( ( exported.signOffs as Record<string, unknown>[] ).filter( ( signOff ) => signOff.counted ) ).toHaveLength( 2 );
		// The request page shows which do not count, and why.
		expect( wiki.text( KUMASI ) ).toContain( '{{Helpdesk sign-off|kind=final-go|decision=yes|member=Hana Sato|not_counted=added-by-other|added_by=Mallory}}' );
		expect( wiki.text( KUMASI ) ).toContain( '{{Helpdesk sign-off|kind=final-go|decision=yes|member=Mallory|not_counted=not-member}}' );
		expect( wiki.text( KUMASI ) ).toContain( '{{Helpdesk sign-off|kind=final-go|decision=yes|member=Amara Okafor}}' );
		const attention = dataPage( wiki, PAGES.export ).attention as Record<string, unknown>[];
		expect( attention ).toContainEqual( { page: KUMASI, code: 'sign-off-not-counted', params: [ 'final-go', 'Hana Sato', 'added-by-other', 'Mallory' ],
			text: 'Sign-off (final go) for Hana Sato was added by Mallory, not counted.' } );
		// Mallory copying Hana's exact sign-off later still does not make it hers.
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
	} );

	test( 'reads a page\'s history back only as far as a new sign-off goes, and again when the state is lost', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		addLine( wiki, KUMASI, '{{Helpdesk sign-off|kind=feedback|member=Diego Fernández}} ~~~~', 'Diego Fernández' );
		wiki.requests.length = 0;
		await runBot( wiki );
		expect( wiki.requests.filter( ( params ) => params.rvdir === 'older' ) ).toHaveLength( 1 );
		wiki.tick( 15 );
		addLine( wiki, KUMASI, 'A reply.', 'Kofi Mensah' );
		wiki.requests.length = 0;
		await runBot( wiki );
		expect( wiki.requests.filter( ( params ) => params.rvdir === 'older' ) ).toHaveLength( 0 );
		// Someone empties the state page: who added the sign-off is found again.
		wiki.save( PAGES.state, '{}', 'Admin' );
		wiki.requests.length = 0;
		expect( ( await runBot( wiki ) ).fullScan ).toBe( true );
		expect( wiki.requests.filter( ( params ) => params.rvdir === 'older' ) ).toHaveLength( 1 );
		expect( wiki.text( KUMASI ) ).toContain( 'initial feedback from 1 of 8 members' );
	} );

	test( 'a sign-off removed and added again by someone else is theirs', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( { status: 'awaiting-final-go' } ), 'Kofi Mensah' );
		await runBot( wiki );
		const line = '{{Helpdesk sign-off|kind=final-go|decision=yes|member=Amara Okafor}}';
		addLine( wiki, KUMASI, line, 'Amara Okafor' );
		const signed = wiki.text( KUMASI );
		wiki.save( KUMASI, signed.replace( line, '' ), 'Mallory' );
		wiki.save( KUMASI, signed, 'Mallory' );
		const report = await runBot( wiki );
		expect( report.needsAttention.map( ( item ) => item.reason ) ).toContain( 'Sign-off (final go) for Amara Okafor was added by Mallory, not counted.' );
	} );
} );

describe( 'pages the bot must leave alone', () => {
	test( 'malformed pages and {{nobots}} pages are listed with the reason, and the run goes on', async () => {
		const wiki = makeWiki();
		wiki.save( PREFIX + 'Lima museum', fixture( 'request-malformed.wiki' ), 'Juan Quispe' );
		wiki.save( PREFIX + 'WLM Austria', fixture( 'request-nobots.wiki' ), 'Lena Schulz' );
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		const report = await runBot( wiki );
		expect( report.ok ).toBe( true );
		expect( wiki.latest( PREFIX + 'Lima museum' )!.user ).toBe( 'Juan Quispe' );
		expect( wiki.latest( PREFIX + 'WLM Austria' )!.user ).toBe( 'Lena Schulz' );
		expect( report.needsAttention ).toContainEqual( { page: PREFIX + 'Lima museum', code: 'unreadable', params: [],
			reason: 'The page has no {{Helpdesk request}} template.' } );
		expect( report.needsAttention.some( ( item ) => item.page === PREFIX + 'WLM Austria' && item.code === 'nobots' && /nobots/.test( item.reason ) ) ).toBe( true );
		// The data page lists them for the views, and keeps the unreadable page among the requests.
		const main = dataPage( wiki, PAGES.export );
		expect( main.attention ).toContainEqual( { page: PREFIX + 'Lima museum', code: 'unreadable', text: 'The page has no {{Helpdesk request}} template.' } );
		expect( main.attention ).toContainEqual( expect.objectContaining( { page: PREFIX + 'WLM Austria', code: 'nobots' } ) );
		expect( main.requests ).toContainEqual( { page: PREFIX + 'Lima museum', touched: wiki.latest( PREFIX + 'Lima museum' )!.timestamp,
			flags: [ 'unreadable' ], problem: 'The page has no {{Helpdesk request}} template.' } );
		expect( main.requests ).toContainEqual( expect.objectContaining( { page: PREFIX + 'WLM Austria', flags: expect.arrayContaining( [ 'nobots' ] ) } ) );
		expect( mentionCounts( wiki )[ 'Amara Okafor' ] ).toBe( 1 );
	} );

	test( 'the shutoff page stops every edit and says why', async () => {
		const wiki = makeWiki();
		wiki.save( PAGES.shutoff, '<!-- write run to restart -->\nstop: sending too many pings', 'Admin' );
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		const report = await runBot( wiki );
		expect( report.stopped!.code ).toBe( 'shutoff' );
		expect( report.stopped!.message ).toContain( 'stop: sending too many pings' );
		expect( wiki.edits ).toBe( 0 );
		expect( exitCode( report ) ).toBe( 0 );
		wiki.save( PAGES.shutoff, 'RUN <!-- on again -->', 'Admin' );
		expect( ( await runBot( wiki ) ).edits.length ).toBeGreaterThan( 0 );
	} );

	test( 'a rate limit ends the run with a non-zero exit, no half-made notice and nothing leaked', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.beforeEdit = ( params ) => {
			if ( params.title === KUMASI ) {
				throw apiError( 'ratelimited', 'You have exceeded your rate limit.' );
			}
		};
		const report = await runBot( wiki );
		expect( report.stopped!.code ).toBe( 'ratelimited' );
		expect( exitCode( report ) ).toBe( 2 );
		expect( wiki.text( KUMASI ) ).not.toContain( 'helpdesk-bot' );
		const json = JSON.stringify( report );
		expect( json ).not.toContain( 'secret' );
		expect( json ).not.toContain( 'Bearer' );
		wiki.beforeEdit = null;
		await runBot( wiki );
		expect( mentionCounts( wiki )[ 'Amara Okafor' ] ).toBe( 1 );
		expect( wiki.text( 'User talk:Farah Haddad' ).match( /^\* /gm ) ).toHaveLength( 1 );
	} );

	test( 'an edit conflict is retried on a fresh read, keeping what the person wrote', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		let interfered = false;
		wiki.beforeEdit = ( params ) => {
			if ( params.title === KUMASI && !interfered ) {
				interfered = true;
				wiki.save( KUMASI, wiki.text( KUMASI ) + '\nA late addition by the requester.', 'Kofi Mensah' );
			}
		};
		const report = await runBot( wiki );
		expect( report.ok ).toBe( true );
		expect( wiki.text( KUMASI ) ).toContain( 'A late addition by the requester.' );
		expect( mentionCounts( wiki )[ 'Amara Okafor' ] ).toBe( 1 );
	} );

	test( 'a protected request page is listed and the other requests still get their notices', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.save( PREFIX + 'Lagos archive', requestText( { title: 'Lagos newspaper archive', requester: 'Ngozi Eze' } ), 'Ngozi Eze' );
		wiki.beforeEdit = ( params ) => {
			if ( params.title === KUMASI ) {
				throw apiError( 'protectedpage', 'This page has been protected.' );
			}
		};
		const report = await runBot( wiki );
		expect( report.needsAttention.some( ( item ) => item.page === KUMASI && /protectedpage/.test( item.reason ) ) ).toBe( true );
		expect( wiki.text( PREFIX + 'Lagos archive' ) ).toContain( 'a new request has been filed' );
		expect( exitCode( report ) ).toBe( 1 );
		// Nothing changed on the wiki, but the next runs try again until the notice is out.
		wiki.tick( 15 );
		const again = await runBot( wiki );
		expect( again.edits.filter( ( edit ) => edit.title === KUMASI ).map( ( edit ) => edit.result ) ).toEqual( [ 'failed' ] );
		wiki.beforeEdit = null;
		wiki.tick( 15 );
		await runBot( wiki );
		expect( wiki.text( KUMASI ) ).toContain( 'a new request has been filed' );
		wiki.tick( 15 );
		const settled = await runBot( wiki );
		expect( settled.edits ).toEqual( [] );
		expect( settled.apiRequests ).toBe( 1 );
	} );

	// Bug: while a request page the bot must edit cannot be edited (protected), the plan
	// is never final, so the run compiles no data page; the pages of the last state are
	// then taken for pages no longer needed and emptied with a pointer. The open requests
	// vanish from the views for as long as the page stays protected. The data pages should
	// be compiled from the wiki as it stands, the page that failed listed with the reason.
	test( 'a request page that cannot be edited leaves the data pages compiled from the wiki as it stands', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.save( PREFIX + 'Lagos archive', requestText( { title: 'Lagos newspaper archive', requester: 'Ngozi Eze' } ), 'Ngozi Eze' );
		await runBot( wiki );
		expect( exportedRequests( wiki ) ).toHaveLength( 2 );
		wiki.tick( 15 );
		setRequestParam( wiki, KUMASI, 'status', 'On Hold', 'Amara Okafor' );
		wiki.beforeEdit = ( params ) => {
			if ( params.title === KUMASI ) {
				throw apiError( 'protectedpage', 'This page has been protected.' );
			}
		};
		wiki.tick( 15 );
		const report = await runBot( wiki );
		expect( report.edits.filter( ( edit ) => edit.title === KUMASI ).map( ( edit ) => edit.result ) ).toEqual( [ 'failed' ] );
		expect( dataPage( wiki, PAGES.export ).about ).not.toMatch( /No longer used/ );
		expect( exportedRequests( wiki ).map( ( request ) => request.page ).sort() ).toEqual( [ KUMASI, PREFIX + 'Lagos archive' ] );
		expect( dataPage( wiki, PAGES.statisticsData ).total ).toBe( 2 );
	} );
} );

describe( 'the FAQ candidates', () => {
	test( 'list the FAQ pages there are, read with the request pages in the same API requests', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.save( PAGES.faqPrefix + 'Mass upload', 'How to upload many files at once.', 'Staff' );
		wiki.save( PAGES.faqPrefix + 'Copyright', 'What the licences mean.', 'Staff' );
		const report = await runBot( wiki );
		expect( report.ok ).toBe( true );
		const faq = dataPage( wiki, PAGES.faqCandidates );
		expect( faq.faqPages ).toBe( 2 );
		expect( JSON.stringify( faq.support ) ).toContain( PAGES.faqPrefix + 'Mass upload' );
		expect( wiki.text( PAGES.faqCandidates.replace( /\.json$/, '' ) ) ).toBe( '{{#invoke:Helpdesk views/faq|faq}}' );
		// No request of its own for the list.
		expect( wiki.requests.filter( ( params ) => params.list === 'allpages' && params.generator !== 'allpages' ) ).toEqual( [] );
	} );
} );

describe( 'a dry run', () => {
	test( 'edits nothing and shows each planned edit as a diff', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		const report = await runBot( wiki, { dryRun: true } );
		expect( wiki.edits ).toBe( 0 );
		const kinds = report.edits.map( ( edit ) => edit.kind );
		expect( kinds ).toEqual( [ 'talk', 'talk', 'request', 'export', 'export', 'generated', 'export', 'export', 'generated', 'export', 'state' ] );
		expect( report.edits.slice( 3 ).map( ( edit ) => edit.title ) ).toEqual( [
			PAGES.statisticsData, PAGES.agendaPrefix + '2026-12-10.json', PAGES.agendaPrefix + '2026-12-10', PAGES.routing,
			PAGES.faqCandidates, PAGES.faqCandidates.replace( /\.json$/, '' ), PAGES.export, PAGES.state,
		] );
		const ping = report.edits.find( ( edit ) => edit.kind === 'request' )!;
		expect( ping.diff ).toContain( '+[[User:Amara Okafor|Amara Okafor]]' );
		expect( ping.diff ).toContain( 'Index: ' + KUMASI );
	} );
} );

describe( 'runs after a change', () => {
	test( 'read every request page again, in as few requests as the batch size allows', async () => {
		const wiki = makeWiki();
		for ( let i = 0; i < 30; i++ ) {
			wiki.save( PREFIX + 'Request ' + i, requestText( { title: 'Request ' + i, filed: '2026-01-01T00:00:00Z', statusSince: '2026-02-25T00:00:00Z' } ), 'Requester ' + i );
		}
		await runBot( wiki );
		wiki.tick( 15 );
		setRequestParam( wiki, PREFIX + 'Request 7', 'description', 'Now with more detail.', 'Requester 7' );
		wiki.requests.length = 0;
		const report = await runBot( wiki );
		expect( report.fullScan ).toBe( true );
		// Shutoff, committee, settings and volunteers' pages, the state, the 30 requests.
		expect( report.pagesRead ).toBe( 4 + 1 + 30 );
		const reads = wiki.requests.filter( ( params ) => params.action === 'query' );
		// The start, all 30 pages (500 a request), the accounts of the committee, the compiled pages' revisions.
		expect( reads.length ).toBeLessThanOrEqual( Math.ceil( 30 / 500 ) + 5 );
		// The request awaits the committee: its new excerpt is on the agenda as well as on the requests' data page,
		// and its new words among the FAQ candidates.
		expect( report.edits.map( ( edit ) => edit.title ) ).toEqual( [ PAGES.agendaPrefix + '2026-12-10.json', PAGES.faqCandidates, PAGES.export, PAGES.state ] );
	} );

	test( 'a deleted request leaves the data pages', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		wiki.save( PREFIX + 'Lagos archive', requestText( { title: 'Lagos newspaper archive', requester: 'Ngozi Eze' } ), 'Ngozi Eze' );
		await runBot( wiki );
		wiki.delete( PREFIX + 'Lagos archive' );
		await runBot( wiki );
		expect( wiki.text( PAGES.statisticsData ) ).not.toContain( 'Lagos' );
		expect( dataPage( wiki, PAGES.statisticsData ).total ).toBe( 1 );
		expect( exportedRequests( wiki ).map( ( record ) => record.page ) ).toEqual( [ KUMASI ] );
	} );
} );
