/**
 * Going to the wiki's pages in a real browser: a page's URL in a skin and
 * language, the landing page, the page shown now, the skin preference.
 */
import type { Page } from 'playwright-core';
import { HELPDESK_PAGE } from '../../../shared/pages';
import type { LocalWiki } from '../../local-wiki/index';

export type Skin = 'vector-2022' | 'minerva';

/** The landing page's "Request support" button. */
export const REQUEST_BUTTON = '.helpdesk-request-button a';

export interface PageOptions {
	skin?: Skin;
	/** `uselang` */
	language?: string;
}

/** The URL of a wiki page, in a skin and interface language. */
export function wikiPageUrl( wiki: LocalWiki, title: string, options: PageOptions = {}, query: Record<string, string> = {} ): string {
	const params = new URLSearchParams( { title: title } );
	if ( options.skin ) {
		params.set( 'useskin', options.skin );
	}
	if ( options.language ) {
		params.set( 'uselang', options.language );
	}
	for ( const [ key, value ] of Object.entries( query ) ) {
		params.set( key, value );
	}
	return wiki.indexUrl + '?' + params.toString();
}

/** The landing page, its "Request support" button ready (the loader gadget has run). */
export async function goToLandingPage( page: Page, wiki: LocalWiki, options: PageOptions = {} ): Promise<void> {
	await page.goto( wikiPageUrl( wiki, HELPDESK_PAGE, options ) );
	// The loader marks the link as a button once it has taken it over.
	await page.waitForSelector( REQUEST_BUTTON + '[role="button"]' );
}

/** The page shown now, as MediaWiki names it (with spaces). */
export async function currentPageName( page: Page ): Promise<string> {
	const name = await page.evaluate( () => ( window as unknown as { mw: { config: { get( key: string ): unknown } } } ).mw.config.get( 'wgPageName' ) );
	return String( name ).replace( /_/g, ' ' );
}

/**
 * Set the user's skin preference through the wiki's API in the page (null: back
 * to the default), so that every page, also the one the form goes to after
 * filing, is in that skin.
 */
export async function setSkinPreference( page: Page, skin: Skin | null ): Promise<void> {
	await page.evaluate( async ( chosen ) => {
		type Api = { saveOption( name: string, value: string | null ): Promise<unknown> };
		const mw = ( window as unknown as { mw: { Api: new () => Api } } ).mw;
		await new mw.Api().saveOption( 'skin', chosen );
	}, skin );
}
