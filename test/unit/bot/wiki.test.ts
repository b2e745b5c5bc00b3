/**
 * The layer that edits: its allowlist, its refusals and how it sorts the API's
 * errors into "skip this page" and "stop the run", without leaking credentials.
 */
import { describe, expect, test } from 'vitest';
import type { PlannedEdit } from '../../../bot/plan/types';
import { EditRefused, HelpdeskWiki, RunStop } from '../../../bot/wiki';
import { apiError, FakeWiki } from './fake-api';
import { makeWiki, PAGES, PREFIX, requestText, site } from './helpers';

function planned( title: string, text = 'new text' ): PlannedEdit {
	return { title: title, kind: 'request', text: text, summary: 's', baseRevid: null, baseTimestamp: '', reasons: [], notices: [], mentions: 0 };
}

function layer( wiki: FakeWiki ): HelpdeskWiki {
	const helpdesk = new HelpdeskWiki( wiki, site(), () => 'token+\\' );
	helpdesk.botName = 'Helpdesk bot';
	return helpdesk;
}

describe( 'the allowlist', () => {
	test( 'lets through request subpages, the compiled pages and talk pages of members who chose them, nothing else', async () => {
		const wiki = makeWiki();
		const helpdesk = layer( wiki );
		helpdesk.allowTalkPages( [ 'User talk:Farah Haddad' ] );
		expect( helpdesk.mayEdit( PREFIX + 'Anything' ) ).toBe( true );
		expect( helpdesk.mayEdit( PAGES.table ) ).toBe( true );
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
	const cases: [ string, Error, typeof RunStop | typeof EditRefused ][] = [
		[ 'a rate limit stops the run', apiError( 'ratelimited', 'Slow down.' ), RunStop ],
		[ 'maxlag after mwn\'s retries stops the run', apiError( 'maxlag', 'Waiting for a database server.' ), RunStop ],
		[ 'a server error after retries stops the run', Object.assign( new Error( 'Request failed with status code 503' ), { response: { status: 503 } } ), RunStop ],
		[ 'a network failure stops the run', new Error( 'socket hang up' ), RunStop ],
		[ 'a protected page skips the page', apiError( 'protectedpage', 'Protected.' ), EditRefused ],
		[ 'an abuse filter skips the page', apiError( 'abusefilter-disallowed', 'Disallowed.' ), EditRefused ],
	];
	test.each( cases )( '%s', async ( _name, error, kind ) => {
		const wiki = makeWiki();
		const revision = wiki.save( PREFIX + 'X', requestText( {} ), 'Someone' );
		wiki.beforeEdit = () => {
			throw error;
		};
		const outcome = await layer( wiki ).edit( planned( PREFIX + 'X' ), { text: revision.text, revid: revision.revid, timestamp: revision.timestamp } )
			.then( () => null, ( thrown: unknown ) => thrown );
		expect( outcome ).toBeInstanceOf( kind );
		expect( String( ( outcome as Error ).message ) ).not.toMatch( /secret|Bearer/ );
	} );

	test( 'a CAPTCHA or other failed result skips the page', async () => {
		const wiki = makeWiki();
		const helpdesk = new HelpdeskWiki( {
			request: async ( params ) => params.action === 'edit' ? { edit: { result: 'Failure', captcha: { type: 'image' } } } : wiki.request( params ),
		}, site(), () => 't' );
		await expect( helpdesk.edit( planned( PREFIX + 'X' ), { text: '', revid: null, timestamp: '' } ) ).rejects.toMatchObject( { code: 'captcha' } );
	} );

	test( 'a failed read stops the run', async () => {
		const helpdesk = new HelpdeskWiki( { request: async () => {
			throw apiError( 'readonly', 'The wiki is in read-only mode.' );
		} }, site(), () => 't' );
		await expect( helpdesk.readStart( 600, [ PAGES.state ], () => '' ) ).rejects.toMatchObject( { code: 'readonly' } );
	} );
} );

describe( 'reading', () => {
	test( 'all request pages in batches of 50 without the bot flag, 500 with it, following continuation', async () => {
		const wiki = makeWiki();
		for ( let i = 0; i < 120; i++ ) {
			wiki.save( PREFIX + 'R' + String( i ).padStart( 3, '0' ), requestText( { title: 'R' + i } ), 'U' );
		}
		wiki.save( 'Content Partnerships Hub/Helpdesk/Other', 'x', 'U' );
		wiki.botRights = [ 'bot', 'edit' ];
		let helpdesk = layer( wiki );
		await helpdesk.readStart( 600, [ PAGES.state ], () => '' );
		wiki.requests.length = 0;
		expect( ( await helpdesk.readAllRequests() ).map( ( page ) => page.title ) ).toHaveLength( 120 );
		expect( wiki.requests ).toHaveLength( 3 );
		wiki.botRights = [ 'bot', 'edit', 'apihighlimits' ];
		helpdesk = layer( wiki );
		await helpdesk.readStart( 600, [ PAGES.state ], () => '' );
		wiki.requests.length = 0;
		expect( await helpdesk.readAllRequests() ).toHaveLength( 120 );
		expect( wiki.requests ).toHaveLength( 1 );
	} );

	test( 'recent changes are followed back to the time the state was saved, no further', async () => {
		const wiki = makeWiki();
		wiki.setClock( '2026-03-01T12:00:00Z' );
		wiki.save( PAGES.state, '{"schema":2,"saved":"2026-03-01T09:00:00Z"}', 'Helpdesk bot' );
		wiki.setClock( '2026-03-02T00:00:00Z' );
		for ( let i = 0; i < 700; i++ ) {
			wiki.save( 'Busy page ' + i, 'x', 'U' );
		}
		wiki.requests.length = 0;
		const start = await layer( wiki ).readStart( 600, [ PAGES.state, 'Content Partnerships Hub/Helpdesk/Bot/State/2.json' ], ( pages ) => {
			expect( pages.map( ( page ) => page.title ) ).toEqual( [ PAGES.state ] );
			return JSON.parse( pages[ 0 ].text ).saved;
		} );
		// 700 busy pages and the state's own save, three hours after the time it names.
		expect( start.changes ).toHaveLength( 701 );
		expect( start.coveredSince ).toBe( '2026-03-01T08:50:00Z' );
		expect( start.statePages[ 0 ] ).toMatchObject( { title: PAGES.state, user: 'Helpdesk bot' } );
		expect( wiki.requests ).toHaveLength( 2 );
	} );

	test( 'with no time to cover, recent changes are not followed', async () => {
		const wiki = makeWiki();
		for ( let i = 0; i < 700; i++ ) {
			wiki.save( 'Busy page ' + i, 'x', 'U' );
		}
		wiki.requests.length = 0;
		const start = await layer( wiki ).readStart( 600, [ PAGES.state ], () => '' );
		expect( start.coveredSince ).toBe( '' );
		expect( start.statePages ).toEqual( [] );
		expect( wiki.requests ).toHaveLength( 1 );
	} );
} );
