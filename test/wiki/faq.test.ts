/**
 * The FAQ candidates on a real MediaWiki: the view page as the bot makes it renders
 * the data page the bot writes (from a year of requests in four languages, hostile
 * text among them) in the reader's language, right to left in Arabic, with the
 * requests and FAQ pages as links and what people typed as text.
 */
import { JSDOM } from 'jsdom';
import { Mwn } from 'mwn';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAQ_OPTIONS, renderFaqCandidates } from '../../bot/plan/faq';
import { installHelpdesk } from '../../scripts/lib/install-helpdesk';
import type { LocalWiki } from '../../scripts/local-wiki/index';
import { FAQ_PREFIX, readRequests, yearOfRequests } from '../unit/views/faq-fixtures';
import { sharedTestWiki } from './setup/shared-wiki';
import { adminSession, TEST_USER_AGENT } from './setup/test-wiki';
import { parsePage } from './support/rendering';

const FAQ_PAGES = [ FAQ_PREFIX + 'Mass uploads', FAQ_PREFIX + 'Copyright and licences' ];

function textOf( element: Element | null ): string {
	return element ? ( element.textContent as string ).replace( /\s+/g, ' ' ).trim() : '';
}

describe( 'the FAQ candidates on the wiki', () => {
	let wiki: LocalWiki;
	let reader: Mwn;

	async function render( uselang: string ): Promise<Document> {
		const parsed = await parsePage( reader, { page: DEFAULT_FAQ_OPTIONS.view, uselang: uselang } );
		return new JSDOM( parsed.text ).window.document;
	}

	beforeAll( async () => {
		wiki = sharedTestWiki();
		await installHelpdesk( wiki );
		const admin = await adminSession( wiki );
		reader = new Mwn( { apiUrl: wiki.apiUrl, userAgent: TEST_USER_AGENT, silent: true } );
		const [ data, view ] = renderFaqCandidates( readRequests( yearOfRequests() ), FAQ_PAGES );
		await admin.save( data.title, data.text, 'FAQ candidates test data', { contentmodel: 'json' } );
		await admin.save( view.title, view.text, 'FAQ candidates test view' );
		for ( const title of FAQ_PAGES ) {
			await admin.save( title, 'An FAQ page of the test.', 'FAQ candidates test' );
		}
		await admin.request( { action: 'purge', titles: view.title, forcelinkupdate: 1 } );
	} );

	it( 'shows the most frequent questions with the requests and FAQ pages behind them, what people typed as text', async () => {
		const document = await render( 'en' );
		const root = document.querySelector( '.helpdesk-views-faq' ) as Element;
		expect( [ root.getAttribute( 'lang' ), root.getAttribute( 'dir' ) ] ).toEqual( [ 'en', 'ltr' ] );
		const support = document.querySelector( 'table.helpdesk-faq-support' ) as Element;
		const first = support.querySelector( 'tr:nth-child(2)' ) as Element;
		expect( textOf( first.querySelector( 'td' ) ) ).toBe( 'Mass upload of media files' );
		// The requests behind it and the FAQ page on it are links to pages that exist.
		const links = Array.from( first.querySelectorAll( 'a' ), ( link ) => link.getAttribute( 'title' ) );
		expect( links ).toContain( FAQ_PREFIX + 'Mass uploads' );
		expect( links.some( ( title ) => ( title || '' ).startsWith( 'Content Partnerships Hub/Helpdesk/Requests/' ) ) ).toBe( true );
		// Hostile text is shown as typed and makes nothing: no element, link, category or signature.
		expect( document.querySelector( 'script' ) ).toBeNull();
		expect( document.querySelector( 'a[title="Category:Spam"]' ) ).toBeNull();
		expect( textOf( document.body ) ).toContain( 'script> ]] {{subst:x' );
		expect( textOf( document.body ) ).not.toMatch( /\(UTC\)/ );
	} );

	it( 'is in Swedish with uselang=sv and right to left in Arabic', async () => {
		const sv = await render( 'sv' );
		expect( sv.querySelector( '.helpdesk-views-faq' )?.getAttribute( 'lang' ) ).toBe( 'sv' );
		expect( textOf( sv.querySelector( 'table.helpdesk-faq-support tr:nth-child(2) td' ) ) ).toBe( 'Massuppladdning av mediefiler' );
		const ar = await render( 'ar' );
		const root = ar.querySelector( '.helpdesk-views-faq' ) as Element;
		expect( [ root.getAttribute( 'lang' ), root.getAttribute( 'dir' ) ] ).toEqual( [ 'ar', 'rtl' ] );
		expect( textOf( ar.body ) ).toContain( 'أنواع الدعم' );
	} );
} );
