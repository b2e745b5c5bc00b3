/**
 * The request form in a real browser, as a requester uses it: open it from the
 * landing page's button, fill it in, preview and file; then read the request page
 * that the wiki saved.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import axe from 'axe-core';
import { Mwn } from 'mwn';
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { parseRequestPage } from '../../../shared/codec';
import { countryName } from '../../../shared/countries';
import { HELPDESK_PAGE } from '../../../shared/pages';
import type { HelpdeskRequest, RequestFormFields } from '../../../shared/request';
import { FORM_FIELDS } from '../../../shared/validation';
import type { LocalWiki, LocalWikiUser } from '../../../scripts/local-wiki/index';
import { sharedTestWiki } from '../setup/shared-wiki';
import { TEST_USER_AGENT } from '../setup/test-wiki';
import { ARTIFACTS, launchBrowser, logIn, newSession, screenshot, SessionOptions } from './browser';
import { installHelpdesk } from './install';

export type Skin = 'vector-2022' | 'minerva';

export interface PageOptions {
	skin?: Skin;
	/** `uselang` */
	language?: string;
}

export const FORM = '.helpdesk-form';
export const FORM_BODY = '.helpdesk-form .oo-ui-window-body';
export const REQUEST_BUTTON = '.helpdesk-request-button a';
export const PREVIEW = '.helpdesk-form .helpdesk-preview .mw-parser-output';

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
		( inputs ) => inputs.filter( ( input ) => ( input as HTMLInputElement ).checked ).map( ( input ) => ( input as HTMLInputElement ).value ),
	);
	const stage = await page.$$eval(
		'input[name="helpdesk-stage"]',
		( inputs ) => inputs.filter( ( input ) => ( input as HTMLInputElement ).checked ).map( ( input ) => ( input as HTMLInputElement ).value ),
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

/** The page shown now, as MediaWiki names it (with spaces). */
export async function currentPageName( page: Page ): Promise<string> {
	const name = await page.evaluate( () => ( window as unknown as { mw: { config: { get( key: string ): unknown } } } ).mw.config.get( 'wgPageName' ) );
	return String( name ).replace( /_/g, ' ' );
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

/** The account of one of the local wiki's people. */
export function account( wiki: LocalWiki, username: string ): LocalWikiUser {
	const found = wiki.credentials.users.find( ( user ) => user.username === username );
	if ( !found ) {
		throw new Error( `The test wiki has no user ${ username }` );
	}
	return found;
}

/** Session cookies by wiki and user: logging in through the form once per test file is enough. */
const sessionCookies = new Map<string, Cookie[]>();

export interface RequesterSession {
	context: BrowserContext;
	page: Page;
}

/**
 * A fresh browser context (empty storage, so no draft) logged in as `username`,
 * with one page open. Close the context at the end of the test.
 */
export async function loggedInSession(
	browser: Browser, wiki: LocalWiki, username: string, options: SessionOptions = {},
): Promise<RequesterSession> {
	const context = await newSession( browser, options );
	const page = await context.newPage();
	const key = wiki.apiUrl + '\n' + username;
	const cookies = sessionCookies.get( key );
	if ( cookies ) {
		await context.addCookies( cookies );
	} else {
		await logIn( page, wiki.indexUrl, username, account( wiki, username ).password );
		sessionCookies.set( key, await context.cookies() );
	}
	return { context: context, page: page };
}

/** Until nothing moves on the page (dialogs and notifications fade in). */
export async function settled( page: Page ): Promise<void> {
	await page.waitForFunction( () => document.getAnimations().every( ( animation ) => animation.playState !== 'running' ) );
}

/**
 * A screenshot of what the viewport shows, in test-artifacts/, once nothing moves
 * and with the mouse off the page (nothing shown in its hover state).
 */
export async function viewportScreenshot( page: Page, name: string ): Promise<string> {
	await page.mouse.move( 0, 0 );
	await settled( page );
	const path = resolve( ARTIFACTS, name + '.png' );
	mkdirSync( ARTIFACTS, { recursive: true } );
	await page.screenshot( { path: path } );
	return path;
}

/** A screenshot of the whole page, as viewportScreenshot. */
export async function fullPageScreenshot( page: Page, name: string ): Promise<string> {
	await page.mouse.move( 0, 0 );
	await settled( page );
	return screenshot( page, name );
}

/** Scroll the form back to its start (for a screenshot that shows its beginning). */
export async function scrollFormToTop( page: Page ): Promise<void> {
	await page.$eval( FORM_BODY, ( body ) => {
		body.scrollTop = 0;
	} );
}

/**
 * Set the user's skin preference through the wiki's API in the page (null: back
 * to the default), so that every page, also the one the form goes to after
 * filing, is in that skin.
 */
export async function setSkinPreference( page: Page, skin: Skin | null ): Promise<void> {
	await page.evaluate( async ( chosen ) => {
		const mw = ( window as unknown as { mw: { Api: new () => { saveOption( name: string, value: string | null ): Promise<unknown> } } } ).mw;
		await new mw.Api().saveOption( 'skin', chosen );
	}, skin );
}

/** The confirmation shown on a request page just filed. */
export async function confirmationText( page: Page ): Promise<string> {
	await page.waitForSelector( '.mw-notification', { state: 'visible' } );
	return ( await page.textContent( '.mw-notification' ) || '' ).trim();
}

/** Press Tab until the focused element matches `selector`; fails after `limit` presses. */
export async function tabTo( page: Page, selector: string, limit = 60, key = 'Tab' ): Promise<void> {
	for ( let presses = 0; presses < limit; presses++ ) {
		if ( await page.evaluate( ( wanted ) => !!document.activeElement && document.activeElement.matches( wanted ), selector ) ) {
			return;
		}
		await page.keyboard.press( key );
	}
	throw new Error( `${ selector } not reached with ${ limit } presses of ${ key }` );
}

export interface AxeViolation {
	rule: string;
	impact: string;
	help: string;
	/** Each element concerned, with axe's explanation. */
	nodes: string[];
	/** The colours axe measured, for colour contrast. */
	colours: { foreground: string; background: string }[];
}

/**
 * axe-core's serious and critical violations inside `selector`, as the page looks
 * now. The mouse is moved off the page first: a button under it would be checked
 * in its hover state.
 */
export async function seriousViolations( page: Page, selector: string ): Promise<AxeViolation[]> {
	await page.mouse.move( 0, 0 );
	await settled( page );
	if ( !await page.evaluate( () => 'axe' in window ) ) {
		await page.addScriptTag( { content: axe.source } );
	}
	const violations = await page.evaluate( async ( context ) => {
		const runner = ( window as unknown as { axe: typeof axe } ).axe;
		const result = await runner.run( { include: [ [ context ] ] }, { resultTypes: [ 'violations' ] } );
		return result.violations.map( ( violation ) => ( {
			rule: violation.id,
			impact: String( violation.impact ),
			help: violation.help,
			nodes: violation.nodes.map( ( node ) => node.target.join( ' ' ) + ': ' + String( node.failureSummary ) ),
			colours: violation.nodes.map( ( node ) => {
				const data = ( node.any[ 0 ] && node.any[ 0 ].data || {} ) as { fgColor?: string; bgColor?: string };
				return { foreground: String( data.fgColor ), background: String( data.bgColor ) };
			} ),
		} ) );
	}, selector );
	return violations.filter( ( violation ) => violation.impact === 'serious' || violation.impact === 'critical' );
}

/**
 * The text a person sees inside `selector`: each visible text node, and the
 * placeholders, titles, labels and alternative texts of visible elements.
 * Parts under `skip` (e.g. the preview of the page, which is the request's own
 * text) are left out.
 */
export async function visibleTexts( page: Page, selector: string, skip = '.helpdesk-preview' ): Promise<string[]> {
	return page.$eval( selector, ( root, skipped ) => {
		const texts: string[] = [];
		const walker = document.createTreeWalker( root, NodeFilter.SHOW_TEXT );
		for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
			const parent = node.parentElement;
			const text = ( node.textContent || '' ).trim();
			if ( text !== '' && parent && !parent.closest( skipped ) && parent.checkVisibility( { visibilityProperty: true } ) ) {
				texts.push( text );
			}
		}
		root.querySelectorAll( '[placeholder], [title], [aria-label], img[alt]' ).forEach( ( element ) => {
			if ( element.closest( skipped ) || !element.checkVisibility( { visibilityProperty: true } ) ) {
				return;
			}
			[ 'placeholder', 'title', 'aria-label', 'alt' ].forEach( ( attribute ) => {
				const text = ( element.getAttribute( attribute ) || '' ).trim();
				if ( text !== '' ) {
					texts.push( text );
				}
			} );
		} );
		return texts;
	}, skip );
}
