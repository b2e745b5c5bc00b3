/**
 * The form speaks the user's language: Swedish with `uselang=sv`, right to left
 * in Arabic, and with `uselang=qqx` every text shown is a message key, which
 * proves that no text is written into the code.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import ar from '../../gadget/i18n/ar.json';
import en from '../../gadget/i18n/en.json';
import sv from '../../gadget/i18n/sv.json';
import { REQUESTS_PREFIX } from '../../shared/pages';
import { PARTNERSHIP_STAGES, SUPPORT_KINDS, TARGET_PROJECTS } from '../../shared/request';
import { visibleTexts } from './support/accessibility';
import { fileShownRequest, fillRequest, openForm, showPreview } from '../../scripts/lib/browser/request-form';
import { viewportScreenshot } from './support/screenshots';
import { loggedInSession } from '../../scripts/lib/browser/session';
import { formFieldsOf, formTestbed, savedRequest } from './support/testbed';
import { sampleFields } from '../../scripts/lib/sample-request';

const RUN = Date.now().toString( 36 );

/** Texts of the elements matching `selector` inside the form, in order. */
async function texts( page: Page, selector: string ): Promise<string[]> {
	return ( await page.locator( '.helpdesk-form ' + selector ).allTextContents() ).map( ( text ) => text.trim() );
}

/** The label shown for a field's widget. */
async function fieldLabel( page: Page, field: string ): Promise<string> {
	return ( await page.locator( '.helpdesk-form .helpdesk-fieldLayout' )
		.filter( { has: page.locator( '.helpdesk-field-' + field ) } )
		.locator( '.oo-ui-fieldLayout-header .oo-ui-labelElement-label' ).first().textContent() || '' ).trim();
}

/**
 * The message keys in a text as `uselang=qqx` shows a message: its key in
 * brackets, after a colon its parameters, which may be messages too. Null when the
 * text is not such a message.
 */
function qqxKeys( text: string ): string[] | null {
	const key = /^\(([a-z0-9-]+)(?:\)$|: )/.exec( text );
	if ( !key || text.charAt( text.length - 1 ) !== ')' ) {
		return null;
	}
	return Array.from( text.matchAll( /\(([a-z][a-z0-9-]*)(?=[:)])/g ), ( match ) => match[ 1 ] );
}

describe( 'the form in the user\'s language', () => {
	const testbed = formTestbed();

	it( 'is in Swedish with uselang=sv, takes Swedish country names, and files in Swedish', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await openForm( page, testbed.wiki, { language: 'sv' } );
			expect( await texts( page, '.oo-ui-processDialog-title' ) ).toEqual( [ sv[ 'helpdesk-form-title' ] ] );
			expect( await texts( page, '.helpdesk-action-preview' ) ).toEqual( [ sv[ 'helpdesk-action-preview' ] ] );
			expect( await texts( page, '.helpdesk-action-editor' ) ).toEqual( [ sv[ 'helpdesk-action-editor' ] ] );
			expect( await texts( page, '.oo-ui-fieldsetLayout > .oo-ui-fieldsetLayout-header .oo-ui-labelElement-label' ) ).toEqual(
				[ 'request', 'partnership', 'content', 'more' ].map( ( fieldset ) => sv[ `helpdesk-fieldset-${ fieldset }` as keyof typeof sv ] ),
			);
			expect( await fieldLabel( page, 'title' ) ).toBe( sv[ 'helpdesk-required-label' ].replace( '$1', sv[ 'helpdesk-field-title-label' ] ) );
			expect( await fieldLabel( page, 'timeline' ) ).toBe( sv[ 'helpdesk-field-timeline-label' ] );
			expect( await page.getAttribute( '#helpdesk-input-title', 'placeholder' ) ).toBe( sv[ 'helpdesk-field-title-placeholder' ] );
			expect( await texts( page, '.helpdesk-field-support .oo-ui-labelElement-label' ) ).toEqual(
				SUPPORT_KINDS.map( ( kind ) => sv[ `helpdesk-support-${ kind }` ] ),
			);
			expect( await texts( page, '.helpdesk-field-projects .oo-ui-labelElement-label' ) ).toEqual(
				TARGET_PROJECTS.map( ( project ) => sv[ `helpdesk-project-${ project }` ] ),
			);
			expect( await texts( page, '.helpdesk-field-stage label' ) ).toEqual(
				[ 'none', ...PARTNERSHIP_STAGES ].map( ( stage ) => sv[ `helpdesk-stage-${ stage }` as keyof typeof sv ] ),
			);
			await viewportScreenshot( page, 'form-vector-sv' );

			// The country is typed as Swedes name it, and stored as its code.
			const fields = sampleFields( { title: `Fotografier från Sápmi ${ RUN }`, country: 'NO' } );
			await fillRequest( page, fields, 'Norge' );
			await showPreview( page );
			const title = REQUESTS_PREFIX + fields.title;
			// The request page itself is in the user's preferred language: `uselang` was for the form's page.
			expect( await fileShownRequest( page ) ).toBe( title );
			const saved = await savedRequest( testbed.reader, title );
			expect( formFieldsOf( saved ) ).toEqual( fields );
			expect( saved.language ).toBe( 'sv' );
			const revision = ( await testbed.reader.read( title, { rvprop: [ 'content', 'comment' ] } ) ).revisions?.[ 0 ];
			expect( ( revision?.content || '' ).endsWith( `\n\n== ${ sv[ 'helpdesk-discussion-heading' ] } ==` ) ).toBe( true );
			expect( revision?.comment ).toBe( sv[ 'helpdesk-edit-summary' ].replace( '$1', fields.title ) );
		} finally {
			await context.close();
		}
	} );

	it( 'shows only message keys with uselang=qqx: in the form, its errors and the preview', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester Two' );
		try {
			await openForm( page, testbed.wiki, { language: 'qqx' } );
			const seen: string[] = [];
			seen.push( ...await visibleTexts( page, '.helpdesk-form' ) );
			// Every field's problem, and the summary of them.
			await page.click( '.helpdesk-form .helpdesk-action-preview' );
			await page.waitForSelector( '.helpdesk-form .helpdesk-form-problem', { state: 'visible' } );
			await page.fill( '#helpdesk-input-links', 'not a link' );
			await page.fill( '#helpdesk-input-country', 'Atlantis' );
			await page.press( '#helpdesk-input-country', 'Tab' );
			await page.waitForSelector( '#helpdesk-error-links', { state: 'visible' } );
			seen.push( ...await visibleTexts( page, '.helpdesk-form' ) );
			await viewportScreenshot( page, 'form-vector-qqx' );
			await fillRequest( page, sampleFields( { title: `Keys only ${ RUN }` } ) );
			await showPreview( page );
			seen.push( ...await visibleTexts( page, '.helpdesk-form' ) );

			// Each text is one message; its parameters may be messages too.
			const keys = seen.flatMap( ( text ) => qqxKeys( text ) || [ `not a message: ${ text }` ] );
			const known = keys.filter( ( key ) => Object.prototype.hasOwnProperty.call( en, key ) || /^ooui-/.test( key ) );
			expect( known ).toEqual( keys );
			// The check saw the form: its title, labels, help, errors and the preview's intro.
			expect( keys ).toEqual( expect.arrayContaining( [
				'helpdesk-form-title', 'helpdesk-form-intro', 'helpdesk-field-title-label', 'helpdesk-field-description-help',
				'helpdesk-support-copyright', 'helpdesk-stage-agreement', 'helpdesk-problems-summary', 'helpdesk-problem-required',
				'helpdesk-problem-invalid-link', 'helpdesk-problem-unknown-country', 'helpdesk-action-save', 'helpdesk-preview-intro',
			] ) );
		} finally {
			await context.close();
		}
	} );

	it( 'is right to left in Arabic', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await openForm( page, testbed.wiki, { language: 'ar' } );
			expect( await page.getAttribute( '.helpdesk-form', 'dir' ) ).toBe( 'rtl' );
			expect( await page.getAttribute( '.helpdesk-form', 'lang' ) ).toBe( 'ar' );
			expect( await texts( page, '.oo-ui-processDialog-title' ) ).toEqual( [ ar[ 'helpdesk-form-title' ] ] );
			// The labels stand on the right, where Arabic is read from.
			const dialog = await page.locator( '.helpdesk-form .oo-ui-window-frame' ).boundingBox();
			const label = await page.locator( '.helpdesk-form .helpdesk-fieldLayout .oo-ui-fieldLayout-header .oo-ui-labelElement-label' ).first().boundingBox();
			if ( !dialog || !label ) {
				throw new Error( 'The form or its first label is not shown' );
			}
			expect( label.x - dialog.x ).toBeGreaterThan( dialog.x + dialog.width - ( label.x + label.width ) );
			await viewportScreenshot( page, 'form-vector-rtl-ar' );
			await fillRequest( page, sampleFields( { title: `صور المتحف ${ RUN }`,
				affiliate: 'ويكيميديا مصر',
				country: 'EG',
				partners: [ 'المتحف المصري' ],
				description: 'نحتاج إلى مساعدة في رفع الصور.\nشكرًا!',
			} ), 'مصر' );
			await showPreview( page );
			await viewportScreenshot( page, 'preview-vector-rtl-ar' );
		} finally {
			await context.close();
		}
	} );
} );
