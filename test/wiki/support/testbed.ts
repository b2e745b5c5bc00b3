/**
 * What the form's tests work with (the test wiki with the Helpdesk installed, a
 * browser, an anonymous reader), and what they read back from the wiki and the
 * browser: saved requests, the watchlist, the stored draft.
 */
import { Mwn } from 'mwn';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { parseRequestPage } from '../../../shared/codec';
import type { HelpdeskRequest, RequestFormFields } from '../../../shared/request';
import { FORM_FIELDS } from '../../../shared/validation';
import type { LocalWiki } from '../../../scripts/local-wiki/index';
import { sharedTestWiki } from '../setup/shared-wiki';
import { TEST_USER_AGENT } from '../setup/test-wiki';
import { launchBrowser } from '../../../scripts/lib/browser/chromium';
import { installHelpdesk } from '../../../scripts/lib/install-helpdesk';

/** A client that reads the wiki anonymously (reading needs no account). */
export function readingClient( wiki: LocalWiki ): Mwn {
	return new Mwn( { apiUrl: wiki.apiUrl, userAgent: TEST_USER_AGENT, silent: true } );
}

/** What the form's tests work with: the test wiki with the Helpdesk installed, a browser, a reader. */
export interface FormTestbed {
	wiki: LocalWiki;
	browser: Browser;
	/** Reads the wiki anonymously. */
	reader: Mwn;
}

/**
 * Set up, for the `describe` it is called in, what the form's tests work with:
 * the browser launched while the Helpdesk is installed, and closed after the
 * last test. The properties are set once the tests run, so read them in tests
 * and hooks, not where the tests are declared.
 */
export function formTestbed(): FormTestbed {
	const testbed = {} as FormTestbed;
	beforeAll( async () => {
		testbed.wiki = sharedTestWiki();
		[ testbed.browser ] = await Promise.all( [ launchBrowser(), installHelpdesk( testbed.wiki ) ] );
		testbed.reader = readingClient( testbed.wiki );
	} );
	afterAll( async () => {
		await testbed.browser?.close();
	} );
	return testbed;
}

/** The request saved at `title`, read back with the codec; throws when the page is no request. */
export async function savedRequest( client: Mwn, title: string ): Promise<HelpdeskRequest> {
	const page = await client.read( title );
	const text = page.revisions && page.revisions[ 0 ] ? page.revisions[ 0 ].content : undefined;
	if ( text === undefined ) {
		throw new Error( `${ title } does not exist` );
	}
	const outcome = parseRequestPage( text );
	if ( !outcome.ok ) {
		throw new Error( `${ title } is not a request page: ${ outcome.problem.message }` );
	}
	return outcome.request;
}

/** The form fields of a saved request, to compare with what was entered. */
export function formFieldsOf( request: HelpdeskRequest ): RequestFormFields {
	return Object.fromEntries( FORM_FIELDS.map( ( name ) => [ name, request[ name ] ] ) ) as unknown as RequestFormFields;
}

/** Whether the user logged in in `page` watches `title` (asked through the wiki's API in the page). */
export async function watchesPage( page: Page, title: string ): Promise<boolean> {
	return page.evaluate( async ( pageTitle ) => {
		const api = new ( window as unknown as { mw: { Api: new () => { get( params: object ): Promise<{ query: { pages: { watched?: boolean }[] } }> } } } ).mw.Api();
		const response = await api.get( { action: 'query', prop: 'info', inprop: 'watched', titles: pageTitle, formatversion: 2 } );
		return response.query.pages[ 0 ].watched === true;
	}, title );
}

/** The draft kept in the browser for `user`, as stored (null when there is none). */
export async function storedDraft( page: Page, user: string ): Promise<{ savedAt: string; fields: RequestFormFields } | null> {
	const text = await page.evaluate( ( key ) => localStorage.getItem( key ), 'helpdesk-request-draft/' + encodeURIComponent( user ) );
	if ( text === null ) {
		return null;
	}
	// mw.storage may prefix an expiry; the draft is the JSON.
	return JSON.parse( text ) as { savedAt: string; fields: RequestFormFields };
}
