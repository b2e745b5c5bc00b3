/**
 * Filing a request through the form in a real browser, on the real wiki: in
 * Vector 2022 on a desktop and in Minerva on a phone, under a title that is taken,
 * and past a CAPTCHA.
 */
import { Mwn } from 'mwn';
import { describe, expect, it } from 'vitest';
import en from '../../gadget/i18n/en.json';
import { renderRequestPage } from '../../shared/codec';
import { REQUESTS_PREFIX } from '../../shared/pages';
import { emptyRequest } from '../../shared/request';
import { questyCaptchaSettings, setExtraSettings, TEST_CAPTCHA } from '../../scripts/local-wiki/index';
import { TEST_USER_AGENT } from './setup/test-wiki';
import { confirmationText, fileShownRequest, fillRequest, openForm, scrollFormToTop, showPreview } from '../../scripts/lib/browser/request-form';
import { setSkinPreference } from '../../scripts/lib/browser/navigation';
import { fullPageScreenshot, viewportScreenshot } from './support/screenshots';
import { loggedInSession } from '../../scripts/lib/browser/session';
import { formFieldsOf, formTestbed, savedRequest, watchesPage } from './support/testbed';
import { sampleFields } from '../../scripts/lib/sample-request';

/** Titles of this run, apart from those of earlier runs on the same wiki. */
const RUN = Date.now().toString( 36 );

describe( 'filing a request through the form', () => {
	const testbed = formTestbed();

	it( 'files in Vector 2022: the page holds exactly what was entered, is watched, and confirms', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			const fields = sampleFields( { title: `Medical illustrations ${ RUN }` } );
			await openForm( page, testbed.wiki, { skin: 'vector-2022' } );
			expect( await page.getAttribute( 'body', 'class' ) ).toContain( 'skin-vector-2022' );
			await viewportScreenshot( page, 'form-vector' );
			await fillRequest( page, fields );
			await scrollFormToTop( page );
			await viewportScreenshot( page, 'form-vector-filled' );
			const title = REQUESTS_PREFIX + fields.title;
			expect( await showPreview( page ) ).toContain( `"${ title }"` );
			await viewportScreenshot( page, 'preview-vector' );

			const filedFrom = new Date( Date.now() - 1000 );
			expect( await fileShownRequest( page ) ).toBe( title );
			expect( await confirmationText( page ) ).toBe( en[ 'helpdesk-filed-notification' ] );
			await fullPageScreenshot( page, 'request-page-vector' );

			const saved = await savedRequest( testbed.reader, title );
			expect( formFieldsOf( saved ) ).toEqual( fields );
			expect( saved ).toMatchObject( { requester: 'Requester One', language: 'en', status: 'submitted', workingGroup: '' } );
			expect( Date.parse( saved.filed ) ).toBeGreaterThanOrEqual( filedFrom.getTime() - 1000 );
			expect( Date.parse( saved.filed ) ).toBeLessThanOrEqual( Date.now() + 1000 );
			expect( await watchesPage( page, title ) ).toBe( true );
			// The skin agrees: its star offers to unwatch.
			await page.waitForSelector( '#ca-unwatch' );
		} finally {
			await context.close();
		}
	} );

	it( 'files in Minerva on a phone, as an individual volunteer with the fewest answers', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester Two', { mobile: true } );
		try {
			// A preference rather than `useskin`, which the page the form goes to after filing would not have.
			await page.goto( testbed.wiki.indexUrl );
			await setSkinPreference( page, 'minerva' );
			const fields = sampleFields( { title: `Archive photographs ${ RUN }`,
				affiliate: '',
				individual: true,
				country: 'KE',
				partners: [],
				support: [ 'other' ],
				stage: '',
				contentType: '',
				volume: '',
				projects: [],
				languages: [],
				timeline: '',
				description: 'A local archive has photographs of the old town. I do not know where to start.',
				links: [],
			} );
			await openForm( page, testbed.wiki );
			expect( await page.getAttribute( 'body', 'class' ) ).toContain( 'skin-minerva' );
			await viewportScreenshot( page, 'form-minerva' );
			await fillRequest( page, fields );
			const title = REQUESTS_PREFIX + fields.title;
			expect( await showPreview( page ) ).toContain( `"${ title }"` );
			await viewportScreenshot( page, 'preview-minerva' );

			expect( await fileShownRequest( page ) ).toBe( title );
			expect( await confirmationText( page ) ).toBe( en[ 'helpdesk-filed-notification' ] );
			await fullPageScreenshot( page, 'request-page-minerva' );

			expect( await page.getAttribute( 'body', 'class' ) ).toContain( 'skin-minerva' );

			const saved = await savedRequest( testbed.reader, title );
			expect( formFieldsOf( saved ) ).toEqual( fields );
			expect( saved ).toMatchObject( { requester: 'Requester Two', language: 'en', status: 'submitted' } );
			expect( await watchesPage( page, title ) ).toBe( true );
		} finally {
			await setSkinPreference( page, null );
			await context.close();
		}
	} );

	it( 'gives a title that is taken the next free one, also when it is taken while previewing', async () => {
		const bot = await Mwn.init( {
			apiUrl: testbed.wiki.apiUrl,
			username: testbed.wiki.credentials.bot.botUsername,
			password: testbed.wiki.credentials.bot.botPassword,
			userAgent: TEST_USER_AGENT,
			silent: true,
		} );
		const fields = sampleFields( { title: `Museum of Lagos ${ RUN }` } );
		const taken = REQUESTS_PREFIX + fields.title;
		const otherText = ( title: string ): string => renderRequestPage( {
			...emptyRequest( 'Amara Okafor', '2026-01-05T10:00:00Z', 'en' ), title: title, description: 'Filed before.', support: [ 'other' ],
		} );
		await bot.create( taken, otherText( fields.title ), 'An earlier request' );

		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await openForm( page, testbed.wiki );
			await fillRequest( page, fields );
			expect( await showPreview( page ) ).toContain( `"${ taken } (2)"` );
			// The preview points at the request with the same title.
			const sameTitle = page.locator( '.helpdesk-form .helpdesk-same-title' );
			await expect.poll( () => sameTitle.isVisible() ).toBe( true );
			expect( await sameTitle.locator( 'a' ).allTextContents() ).toEqual( [ taken ] );

			// Someone else files under the previewed title meanwhile.
			await bot.create( taken + ' (2)', otherText( fields.title ), 'A request filed meanwhile' );
			expect( await fileShownRequest( page ) ).toBe( taken + ' (3)' );
			expect( formFieldsOf( await savedRequest( testbed.reader, taken + ' (3)' ) ) ).toEqual( fields );
			for ( const earlier of [ taken, taken + ' (2)' ] ) {
				expect( ( await savedRequest( testbed.reader, earlier ) ).requester ).toBe( 'Amara Okafor' );
			}
		} finally {
			await context.close();
		}
	} );

	it( 'asks a CAPTCHA inside the form, asks again after a wrong answer, and files with the right one', async () => {
		// QuestyCaptcha on page creation. (On link additions it would never ask: the
		// request page shows links as text, so saving one adds no external link.)
		await setExtraSettings( testbed.wiki, questyCaptchaSettings( [ 'create' ] ) );
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester Two' );
		try {
			const fields = sampleFields( { title: `Wiki Loves Monuments data ${ RUN }` } );
			const title = REQUESTS_PREFIX + fields.title;
			await openForm( page, testbed.wiki );
			await fillRequest( page, fields );
			await showPreview( page );
			await page.click( '.helpdesk-form .helpdesk-action-save' );
			const question = page.locator( '.helpdesk-form .helpdesk-captcha-question' );
			await question.waitFor( { state: 'visible' } );
			expect( await question.textContent() ).toBe( TEST_CAPTCHA.question );
			expect( await page.textContent( '.helpdesk-form .helpdesk-captcha' ) ).toContain( en[ 'helpdesk-captcha-intro' ] );
			await viewportScreenshot( page, 'captcha-vector' );

			await page.fill( '.helpdesk-form .helpdesk-captcha-input input', 'Wikipedia' );
			await page.click( '.helpdesk-form .helpdesk-action-save' );
			await page.waitForSelector( `.helpdesk-form .helpdesk-captcha :text("${ en[ 'helpdesk-captcha-retry' ] }")` );
			expect( ( await testbed.reader.read( title ) ).missing ).toBe( true );

			await page.fill( '.helpdesk-form .helpdesk-captcha-input input', TEST_CAPTCHA.answer );
			// Enter in the answer files, as the button does.
			await page.press( '.helpdesk-form .helpdesk-captcha-input input', 'Enter' );
			await page.waitForURL( ( url ) => decodeURIComponent( url.toString() ).replace( /_/g, ' ' ).includes( title ) );
			expect( await confirmationText( page ) ).toBe( en[ 'helpdesk-filed-notification' ] );
			expect( formFieldsOf( await savedRequest( testbed.reader, title ) ) ).toEqual( fields );
		} finally {
			await setExtraSettings( testbed.wiki, '' );
			await context.close();
		}
	} );
} );
