/**
 * What the form offers while the user types, in a real browser on the real wiki:
 * the country list (in English, Swedish and Arabic; Enter takes exactly the
 * country highlighted) and the requests that look like the one being written.
 */
import { Mwn } from 'mwn';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderRequestPage } from '../../shared/codec';
import { REQUESTS_PREFIX } from '../../shared/pages';
import { emptyRequest } from '../../shared/request';
import { openForm } from '../../scripts/lib/browser/request-form';
import { loggedInSession } from '../../scripts/lib/browser/session';
import { TEST_USER_AGENT } from './setup/test-wiki';
import { formTestbed } from './support/testbed';

const RUN = Date.now().toString( 36 );
const COUNTRY = '#helpdesk-input-country';
const HIGHLIGHTED = '.oo-ui-menuOptionWidget.oo-ui-optionWidget-highlighted';

/** Type into the country field, move into the list with ↓ and take what is highlighted with Enter. */
async function chooseCountry( page: Page, typed: string ): Promise<{ highlighted: string; chosen: string; listed: string[] }> {
	await page.fill( COUNTRY, '' );
	await page.type( COUNTRY, typed );
	await page.press( COUNTRY, 'ArrowDown' );
	const highlighted = ( await page.textContent( HIGHLIGHTED ) || '' ).trim();
	const listed = await page.$$eval( '.oo-ui-menuOptionWidget', ( options ) => options
		.filter( ( option ) => ( option as HTMLElement ).offsetParent !== null )
		.map( ( option ) => ( option.textContent || '' ).trim() ) );
	await page.press( COUNTRY, 'Enter' );
	return { highlighted: highlighted, chosen: await page.inputValue( COUNTRY ), listed: listed };
}

describe( 'typing in the form', () => {
	const testbed = formTestbed();

	for ( const [ language, cases ] of [
		[ 'en', [ [ 'Ghan', 'Ghana' ], [ 'Turkey', 'Türkiye (Turkey)' ], [ 'ivory', 'Côte d’Ivoire (Ivory Coast)' ], [ 'czech rep', 'Czechia (Czech Republic)' ] ] ],
		[ 'sv', [ [ 'Ghan', 'Ghana' ], [ 'elfenb', 'Elfenbenskusten' ], [ 'osterr', 'Österrike' ], [ 'Sweden', 'Sverige (Sweden)' ] ] ],
		[ 'ar', [ [ 'مالي', 'مالي' ], [ 'غان', 'غانا' ], [ 'Ghana', 'غانا (Ghana)' ] ] ],
	] as const ) {
		it( `chooses exactly the country highlighted, best match first (${ language })`, async () => {
			const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
			try {
				await openForm( page, testbed.wiki, { language: language } );
				for ( const [ typed, label ] of cases ) {
					const choice = await chooseCountry( page, typed );
					expect( choice.highlighted, typed ).toBe( label );
					expect( choice.listed[ 0 ], typed ).toBe( label );
					// The field shows the name alone; the request stores its code.
					expect( choice.chosen, typed ).toBe( label.replace( / \(.*\)$/, '' ) );
				}
				if ( language === 'ar' ) {
					// "مالي" is in "الشمالية": Mali before the Northern Mariana Islands and North Korea.
					const mali = await chooseCountry( page, 'مالي' );
					expect( mali.listed.indexOf( 'مالي' ) ).toBe( 0 );
				}
				// Enter without moving into the list keeps what was typed, for validation to judge.
				await page.fill( COUNTRY, '' );
				await page.type( COUNTRY, 'Ghan' );
				await page.press( COUNTRY, 'Enter' );
				expect( await page.inputValue( COUNTRY ) ).toBe( 'Ghan' );
			} finally {
				await context.close();
			}
		} );
	}

	it( 'shows requests from the same affiliate or with the same partner while the user types, with links', async () => {
		const bot = await Mwn.init( {
			apiUrl: testbed.wiki.apiUrl,
			username: testbed.wiki.credentials.bot.botUsername,
			password: testbed.wiki.credentials.bot.botPassword,
			userAgent: TEST_USER_AGENT,
			silent: true,
		} );
		const affiliate = `Wikimedia Testland ${ RUN }`;
		const title = `Scans of the city archive ${ RUN }`;
		await bot.create( REQUESTS_PREFIX + title, renderRequestPage( {
			...emptyRequest( 'Amara Okafor', '2026-01-05T10:00:00Z', 'en' ),
			title: title, affiliate: affiliate, partners: [ `Testland City Archive ${ RUN }` ], support: [ 'other' ], description: 'Filed before.',
		} ), 'An earlier request' );
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await openForm( page, testbed.wiki );
			expect( await page.isVisible( '.helpdesk-similar' ) ).toBe( false );
			await page.type( '#helpdesk-input-affiliate', affiliate.toLowerCase() );
			const link = page.locator( '.helpdesk-similar a', { hasText: title } );
			await link.waitFor();
			expect( decodeURIComponent( await link.getAttribute( 'href' ) || '' ).replace( /_/g, ' ' ) ).toContain( REQUESTS_PREFIX + title );
			await page.fill( '#helpdesk-input-affiliate', 'Somebody else entirely' );
			await page.waitForSelector( '.helpdesk-similar', { state: 'hidden' } );
			await page.fill( '#helpdesk-input-partners', `testland city archive ${ RUN }` );
			await page.locator( '.helpdesk-similar a', { hasText: title } ).waitFor();
			await page.fill( '#helpdesk-input-partners', '' );
			await page.waitForSelector( '.helpdesk-similar', { state: 'hidden' } );
			// A similar title alone.
			await page.fill( '#helpdesk-input-title', `Scans from the city archive ${ RUN }` );
			await page.locator( '.helpdesk-similar a', { hasText: title } ).waitFor();
		} finally {
			await context.close();
		}
	} );

	it( 'files as before when the wiki cannot be asked for similar requests', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await page.route( /generator=allpages/, ( route ) => route.abort() );
			await openForm( page, testbed.wiki );
			await page.type( '#helpdesk-input-affiliate', 'Wikimedia Sverige' );
			await page.waitForTimeout( 1000 );
			expect( await page.isVisible( '.helpdesk-similar' ) ).toBe( false );
			expect( await page.isVisible( '#helpdesk-input-title' ) ).toBe( true );
		} finally {
			await context.close();
		}
	} );
} );
