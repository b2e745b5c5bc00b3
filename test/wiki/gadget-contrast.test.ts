/**
 * Contrast of the landing page's button and of the form's buttons in every
 * interactive state (resting, hover, active, in light and night mode), measured
 * from the colours the browser computes: WCAG AA asks for 4.5:1.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { goToLandingPage, REQUEST_BUTTON } from '../../scripts/lib/browser/navigation';
import { waitForForm } from '../../scripts/lib/browser/request-form';
import { loggedInSession } from '../../scripts/lib/browser/session';
import { formTestbed } from './support/testbed';

/** The contrast ratio of the text colour of `text` against the background colour of `ground`. */
async function contrast( page: Page, text: string, ground: string ): Promise<number> {
	return page.evaluate( ( [ textSelector, groundSelector ] ) => {
		const rgb = ( colour: string ): number[] => ( colour.match( /[\d.]+/g ) || [] ).slice( 0, 3 ).map( Number );
		const luminance = ( colour: string ): number => {
			const [ r, g, b ] = rgb( colour ).map( ( value ) => {
				const channel = value / 255;
				return channel <= 0.03928 ? channel / 12.92 : Math.pow( ( channel + 0.055 ) / 1.055, 2.4 );
			} );
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		const foreground = luminance( getComputedStyle( document.querySelector( textSelector ) as Element ).color );
		const background = luminance( getComputedStyle( document.querySelector( groundSelector ) as Element ).backgroundColor );
		return ( Math.max( foreground, background ) + 0.05 ) / ( Math.min( foreground, background ) + 0.05 );
	}, [ text, ground ] );
}

const LABEL = '.helpdesk-request-button-label';
const BUTTON = '.helpdesk-request-button';
const PREVIEW_BUTTON = '.helpdesk-form .helpdesk-action-preview .oo-ui-buttonElement-button';

describe( 'contrast of the buttons', () => {
	const testbed = formTestbed();

	for ( const night of [ false, true ] ) {
		it( `of the landing page's button, resting, hovered, pressed and focused (${ night ? 'night' : 'light' } mode)`, async () => {
			const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
			try {
				await goToLandingPage( page, testbed.wiki, { skin: 'vector-2022' } );
				// The form's style sheet, which styles the button's states, loads in the background.
				await page.waitForFunction( () => getComputedStyle( document.querySelector( '.helpdesk-request-button a' ) as Element ).textDecorationLine === 'none' );
				if ( night ) {
					await page.evaluate( () => document.documentElement.classList.add( 'skin-theme-clientpref-night' ) );
				}
				expect( await page.getAttribute( BUTTON, 'class' ) ).not.toMatch( /mw-ui/ );
				expect( await contrast( page, LABEL, BUTTON ) ).toBeGreaterThanOrEqual( 4.5 );
				await page.hover( REQUEST_BUTTON );
				expect( await contrast( page, LABEL, BUTTON ) ).toBeGreaterThanOrEqual( 4.5 );
				await page.mouse.down();
				expect( await contrast( page, LABEL, BUTTON ) ).toBeGreaterThanOrEqual( 4.5 );
				await page.mouse.move( 0, 0 );
				await page.mouse.up();
				await page.focus( REQUEST_BUTTON );
				expect( await contrast( page, LABEL, BUTTON ) ).toBeGreaterThanOrEqual( 4.5 );
			} finally {
				await context.close();
			}
		} );
	}

	it( 'of the form\'s Preview button, resting, hovered and pressed', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await goToLandingPage( page, testbed.wiki, { skin: 'vector-2022' } );
			await page.click( REQUEST_BUTTON );
			await waitForForm( page );
			expect( await contrast( page, PREVIEW_BUTTON, PREVIEW_BUTTON ) ).toBeGreaterThanOrEqual( 4.5 );
			await page.hover( PREVIEW_BUTTON );
			// OOUI's own hover colour gave 3.74:1.
			expect( await contrast( page, PREVIEW_BUTTON, PREVIEW_BUTTON ) ).toBeGreaterThanOrEqual( 4.5 );
			await page.mouse.down();
			expect( await contrast( page, PREVIEW_BUTTON, PREVIEW_BUTTON ) ).toBeGreaterThanOrEqual( 4.5 );
			await page.mouse.up();
		} finally {
			await context.close();
		}
	} );
} );
