/**
 * The layer that edits: its allowlist, its refusals and how it sorts the API's
 * errors into "skip this page" and "stop the run", without leaking credentials.
 */
import { describe, expect, test } from 'vitest';
import type { PlannedEdit } from '../../../bot/plan/types';
import { EditRefused, HelpdeskWiki, RunStop } from '../../../bot/wiki';
import { apiError, fakeClient, InMemoryActionApi } from './fake-api';
import { makeWiki, PAGES, PREFIX, requestText, site } from './helpers';
import { AGENDA_PAGE, REQUEST_TABLE_PAGE, STATISTICS_PAGE } from '../../../shared/pages';

function planned( title: string, text = 'new text' ): PlannedEdit {
	return { title: title, kind: 'request', text: text, summary: 's', baseRevid: null, baseTimestamp: '', reasons: [], notices: [], mentions: 0 };
}

function layer( wiki: InMemoryActionApi ): HelpdeskWiki {
	const helpdesk = new HelpdeskWiki( fakeClient( wiki ), site(), () => 'token+\\' );
	helpdesk.botName = 'Helpdesk bot';
	return helpdesk;
}

describe( 'the allowlist', () => {
	test( 'lets through request subpages, the compiled pages and talk pages of members who chose them, nothing else', async () => {
		const wiki = makeWiki();
		const helpdesk = layer( wiki );
		helpdesk.allowTalkPages( [ 'User talk:Farah Haddad' ] );
		expect( helpdesk.mayEdit( PREFIX + 'Anything' ) ).toBe( true );
		// The views deploy installs are the wiki's editors' now; the settings are the staff's and the committee's.
		[ REQUEST_TABLE_PAGE, STATISTICS_PAGE, AGENDA_PAGE, PAGES.settings, PAGES.committee ].forEach( ( title ) => expect( helpdesk.mayEdit( title ) ).toBe( false ) );
		expect( helpdesk.mayEdit( PAGES.statisticsData ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Agenda/2026-12-10.json' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Agenda/2026-12-10' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Archive/Open/2' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Talk:Content Partnerships Hub/Helpdesk/Settings.json' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Agenda/Notes' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Agenda/2026-12-10/Minutes' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Archive/Open/1' ) ).toBe( false );
		expect( helpdesk.mayEdit( PAGES.export ) ).toBe( true );
		expect( helpdesk.mayEdit( PAGES.state ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Bot/State/2.json' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Archive/2025' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Archive/2025/3' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Export/2025.json' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Export/2025/2.json' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Export/Open/2.json' ) ).toBe( true );
		// Near misses of the bot's naming scheme are not its pages.
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Bot/Shutoff.json' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Bot/State/1.json' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Bot/State/2' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Archive/Notes' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Archive/2025/Talk' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Export/Open.json' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Export/2025' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Content Partnerships Hub/Helpdesk/Export/Notes.json' ) ).toBe( false );
		expect( helpdesk.mayEdit( 'User talk:Farah Haddad' ) ).toBe( true );
		expect( helpdesk.mayEdit( 'User talk:Amara Okafor' ) ).toBe( false );
		expect( helpdesk.mayEdit( PAGES.committee ) ).toBe( false );
		expect( helpdesk.mayEdit( PAGES.shutoff ) ).toBe( false );
		expect( helpdesk.mayEdit( PREFIX ) ).toBe( false );
		expect( helpdesk.mayEdit( 'Main Page' ) ).toBe( false );
		const before = wiki.requests.length;
		await expect( helpdesk.edit( planned( 'Main Page' ), { text: '', revid: null, timestamp: '' } ) ).rejects.toMatchObject( { code: 'not-allowed' } );
		expect( wiki.requests.length ).toBe( before );
	} );

	test( 'refuses to replace a text that shuts the bot out, whatever the planner says', async () => {
		const wiki = makeWiki();
		const revision = wiki.save( PREFIX + 'X', '{{bots|deny=Helpdesk bot}}\n' + requestText( {} ), 'Someone' );
		await expect( layer( wiki ).edit( planned( PREFIX + 'X' ), { text: revision.text, revid: revision.revid, timestamp: revision.timestamp } ) )
			.rejects.toMatchObject( { code: 'bots-denied' } );
		expect( wiki.edits ).toBe( 0 );
	} );
} );

describe( 'every edit', () => {
	test( 'asserts the bot account, names its base revision and is marked as a bot edit', async () => {
		const wiki = makeWiki();
		const revision = wiki.save( PREFIX + 'X', requestText( {} ), 'Someone' );
		const saved = await layer( wiki ).edit( planned( PREFIX + 'X' ), { text: revision.text, revid: revision.revid, timestamp: revision.timestamp } );
		const params = wiki.requests[ wiki.requests.length - 1 ];
		expect( params ).toMatchObject( { action: 'edit', assert: 'bot', bot: true, baserevid: revision.revid, basetimestamp: revision.timestamp, nocreate: true } );
		expect( saved.revid ).toBe( wiki.latest( PREFIX + 'X' )!.revid );
	} );

	test( 'without the bot right nothing is saved and the run stops', async () => {
		const wiki = makeWiki();
		wiki.botRights = [ 'edit' ];
		const revision = wiki.save( PREFIX + 'X', requestText( {} ), 'Someone' );
		await expect( layer( wiki ).edit( planned( PREFIX + 'X' ), { text: revision.text, revid: revision.revid, timestamp: revision.timestamp } ) )
			.rejects.toBeInstanceOf( RunStop );
	} );
} );

describe( 'errors', () => {
	const cases: [ string, Error, 'stop' | EditRefused[ 'outcome' ] ][] = [
		[ 'a rate limit stops the run', apiError( 'ratelimited', 'Slow down.' ), 'stop' ],
		[ 'maxlag after mwn\'s retries stops the run', apiError( 'maxlag', 'Waiting for a database server.' ), 'stop' ],
		[ 'a server error leaves the edit unsure: read the page again', Object.assign( new Error( 'Request failed with status code 503' ), { response: { status: 503 } } ), 'read-again' ],
		[ 'a network failure leaves the edit unsure: read the page again', new Error( 'socket hang up' ), 'read-again' ],
		[ 'an edit conflict: read the page again', apiError( 'editconflict', 'Edit conflict.' ), 'read-again' ],
		[ 'a page created meanwhile: read it again', apiError( 'articleexists', 'The page exists.' ), 'read-again' ],
		[ 'a deleted page is gone', apiError( 'missingtitle', 'The page you specified doesn\'t exist.' ), 'gone' ],
		[ 'a protected page is refused', apiError( 'protectedpage', 'Protected.' ), 'refused' ],
		[ 'an abuse filter refuses the edit', apiError( 'abusefilter-disallowed', 'Disallowed.' ), 'refused' ],
	];
	test.each( cases )( '%s', async ( _name, error, kind ) => {
		const wiki = makeWiki();
		const revision = wiki.save( PREFIX + 'X', requestText( {} ), 'Someone' );
		wiki.beforeEdit = () => {
			throw error;
		};
		const outcome = await layer( wiki ).edit( planned( PREFIX + 'X' ), { text: revision.text, revid: revision.revid, timestamp: revision.timestamp } )
			.then( () => null, ( thrown: unknown ) => thrown );
		if ( kind === 'stop' ) {
			expect( outcome ).toBeInstanceOf( RunStop );
		} else {
			expect( outcome ).toBeInstanceOf( EditRefused );
			expect( ( outcome as EditRefused ).outcome ).toBe( kind );
		}
		expect( String( ( outcome as Error ).message ) ).not.toMatch( /secret|Bearer/ );
	} );

	test( 'a CAPTCHA or other failed result refuses the edit', async () => {
		const wiki = makeWiki();
		const client = fakeClient( wiki );
		const request = client.request.bind( client );
		client.request = async ( params ) => params.action === 'edit' ? { edit: { result: 'Failure', captcha: { type: 'image' } } } : request( params );
		const helpdesk = new HelpdeskWiki( client, site(), () => 't' );
		await expect( helpdesk.edit( planned( PREFIX + 'X' ), { text: '', revid: null, timestamp: '' } ) ).rejects.toMatchObject( { code: 'captcha' } );
	} );

	test( 'a failed read stops the run', async () => {
		const client = fakeClient( makeWiki() );
		client.request = async () => {
			throw apiError( 'readonly', 'The wiki is in read-only mode.' );
		};
		await expect( new HelpdeskWiki( client, site(), () => 't' ).readStart( [ PAGES.state ], () => null ) ).rejects.toMatchObject( { code: 'readonly' } );
	} );
} );

describe( 'reading', () => {
	test( 'all request pages in batches of 50 without the bot flag, 500 with it, following mwn\'s continuation', async () => {
		const wiki = makeWiki();
		for ( let i = 0; i < 120; i++ ) {
			wiki.save( PREFIX + 'R' + String( i ).padStart( 3, '0' ), requestText( { title: 'R' + i } ), 'U' );
		}
		wiki.save( 'Content Partnerships Hub/Helpdesk/Other', 'x', 'U' );
		const helpdesk = layer( wiki );
		wiki.requests.length = 0;
		expect( ( await helpdesk.readAllRequests( false ) ).map( ( page ) => page.title ) ).toHaveLength( 120 );
		expect( wiki.requests ).toHaveLength( 3 );
		wiki.requests.length = 0;
		expect( await helpdesk.readAllRequests( true ) ).toHaveLength( 120 );
		expect( wiki.requests ).toHaveLength( 1 );
	} );

	test( 'pages by id follow a move; a redirect is marked as one', async () => {
		const wiki = makeWiki();
		wiki.save( PREFIX + 'Old name', requestText( {} ), 'U' );
		const pageid = wiki.pages.get( PREFIX + 'Old name' )!.pageid;
		wiki.move( PREFIX + 'Old name', PREFIX + 'New name' );
		const read = await layer( wiki ).readPages( [ PREFIX + 'Old name' ], [ pageid, 99999 ] );
		expect( read.pages.map( ( page ) => [ page.title, !!page.redirect ] ) ).toEqual( [ [ PREFIX + 'Old name', true ], [ PREFIX + 'New name', false ] ] );
		expect( read.missing ).toEqual( [ '99999' ] );
	} );

	test( 'recent changes: only others\' changes to the Helpdesk\'s pages since the last run count, followed back no further than needed', async () => {
		const wiki = makeWiki();
		wiki.setClock( '2026-03-01T12:00:00Z' );
		wiki.save( PREFIX + 'Before', requestText( {} ), 'U' );
		const rcid = wiki.changes.length;
		wiki.save( PAGES.state, '{}', 'Helpdesk bot' );
		wiki.save( PREFIX + 'Bot edit', requestText( {} ), 'Helpdesk bot' );
		for ( let i = 0; i < 700; i++ ) {
			wiki.save( 'Busy page ' + i, 'x', 'U' );
		}
		wiki.save( PREFIX + 'After', requestText( {} ), 'U' );
		wiki.requests.length = 0;
		const start = await layer( wiki ).readStart( [ PAGES.state, 'Content Partnerships Hub/Helpdesk/Bot/State/2.json' ], ( pages ) => {
			expect( pages.map( ( page ) => page.title ) ).toEqual( [ PAGES.state ] );
			return { saved: '2026-03-01T12:00:00Z', rcid: rcid };
		} );
		expect( start.changed ).toEqual( [ PREFIX + 'After' ] );
		expect( start.covered ).toBe( true );
		expect( start.lastRcid ).toBe( wiki.changes.length );
		expect( start.statePages[ 0 ] ).toMatchObject( { title: PAGES.state, user: 'Helpdesk bot' } );
		expect( wiki.requests ).toHaveLength( 2 );
	} );

	test( 'with no state, recent changes are not followed', async () => {
		const wiki = makeWiki();
		for ( let i = 0; i < 700; i++ ) {
			wiki.save( 'Busy page ' + i, 'x', 'U' );
		}
		wiki.requests.length = 0;
		const start = await layer( wiki ).readStart( [ PAGES.state ], () => null );
		expect( start.covered ).toBe( false );
		expect( start.statePages ).toEqual( [] );
		expect( wiki.requests ).toHaveLength( 1 );
	} );

	test( 'a history is read newest first until the caller has enough', async () => {
		const wiki = makeWiki();
		for ( let i = 0; i < 120; i++ ) {
			wiki.save( PREFIX + 'X', requestText( { description: 'Version ' + i } ), 'U' + i );
		}
		wiki.requests.length = 0;
		const revisions = await layer( wiki ).readHistory( PREFIX + 'X', ( read ) => read.some( ( revision ) => revision.user === 'U60' ) );
		expect( revisions[ 0 ].user ).toBe( 'U119' );
		expect( revisions ).toHaveLength( 100 );
		expect( wiki.requests ).toHaveLength( 2 );
	} );

	test( 'accounts: who has one', async () => {
		const wiki = makeWiki();
		wiki.save( 'Sandbox', 'x', 'Kofi Mensah' );
		expect( await layer( wiki ).readAccounts( [ 'Kofi Mensah', 'Nobody Here' ] ) ).toEqual( { 'Kofi Mensah': true, 'Nobody Here': false } );
	} );
} );
