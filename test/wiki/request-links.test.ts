/**
 * On the real wiki: the Links field of a request page as Module:Helpdesk request
 * renders it (valid links are links, hostile text stays text), and the landing
 * page's fallback for readers without JavaScript.
 */
import { JSDOM } from 'jsdom';
import { Mwn } from 'mwn';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRequestPage } from '../../shared/codec';
import { HELPDESK_PAGE, REQUESTS_PREFIX } from '../../shared/pages';
import { emptyRequest } from '../../shared/request';
import type { LocalWiki } from '../../scripts/local-wiki/index';
import { installHelpdesk } from '../../scripts/lib/install-helpdesk';
import { sharedTestWiki } from './setup/shared-wiki';
import { TEST_USER_AGENT } from './setup/test-wiki';
import { parsePage } from './support/rendering';
import { launchBrowser } from '../../scripts/lib/browser/chromium';
import { currentPageName } from '../../scripts/lib/browser/navigation';
import { loggedInSession } from '../../scripts/lib/browser/session';

const VALID = [
	'https://smart.servier.com/',
	'http://example.org/a_b?x=1&y=2#top',
	'https://sv.wikipedia.org/wiki/Överkalix',
	'https://example.org/__NOTOC__',
];

const HOSTILE = [
	// eslint-disable-next-line no-script-url
	'javascript:alert(1)',
	'https://example.org/ [[Category:Spam]]',
	'https://example.org/"onmouseover="alert(1)',
	'https://example.org/\'\'bold\'\'',
	'https://example.org/{{Helpdesk status|done}}',
	'https://user@evil.example/',
	'[https://example.org/ label] trailing',
	'ISBN 0123456789',
	'~~~~ <script>alert(1)</script>',
	'https://example.org/\u00a0hidden',
];

describe( 'links on a request page', () => {
	let wiki: LocalWiki;
	let client: Mwn;

	beforeAll( async () => {
		wiki = sharedTestWiki();
		await installHelpdesk( wiki );
		client = new Mwn( { apiUrl: wiki.apiUrl, userAgent: TEST_USER_AGENT, silent: true } );
	} );

	it( 'are external links for well-formed http(s) URLs, and text for anything else', async () => {
		const request = { ...emptyRequest( 'Requester One', '2026-11-21T09:30:00Z', 'en' ), title: 'Links check', links: VALID.concat( HOSTILE ) };
		const parsed = await parsePage( client, { title: REQUESTS_PREFIX + 'Links check', text: renderRequestPage( request ), contentmodel: 'wikitext' } );
		const document = new JSDOM( parsed.text ).window.document;
		const items = Array.from( document.querySelectorAll( '.helpdesk-request-field-links li' ) );
		expect( items.map( ( item ) => ( item.textContent as string ).trim() ) ).toEqual( VALID.concat( HOSTILE ).map( ( link ) => link.trim() ) );
		items.slice( 0, VALID.length ).forEach( ( item, index ) => {
			const anchors = item.querySelectorAll( 'a.external' );
			expect( anchors, VALID[ index ] ).toHaveLength( 1 );
			expect( decodeURI( ( anchors[ 0 ] as HTMLAnchorElement ).href ), VALID[ index ] ).toBe( VALID[ index ] );
		} );
		items.slice( VALID.length ).forEach( ( item, index ) => {
			expect( item.querySelectorAll( '*' ), HOSTILE[ index ] ).toHaveLength( 0 );
		} );
		expect( parsed.externallinks.map( ( link ) => decodeURI( link ) ).sort() ).toEqual( VALID.slice().sort() );
		// Nothing typed became a category, a template, a switch or a signature.
		expect( parsed.categories.map( ( category ) => category.category ) ).not.toContain( 'Spam' );
		expect( parsed.text ).not.toMatch( /<script|<b>|Requester One.*\d{2}:\d{2}/ );
		expect( parsed.properties ).not.toHaveProperty( 'notoc' );
	} );

	it( 'shows a request written without JavaScript, on its writer\'s own page, with a link that moves it to the requests', async () => {
		const request = { ...emptyRequest( 'Requester One', '2026-11-21T09:30:00Z', 'en' ), title: 'Photos: the old town' };
		const parsed = await parsePage( client, { title: 'User:Requester One/Helpdesk request', text: renderRequestPage( request ), contentmodel: 'wikitext' } );
		const document = new JSDOM( parsed.text ).window.document;
		const move = document.querySelector( '.helpdesk-request-move a' ) as HTMLAnchorElement;
		const target = new URL( move.href, wiki.server );
		expect( target.searchParams.get( 'title' ) ).toBe( 'Special:MovePage/User:Requester_One/Helpdesk_request' );
		expect( target.searchParams.get( 'wpNewTitleNs' ) ).toBe( '0' );
		expect( target.searchParams.get( 'wpNewTitleMain' ) ).toBe( REQUESTS_PREFIX + 'Photos: the old town' );
	} );

	it( 'gives each reader without JavaScript a page of their own, from a button in the skin\'s colours', async () => {
		const parsed = await parsePage( client, { page: HELPDESK_PAGE } );
		const document = new JSDOM( parsed.text ).window.document;
		const button = document.querySelector( '.helpdesk-request-button' ) as HTMLElement;
		expect( button.className ).not.toMatch( /mw-ui/ );
		expect( button.getAttribute( 'style' ) ).toContain( 'background-color:var(--background-color-progressive, #36c)' );
		const link = button.querySelector( 'a' ) as HTMLAnchorElement;
		expect( ( link.textContent as string ).trim() ).toBe( 'Request support' );
		const target = new URL( link.getAttribute( 'href' ) as string, wiki.server );
		expect( target.searchParams.get( 'title' ) ).toBe( 'Special:MyPage/Helpdesk_request' );
		expect( target.searchParams.get( 'action' ) ).toBe( 'edit' );
		expect( target.searchParams.get( 'preload' ) ).toBe( 'Template:Helpdesk_request/preload' );
		// Logged in, Special:MyPage takes the editor's parameters along to the user's own page.
		const browser = await launchBrowser();
		try {
			for ( const user of [ 'Requester One', 'Requester Two' ] ) {
				const { context, page } = await loggedInSession( browser, wiki, user );
				await page.goto( new URL( link.getAttribute( 'href' ) as string, wiki.server ).toString() );
				expect( await currentPageName( page ) ).toBe( 'User:' + user + '/Helpdesk request' );
				expect( await page.inputValue( '#wpTextbox1' ) ).toContain( '{{Helpdesk request' );
				await context.close();
			}
		} finally {
			await browser.close();
		}
	} );
} );
