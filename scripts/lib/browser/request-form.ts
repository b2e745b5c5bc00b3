/**
 * The request form in a real browser, as a requester uses it: open it from the
 * landing page's button, fill it in, preview and file.
 */
import type { Page } from 'playwright-core';
import { countryName } from '../../../shared/countries';
import type { RequestFormFields } from '../../../shared/request';
import type { LocalWiki } from '../../local-wiki/index';
import { currentPageName, goToLandingPage, PageOptions, REQUEST_BUTTON } from './navigation';

export const FORM = '.helpdesk-form';
export const FORM_BODY = '.helpdesk-form .oo-ui-window-body';
export const PREVIEW = '.helpdesk-form .helpdesk-preview .mw-parser-output';

/**
 * Until the form can be used: the dialog is open and shows either its fields or
 * the offer to continue a draft.
 */
export async function waitForForm( page: Page, timeout?: number ): Promise<void> {
	await page.waitForSelector( '.helpdesk-form.oo-ui-window-ready .oo-ui-window-body', { state: 'visible', timeout: timeout } );
	await page.waitForSelector( '.helpdesk-form #helpdesk-input-title:visible, .helpdesk-form .helpdesk-draft-offer:visible', { timeout: timeout } );
}

/** Go to the landing page and open the form with its button, as a requester does. */
export async function openForm( page: Page, wiki: LocalWiki, options: PageOptions = {} ): Promise<void> {
	await goToLandingPage( page, wiki, options );
	await page.click( REQUEST_BUTTON );
	await waitForForm( page );
}

/** The text to type in the country field: the English name. */
export function countryText( code: string ): string {
	return code === '' ? '' : countryName( code );
}

async function setChecked( page: Page, selector: string, checked: boolean ): Promise<void> {
	// OOUI draws its own box over the native checkbox, which stays the real control.
	await page.locator( selector ).setChecked( checked, { force: true } );
}

/**
 * Fill in every field of the form (which must be open, its fields shown).
 *
 * @param page
 * @param fields What to enter; the country as its code
 * @param typedCountry What to type in the country field (default: the English name)
 */
export async function fillRequest( page: Page, fields: RequestFormFields, typedCountry = countryText( fields.country ) ): Promise<void> {
	for ( const name of [ 'title', 'affiliate', 'contentType', 'volume', 'timeline', 'description' ] as const ) {
		await page.fill( '#helpdesk-input-' + name, fields[ name ] );
	}
	for ( const name of [ 'partners', 'languages', 'links' ] as const ) {
		await page.fill( '#helpdesk-input-' + name, fields[ name ].join( '\n' ) );
	}
	await setChecked( page, '#helpdesk-input-individual', fields.individual );
	await page.fill( '#helpdesk-input-country', typedCountry );
	// Leave the field: the list of countries closes, what was typed stays.
	await page.press( '#helpdesk-input-country', 'Tab' );
	for ( const [ name, codes ] of [ [ 'support', fields.support ], [ 'projects', fields.projects ] ] as const ) {
		const values = await page.$$eval( `.helpdesk-field-${ name } input[type="checkbox"]`, ( inputs ) => inputs.map( ( input ) => ( input as HTMLInputElement ).value ) );
		for ( const value of values ) {
			await setChecked( page, `.helpdesk-field-${ name } input[value="${ value }"]`, ( codes as readonly string[] ).includes( value ) );
		}
	}
	await setChecked( page, '#helpdesk-input-stage-' + ( fields.stage || 'none' ), true );
}

/** What the form's widgets show now (the country as shown, not as a code). */
export async function formValues( page: Page ): Promise<RequestFormFields> {
	const value = ( name: string ): Promise<string> => page.inputValue( '#helpdesk-input-' + name );
	const lines = async ( name: string ): Promise<string[]> => {
		const text = await value( name );
		return text === '' ? [] : text.split( '\n' );
	};
	const checked = ( name: string ): Promise<string[]> => page.$$eval(
		`.helpdesk-field-${ name } input[type="checkbox"]`,
		( inputs ) => ( inputs as HTMLInputElement[] ).filter( ( input ) => input.checked ).map( ( input ) => input.value ),
	);
	const stage = await page.$$eval(
		'input[name="helpdesk-stage"]',
		( inputs ) => ( inputs as HTMLInputElement[] ).filter( ( input ) => input.checked ).map( ( input ) => input.value ),
	);
	// In the form's order, so that a failed comparison reads like the form.
	return {
		title: await value( 'title' ),
		affiliate: await value( 'affiliate' ),
		individual: await page.isChecked( '#helpdesk-input-individual' ),
		country: await value( 'country' ),
		partners: await lines( 'partners' ),
		support: await checked( 'support' ) as RequestFormFields[ 'support' ],
		stage: ( stage[ 0 ] || '' ) as RequestFormFields[ 'stage' ],
		contentType: await value( 'contentType' ),
		volume: await value( 'volume' ),
		projects: await checked( 'projects' ) as RequestFormFields[ 'projects' ],
		languages: await lines( 'languages' ),
		timeline: await value( 'timeline' ),
		description: await value( 'description' ),
		links: await lines( 'links' ),
	};
}

/** `fields` as the form shows them: the country by its English name. */
export function shownFields( fields: RequestFormFields, typedCountry = countryText( fields.country ) ): RequestFormFields {
	return { ...fields, country: typedCountry };
}

/** Select Preview; resolves to the preview's intro (which names the title it will get). */
export async function showPreview( page: Page ): Promise<string> {
	await page.click( '.helpdesk-form .helpdesk-action-preview' );
	return waitForPreview( page );
}

export async function waitForPreview( page: Page ): Promise<string> {
	await page.waitForSelector( PREVIEW, { state: 'visible' } );
	const intro = ( await page.textContent( '.helpdesk-form .helpdesk-preview-intro' ) ) || '';
	// The title is isolated (U+2068 … U+2069) so that a title in another direction keeps the sentence in order.
	if ( !/\u2068[^\u2069]+\u2069/.test( intro ) ) {
		throw new Error( 'The preview\'s intro does not isolate the title: ' + intro );
	}
	return intro.replace( /[\u2068\u2069]/g, '' );
}

/**
 * Select "File request" in the preview, and wait until the new request page has
 * loaded and confirmed the filing. Resolves to the page's name.
 */
export async function fileShownRequest( page: Page ): Promise<string> {
	const before = page.url();
	await page.click( '.helpdesk-form .helpdesk-action-save' );
	await page.waitForURL( ( url ) => url.toString() !== before );
	await page.waitForSelector( '.mw-notification', { state: 'visible' } );
	return currentPageName( page );
}

/** Scroll the form back to its start (for a screenshot that shows its beginning). */
export async function scrollFormToTop( page: Page ): Promise<void> {
	await page.$eval( FORM_BODY, ( body ) => {
		body.scrollTop = 0;
	} );
}

/** The confirmation shown on a request page just filed. */
export async function confirmationText( page: Page ): Promise<string> {
	await page.waitForSelector( '.mw-notification', { state: 'visible' } );
	return ( await page.textContent( '.mw-notification' ) || '' ).trim();
}
