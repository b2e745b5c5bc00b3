/**
 * Drafts never get lost: what was typed survives closing the form, reloading the
 * page, a save that fails on the way and a save that an abuse filter stops; it is
 * offered back, and removed once the request is filed or the user discards it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../gadget/i18n/en.json';
import { HELPDESK_PAGE, REQUESTS_PREFIX } from '../../shared/pages';
import { emptyRequest } from '../../shared/request';
import { addAbuseFilter, changeAbuseFilter } from '../../scripts/local-wiki/index';
import {
	confirmationText, fileShownRequest, fillRequest, formValues, openForm, shownFields, showPreview, waitForForm,
} from '../../scripts/lib/browser/request-form';
import { goToLandingPage, REQUEST_BUTTON, wikiPageUrl } from '../../scripts/lib/browser/navigation';
import { viewportScreenshot } from './support/screenshots';
import { loggedInSession } from '../../scripts/lib/browser/session';
import { formFieldsOf, formTestbed, savedRequest, storedDraft } from './support/testbed';
import { sampleFields } from '../../scripts/lib/sample-request';

const RUN = Date.now().toString( 36 );

/** The fields of an empty form, as formValues() reads them. */
const EMPTY_FORM = shownFields( formFieldsOf( emptyRequest( '', '', '' ) ) );

describe( 'drafts of requests', () => {
	const testbed = formTestbed();

	/** Whether the offer to continue the draft is shown, with the form's fields hidden until the user chooses. */
	async function expectDraftOffer( page: Page ): Promise<void> {
		await page.waitForSelector( '.helpdesk-form .helpdesk-draft-offer', { state: 'visible' } );
		expect( await page.isVisible( '#helpdesk-input-title' ) ).toBe( false );
	}

	it( 'keeps the draft when the form is closed and the page reloaded, until it is discarded', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			const fields = sampleFields( { title: `Herbarium sheets ${ RUN }`, links: [ 'https://example.org/herbarium' ] } );
			await openForm( page, testbed.wiki );
			await fillRequest( page, fields );
			// Escape closes the form and says that the draft is kept.
			await page.keyboard.press( 'Escape' );
			await page.waitForSelector( '.helpdesk-form', { state: 'hidden' } );
			expect( await confirmationText( page ) ).toBe( en[ 'helpdesk-draft-kept' ] );
			expect( ( await storedDraft( page, 'Requester One' ) )?.fields ).toEqual( fields );

			// Reloaded, and opened by the link that the login page returns to.
			await page.goto( wikiPageUrl( testbed.wiki, HELPDESK_PAGE, {}, { helpdesk: 'form' } ) );
			await waitForForm( page );
			await expectDraftOffer( page );
			await viewportScreenshot( page, 'draft-offer-vector' );
			await page.click( '.helpdesk-form .helpdesk-draft-restore' );
			await page.waitForSelector( '#helpdesk-input-title', { state: 'visible' } );
			expect( await formValues( page ) ).toEqual( shownFields( fields ) );

			// Reloaded again: the draft is still there; discarding it empties the form and the storage.
			await goToLandingPage( page, testbed.wiki );
			await page.click( REQUEST_BUTTON );
			await waitForForm( page );
			await expectDraftOffer( page );
			await page.click( '.helpdesk-form .helpdesk-draft-discard' );
			await page.waitForSelector( '#helpdesk-input-title', { state: 'visible' } );
			expect( await formValues( page ) ).toEqual( EMPTY_FORM );
			expect( await storedDraft( page, 'Requester One' ) ).toBeNull();
		} finally {
			await context.close();
		}
	} );

	it( 'keeps the draft when saving fails on the way, and removes it once the request is filed', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester Two' );
		try {
			const fields = sampleFields( { title: `Newspaper archive ${ RUN }` } );
			const title = REQUESTS_PREFIX + fields.title;
			await openForm( page, testbed.wiki );
			await fillRequest( page, fields );
			await showPreview( page );
			// The connection drops just as the edit is sent.
			await page.route( '**/api.php', ( route ) => {
				const body = route.request().postData() || '';
				return /(?:^|&)action=edit(?:&|$)/.test( body ) ? route.abort( 'internetdisconnected' ) : route.fallback();
			} );
			await page.click( '.helpdesk-form .helpdesk-action-save' );
			const problem = page.locator( '.helpdesk-form .helpdesk-filing-problem' );
			await problem.waitFor( { state: 'visible' } );
			expect( await problem.textContent() ).toContain( en[ 'helpdesk-error-http' ] );
			expect( ( await testbed.reader.read( title ) ).missing ).toBe( true );
			expect( ( await storedDraft( page, 'Requester Two' ) )?.fields ).toEqual( fields );
			await page.unroute( '**/api.php' );

			// After a reload the draft is offered back, and filing it removes it.
			await openForm( page, testbed.wiki );
			await expectDraftOffer( page );
			await page.click( '.helpdesk-form .helpdesk-draft-restore' );
			await page.waitForSelector( '#helpdesk-input-title', { state: 'visible' } );
			expect( await formValues( page ) ).toEqual( shownFields( fields ) );
			await showPreview( page );
			expect( await fileShownRequest( page ) ).toBe( title );
			expect( await confirmationText( page ) ).toBe( en[ 'helpdesk-filed-notification' ] );
			expect( formFieldsOf( await savedRequest( testbed.reader, title ) ) ).toEqual( fields );
			expect( await storedDraft( page, 'Requester Two' ) ).toBeNull();
		} finally {
			await context.close();
		}
	} );

	it( 'shows the message of an abuse filter that disallows the save, and keeps the draft', async () => {
		const marker = `forbidden${ RUN }`;
		const filter = {
			description: `Helpdesk form test ${ RUN }: no ${ marker }`,
			rules: `action === "edit" & added_lines irlike "${ marker }"`,
			actions: { disallow: [] },
		};
		const id = await addAbuseFilter( testbed.wiki, filter );
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			const fields = sampleFields( { title: `Filtered request ${ RUN }`, description: `A request that says ${ marker }.` } );
			await openForm( page, testbed.wiki );
			await fillRequest( page, fields );
			await showPreview( page );
			await page.click( '.helpdesk-form .helpdesk-action-save' );
			const problem = page.locator( '.helpdesk-form .helpdesk-filing-problem' );
			await problem.waitFor( { state: 'visible' } );
			expect( await problem.textContent() ).toContain( en[ 'helpdesk-error-abusefilter-disallowed' ] );
			// The wiki's own message names the filter.
			expect( await problem.locator( '.helpdesk-error-details' ).textContent() ).toContain( filter.description );
			await viewportScreenshot( page, 'abuse-filter-vector' );
			expect( ( await testbed.reader.read( REQUESTS_PREFIX + fields.title ) ).missing ).toBe( true );
			expect( ( await storedDraft( page, 'Requester One' ) )?.fields ).toEqual( fields );

			// Back in the form, everything typed is still there.
			await page.click( '.helpdesk-form .helpdesk-action-back' );
			await page.waitForSelector( '#helpdesk-input-title', { state: 'visible' } );
			expect( await formValues( page ) ).toEqual( shownFields( fields ) );
		} finally {
			await changeAbuseFilter( testbed.wiki, id, { ...filter, enabled: false } );
			await context.close();
		}
	} );
} );
