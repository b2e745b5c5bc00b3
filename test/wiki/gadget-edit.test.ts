/**
 * The requester keeps control, in a real browser on the real wiki: "Edit my
 * request" opens the form filled with the request and saves the template alone,
 * so a reply someone posted meanwhile stays; "My requests" on the landing page
 * lists the user's requests from the bot's data page.
 */
import { Mwn } from 'mwn';
import { describe, expect, it } from 'vitest';
import { renderRequestPage } from '../../shared/codec';
import { EXPORT_PAGE, HELPDESK_PAGE, REQUESTS_PREFIX } from '../../shared/pages';
import { emptyRequest } from '../../shared/request';
import { storedJson } from '../../shared/stored-json';
import { wikiPageUrl } from '../../scripts/lib/browser/navigation';
import { loggedInSession } from '../../scripts/lib/browser/session';
import { TEST_USER_AGENT } from './setup/test-wiki';
import { formTestbed } from './support/testbed';

const RUN = Date.now().toString( 36 );

describe( 'the requester\'s own requests', () => {
	const testbed = formTestbed();

	function logIn( username: string, password: string ): Promise<Mwn> {
		return Mwn.init( { apiUrl: testbed.wiki.apiUrl, username: username, password: password, userAgent: TEST_USER_AGENT, silent: true } );
	}

	async function pageText( client: Mwn, title: string ): Promise<string> {
		return ( await client.read( title ) ).revisions![ 0 ].content!;
	}

	it( 'edits the request through the form from an older view, keeping a reply posted meanwhile', async () => {
		const bot = await logIn( testbed.wiki.credentials.bot.botUsername!, testbed.wiki.credentials.bot.botPassword );
		const title = `Edit test: maps of the harbour archive ${ RUN }`;
		const page = REQUESTS_PREFIX + title;
		await bot.create( page, renderRequestPage( {
			...emptyRequest( 'Requester One', '2026-01-05T10:00:00Z', 'en' ),
			title: title, affiliate: 'Wikimedia Sverige', country: 'SE', support: [ 'mass-upload' ], volume: 'About 200 maps',
			description: 'Maps of the harbour, 1850–1900.',
		} ), 'A request' );
		const { context, page: browserPage } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await browserPage.goto( wikiPageUrl( testbed.wiki, page ) );
			const button = browserPage.locator( '.helpdesk-own-edit' );
			await button.waitFor();
			expect( await button.textContent() ).toContain( 'Edit my request' );
			// Someone replies in the discussion while the requester looks at the older view.
			const amara = testbed.wiki.credentials.users.find( ( user ) => user.username === 'Amara Okafor' )!;
			const member = await logIn( amara.username, amara.password );
			await member.save( page, ( await pageText( member, page ) ) + '\n:How many maps are in colour? ~~~~', 'A question' );
			await button.click();
			await browserPage.waitForSelector( '.helpdesk-own-edit-dialog #helpdesk-input-volume' );
			expect( await browserPage.inputValue( '.helpdesk-own-edit-dialog #helpdesk-input-volume' ) ).toBe( 'About 200 maps' );
			await browserPage.fill( '.helpdesk-own-edit-dialog #helpdesk-input-volume', 'About 240 maps, 40 of them in colour' );
			await browserPage.click( '.helpdesk-own-edit-save a, .helpdesk-own-edit-save button' );
			await browserPage.waitForSelector( '.helpdesk-own-edit-dialog', { state: 'hidden' } );
			const saved = await pageText( bot, page );
			expect( saved ).toContain( '| volume = About 240 maps, 40 of them in colour' );
			expect( saved ).toContain( ':How many maps are in colour?' );
			expect( saved ).toContain( '| status = submitted' );
		} finally {
			await context.close();
		}
	} );

	it( 'works with the keyboard alone, right to left in Arabic, and says what to fix before anything is saved', async () => {
		const bot = await logIn( testbed.wiki.credentials.bot.botUsername!, testbed.wiki.credentials.bot.botPassword );
		const title = `Keyboard test: photographs of the souk ${ RUN }`;
		const page = REQUESTS_PREFIX + title;
		await bot.create( page, renderRequestPage( {
			...emptyRequest( 'Requester One', '2026-01-05T10:00:00Z', 'ar' ),
			title: title, country: 'EG', support: [ 'copyright' ], description: 'صور السوق القديم.',
		} ), 'A request' );
		const before = await pageText( bot, page );
		const { context, page: browserPage } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await browserPage.goto( wikiPageUrl( testbed.wiki, page, { language: 'ar' } ) );
			const button = browserPage.locator( '.helpdesk-own-edit a' );
			await button.waitFor();
			await button.focus();
			await browserPage.keyboard.press( 'Enter' );
			const dialog = browserPage.locator( '.helpdesk-own-edit-dialog' );
			await browserPage.waitForSelector( '.helpdesk-own-edit-dialog #helpdesk-input-title' );
			// The dialog is right to left, and the title field has the focus once it is ready.
			await browserPage.waitForFunction( () => document.activeElement?.id === 'helpdesk-input-title' );
			expect( await dialog.evaluate( ( element ) => [ element.getAttribute( 'dir' ), getComputedStyle( element ).direction ] ) ).toEqual( [ 'rtl', 'rtl' ] );
			// Empty the title and press Enter: nothing is saved, the dialog says why in its own words, the field has the focus.
			await browserPage.keyboard.press( 'Control+A' );
			await browserPage.keyboard.press( 'Backspace' );
			await browserPage.keyboard.press( 'Enter' );
			const problem = browserPage.locator( '.helpdesk-own-edit-problem' );
			await problem.waitFor();
			expect( ( await problem.textContent() ) ?? '' ).toContain( 'قبل حفظ تعديلاتك' );
			expect( await browserPage.evaluate( () => document.activeElement?.id ) ).toBe( 'helpdesk-input-title' );
			// Escape closes the dialog without saving.
			await browserPage.keyboard.press( 'Escape' );
			await dialog.waitFor( { state: 'hidden' } );
			expect( await pageText( bot, page ) ).toBe( before );
		} finally {
			await context.close();
		}
	} );

	it( 'lists the user\'s requests on the landing page, from the bot\'s data', async () => {
		const admin = await logIn( testbed.wiki.credentials.admin.botUsername!, testbed.wiki.credentials.admin.botPassword );
		// The data page as it stands (the bot's, when other tests ran it), put back afterwards.
		const before = ( await admin.read( EXPORT_PAGE ) ).revisions?.[ 0 ]?.content;
		const mine = REQUESTS_PREFIX + `Mine ${ RUN }`;
		const other = REQUESTS_PREFIX + `Not mine ${ RUN }`;
		await admin.request( {
			action: 'edit', title: EXPORT_PAGE, contentmodel: 'json', summary: 'test data', token: admin.csrfToken,
			text: storedJson( { schema: 3, about: 'test', requests: [
				{ page: mine, title: `Mine ${ RUN }`, requester: 'Requester Two', status: 'initial-feedback', since: '2026-11-01T00:00:00Z', waitingOn: 'committee' },
				{ page: other, title: `Not mine ${ RUN }`, requester: 'Requester One', status: 'submitted', since: '2026-11-02T00:00:00Z', waitingOn: 'committee' },
			], attention: [], pages: [] } ),
		} );
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester Two' );
		try {
			await page.goto( wikiPageUrl( testbed.wiki, HELPDESK_PAGE ) );
			const list = page.locator( '.helpdesk-my-requests li' );
			await list.first().waitFor();
			expect( await list.count() ).toBe( 1 );
			expect( await list.first().textContent() ).toContain( `Mine ${ RUN }` );
			expect( decodeURIComponent( await page.locator( '.helpdesk-my-requests li a' ).first().getAttribute( 'href' ) || '' ).replace( /_/g, ' ' ) ).toContain( mine );
		} finally {
			await context.close();
			if ( before !== undefined ) {
				await admin.request( { action: 'edit', title: EXPORT_PAGE, text: before, summary: 'test data removed', token: admin.csrfToken } );
			}
		}
	} );
} );
