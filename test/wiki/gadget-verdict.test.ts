/**
 * The requester's verdict, in a real browser on the real wiki: on their own request,
 * done, a requester who reads the wiki in Swedish gives a rating and a comment with
 * the keyboard alone; the page gets `{{Helpdesk verdict}}` in a section headed in
 * the request's language, shows it in the reader's language with the comment as
 * text, and the form is not offered again.
 */
import { Mwn } from 'mwn';
import { describe, expect, it } from 'vitest';
import { renderRequestPage } from '../../shared/codec';
import { REQUESTS_PREFIX } from '../../shared/pages';
import { emptyRequest } from '../../shared/request';
import { wikiPageUrl } from '../../scripts/lib/browser/navigation';
import { loggedInSession } from '../../scripts/lib/browser/session';
import { TEST_USER_AGENT } from './setup/test-wiki';
import { formTestbed } from './support/testbed';

const RUN = Date.now().toString( 36 );

describe( 'the requester\'s verdict', () => {
	const testbed = formTestbed();

	it( 'is given with the keyboard in Swedish, saved as the template, and not asked for again', async () => {
		const bot = await Mwn.init( {
			apiUrl: testbed.wiki.apiUrl, username: testbed.wiki.credentials.bot.botUsername!, password: testbed.wiki.credentials.bot.botPassword,
			userAgent: TEST_USER_AGENT, silent: true,
		} );
		const title = `Verdict test: glass plates of the Uppsala studio ${ RUN }`;
		const page = REQUESTS_PREFIX + title;
		await bot.create( page, renderRequestPage( {
			...emptyRequest( 'Requester One', '2026-01-05T10:00:00Z', 'sv' ),
			title: title, country: 'SE', support: [ 'mass-upload' ], description: 'Glasplåtar från ateljén, 1890–1920.',
			status: 'done', statusSince: '2026-02-01T10:00:00Z',
		} ), 'A request' );
		const comment = 'Snabb hjälp! [[Kategori:Skräp]] {{Mall}} ~~~~ <b>fet</b>';
		const { context, page: browserPage } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await browserPage.goto( wikiPageUrl( testbed.wiki, page, { language: 'sv' } ) );
			const form = browserPage.locator( '.helpdesk-own-verdict' );
			await form.waitFor();
			expect( await form.textContent() ).toContain( 'Hur gick det?' );
			// From the button before it, Tab reaches the ratings; the arrow keys choose 4 of 5.
			await browserPage.locator( '.helpdesk-own-edit a' ).focus();
			await browserPage.keyboard.press( 'Tab' );
			expect( await browserPage.evaluate( () => document.activeElement?.id ) ).toBe( 'helpdesk-verdict-rating-1' );
			for ( let i = 0; i < 3; i++ ) {
				await browserPage.keyboard.press( 'ArrowDown' );
			}
			expect( await browserPage.isChecked( '#helpdesk-verdict-rating-4' ) ).toBe( true );
			await browserPage.keyboard.press( 'Tab' );
			expect( await browserPage.evaluate( () => document.activeElement?.id ) ).toBe( 'helpdesk-verdict-comment' );
			await browserPage.keyboard.type( comment );
			await browserPage.keyboard.press( 'Tab' );
			await browserPage.keyboard.press( 'Enter' );
			const done = browserPage.locator( '.helpdesk-own-verdict-done' );
			await done.waitFor();
			expect( await done.textContent() ).toContain( 'Tack!' );

			const saved = ( await bot.read( page ) ).revisions![ 0 ].content!;
			expect( saved ).toContain( '\n== Förfrågarens omdöme ==\n{{Helpdesk verdict|rating=4|comment=Snabb hjälp! ' );
			expect( saved ).toMatch( /\|user=Requester One\}\} ~~~~|\|user=Requester One\}\} \[\[/ );
			expect( saved.match( /\{\{Helpdesk verdict/g ) ).toHaveLength( 1 );

			// Shown again: the verdict in the reader's language, the comment as text, and no form.
			await browserPage.goto( wikiPageUrl( testbed.wiki, page, { language: 'sv' } ) );
			await browserPage.locator( '.helpdesk-own-edit' ).waitFor();
			const verdict = browserPage.locator( '.helpdesk-verdict' );
			expect( await verdict.textContent() ).toContain( '4 av 5' );
			expect( await verdict.textContent() ).toContain( comment );
			expect( await browserPage.locator( '.helpdesk-verdict b, .helpdesk-verdict a[href*="Skr"]' ).count() ).toBe( 0 );
			expect( await browserPage.locator( '.helpdesk-own-verdict' ).count() ).toBe( 0 );
		} finally {
			await context.close();
		}
	} );
} );
