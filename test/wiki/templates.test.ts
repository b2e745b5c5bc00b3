/**
 * The on-wiki templates and pages as MediaWiki renders them, once deployed: a
 * request page in the form's format, its badge and categories, the committee page,
 * the landing page's button, sign-offs and TemplateData.
 */
import { JSDOM } from 'jsdom';
import { Mwn } from 'mwn';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARAMS, renderRequestPage } from '../../shared/codec';
import { CATEGORIES, COMMITTEE_PAGE, HELPDESK_PAGE, REQUESTS_PREFIX, TEMPLATES } from '../../shared/pages';
import type { HelpdeskRequest } from '../../shared/request';
import { STATUSES } from '../../shared/status';
import type { LocalWiki } from '../../scripts/local-wiki/index';
import { LANDING_TRANSLATIONS_DIR, onWikiPages } from '../../scripts/onwiki-pages';
import { sampleRequest } from '../../scripts/lib/sample-request';
import { sharedTestWiki } from './setup/shared-wiki';
import { TEST_USER_AGENT } from './setup/test-wiki';
import { landingTranslations } from '../../scripts/lib/landing-page';
import { installHelpdesk } from '../../scripts/lib/install-helpdesk';
import { BADGE_LABELS, parsePage } from './support/rendering';

interface Rendered {
	document: Document;
	categories: string[];
	templates: string[];
	links: string[];
	externallinks: string[];
	sections: string[];
}

/** The sample request, with a description of two paragraphs whose first has two lines. */
function request( changes: Partial<HelpdeskRequest> = {} ): HelpdeskRequest {
	return sampleRequest( changes );
}

function text( document: ParentNode, selector: string ): string | null {
	const element = document.querySelector( selector );
	return element && ( element.textContent as string ).trim();
}

function all( document: ParentNode, selector: string ): string[] {
	return Array.from( document.querySelectorAll( selector ), ( element ) => ( element.textContent as string ).trim() );
}

describe( 'the on-wiki templates', () => {
	let wiki: LocalWiki;
	let client: Mwn;

	async function parse( params: Record<string, string> ): Promise<Rendered> {
		const parsed = await parsePage( client, params );
		return {
			document: new JSDOM( parsed.text ).window.document,
			categories: parsed.categories.map( ( category ) => category.category.replace( /_/g, ' ' ) ).sort(),
			templates: parsed.templates.map( ( template ) => template.title ).sort(),
			links: parsed.links.map( ( link ) => link.title ).sort(),
			externallinks: parsed.externallinks,
			sections: parsed.sections.map( ( section ) => section.line ),
		};
	}

	/** A request page as the form writes it, rendered at a title under the requests. */
	function parseRequest( filed: HelpdeskRequest | string, title = 'Template check' ): Promise<Rendered> {
		return parse( {
			title: REQUESTS_PREFIX + title,
			text: typeof filed === 'string' ? filed : renderRequestPage( filed ),
			contentmodel: 'wikitext',
		} );
	}

	beforeAll( async () => {
		wiki = sharedTestWiki();
		await installHelpdesk( wiki );
		client = new Mwn( { apiUrl: wiki.apiUrl, userAgent: TEST_USER_AGENT, silent: true } );
	} );

	it( 'shows a request in the form\'s format: fields, labels, country, lists and requester', async () => {
		const page = await parseRequest( request() );
		const { document } = page;
		expect( text( document, '.helpdesk-request-field-title' ) ).toBe( 'Upload of 3,000 medical illustrations' );
		expect( text( document, '.helpdesk-request-field-requester' ) ).toBe( 'Requester One (talk)' );
		expect( text( document, '.helpdesk-request-field-filed' ) ).toBe( '2 March 2026' );
		expect( text( document, '.helpdesk-request-field-affiliate' ) ).toBe( 'Wikimedia Sverige' );
		expect( text( document, '.helpdesk-request-field-country' ) ).toBe( 'Sweden (Europe)' );
		expect( text( document, '.helpdesk-request-field-support' ) ).toBe( 'Mass upload of media files, Copyright and licensing' );
		expect( text( document, '.helpdesk-request-field-stage' ) ).toBe( 'Agreement in place' );
		expect( text( document, '.helpdesk-request-field-projects' ) ).toBe( 'Wikimedia Commons, Wikidata' );
		expect( text( document, '.helpdesk-request-field-content_type' ) ).toBe( 'Medical illustrations and their metadata' );
		expect( text( document, '.helpdesk-request-field-volume' ) ).toBe( 'About 3,000 images' );
		expect( text( document, '.helpdesk-request-field-timeline' ) ).toBe( 'Before the exhibition opens in March' );
		expect( text( document, '.helpdesk-request-field-language' ) ).toBe( 'English (en)' );
		expect( all( document, '.helpdesk-request-field-partners > ul > li' ) ).toEqual( [ 'Servier Medical Art', 'Karolinska Institutet' ] );
		expect( all( document, '.helpdesk-request-field-languages > ul > li' ) ).toEqual( [ 'English', 'Swedish' ] );
		expect( all( document, '.helpdesk-request-field-links > ul > li' ) ).toEqual( [ 'https://smart.servier.com/', 'https://example.org/project' ] );
		expect( text( document, '.helpdesk-request-waiting-for' ) ).toBe( 'the Expert Committee' );
		// Lines of the description stay lines; a blank line starts a paragraph.
		const description = document.querySelector( '.helpdesk-request-field-description' ) as Element;
		expect( all( description, 'p' ) ).toEqual( [ 'We have an agreement with the publisher.We need help with the mass upload and the licence templates.', 'Thank you!' ] );
		expect( description.querySelectorAll( 'p:first-child br' ) ).toHaveLength( 1 );
		expect( page.links ).toEqual( [ 'User talk:Requester One', 'User:Requester One' ] );
		// Well-formed http(s) links are links (Module:Helpdesk request checks each before linking it).
		expect( page.externallinks ).toEqual( [ 'https://smart.servier.com/', 'https://example.org/project' ] );
		expect( page.sections ).toEqual( [ 'Discussion' ] );
	} );

	it( 'shows an individual volunteer, a working group and the text direction of the request\'s language', async () => {
		const { document } = await parseRequest( request( {
			language: 'ar', individual: true, affiliate: '', country: 'UG', status: 'working-group', workingGroup: 'project-planning',
			title: 'رفع صور المتحف', partners: [], languages: [], links: [],
		} ) );
		expect( text( document, '.helpdesk-request-field-title' ) ).toBe( 'رفع صور المتحف' );
		expect( document.querySelector( '.helpdesk-request-field-title' )?.getAttribute( 'dir' ) ).toBe( 'rtl' );
		expect( document.querySelector( '.helpdesk-request-field-description' )?.getAttribute( 'lang' ) ).toBe( 'ar' );
		expect( text( document, '.helpdesk-request-field-affiliate' ) ).toBeNull();
		expect( all( document, '.helpdesk-request-fields td' ) ).toContain( 'Individual volunteer' );
		expect( text( document, '.helpdesk-request-field-country' ) ).toBe( 'Uganda (Africa)' );
		expect( text( document, '.helpdesk-request-field-working_group' ) ).toBe( 'Project planning and feedback' );
		expect( text( document, '.helpdesk-request-waiting-for' ) ).toBe( 'a working group' );
		// Empty optional fields are left out.
		expect( document.querySelector( '.helpdesk-request-field-partners' ) ).toBeNull();
		expect( document.querySelector( '.helpdesk-request-field-links' ) ).toBeNull();
	} );

	it.each( STATUSES.map( ( status ) => [ status ] ) )( 'gives status %s its badge and categories', async ( status ) => {
		const page = await parseRequest( request( { status: status } ) );
		const badge = page.document.querySelector( '.helpdesk-request-header .helpdesk-status' ) as Element;
		expect( badge.textContent ).toBe( BADGE_LABELS[ status ] );
		expect( badge.classList.contains( 'helpdesk-status-' + status ) ).toBe( true );
		expect( page.categories ).toEqual( [ CATEGORIES.requests, CATEGORIES.requests + ' – ' + BADGE_LABELS[ status ] ] );
		expect( page.document.querySelector( '.helpdesk-request-notice' ) ).toBeNull();
	} );

	it( 'understands statuses typed by hand', async () => {
		const page = await parseRequest( renderRequestPage( request() ).replace( '| status = submitted', '| status = On_Hold' ) );
		expect( text( page.document, '.helpdesk-status' ) ).toBe( 'On hold' );
		expect( page.categories ).toEqual( [ CATEGORIES.requests, CATEGORIES.requests + ' – On hold' ] );
	} );

	it( 'marks an unknown status and puts the request in the category needing attention', async () => {
		const page = await parseRequest( renderRequestPage( request() ).replace( '| status = submitted', '| status = waiting for Anna' ) );
		const badge = page.document.querySelector( '.helpdesk-status' ) as Element;
		expect( badge.textContent ).toBe( 'waiting for Anna (unknown status)' );
		expect( badge.classList.contains( 'helpdesk-status-unknown' ) ).toBe( true );
		expect( page.categories ).toEqual( [ CATEGORIES.requests, CATEGORIES.needsAttention ] );
		expect( text( page.document, '.helpdesk-request-notice' ) ).toMatch( /^The status “waiting for Anna” is not a Helpdesk status\. Use one of: submitted, / );
		expect( text( page.document, '.helpdesk-request-waiting-for' ) ).toBe( 'someone to correct the status' );
	} );

	it( 'categorises request pages only', async () => {
		for ( const title of [ 'Template:' + TEMPLATES.request, 'Template:' + TEMPLATES.statusBadge, HELPDESK_PAGE, COMMITTEE_PAGE ] ) {
			expect( ( await parse( { page: title } ) ).categories, title ).toEqual( [] );
		}
		// A request shown elsewhere (the landing page, a talk page) is not a request page.
		expect( ( await parse( { title: HELPDESK_PAGE + '/Example', text: renderRequestPage( request() ) } ) ).categories ).toEqual( [] );
		expect( ( await parse( { title: 'Talk:' + REQUESTS_PREFIX + 'Template check', text: renderRequestPage( request() ) } ) ).categories ).toEqual( [] );
	} );

	it( 'describes the request template\'s parameters in TemplateData', async () => {
		const response = await client.request( { action: 'templatedata', titles: [ 'Template:' + TEMPLATES.request, 'Template:Helpdesk sign-off', 'Template:' + TEMPLATES.committeeMember ], formatversion: 2 } );
		const byTitle = new Map<string, { params: Record<string, { required: boolean }>; paramOrder?: string[] }>();
		for ( const described of Object.values( response.pages ) as { title: string; params: Record<string, { required: boolean }>; paramOrder?: string[] }[] ) {
			byTitle.set( described.title, described );
		}
		const requestData = byTitle.get( 'Template:' + TEMPLATES.request );
		expect( requestData?.paramOrder ).toEqual( PARAMS.map( ( param ) => param.name ) );
		expect( Object.keys( requestData?.params || {} ).sort() ).toEqual( PARAMS.map( ( param ) => param.name ).sort() );
		expect( requestData?.params.title.required ).toBe( true );
		expect( requestData?.params.requester.required ).toBe( true );
		expect( Object.keys( byTitle.get( 'Template:Helpdesk sign-off' )?.params || {} ) ).toEqual( [ 'kind', 'decision', 'member', 'reason', 'not_counted', 'added_by' ] );
		expect( Object.keys( byTitle.get( 'Template:' + TEMPLATES.committeeMember )?.params || {} ) ).toEqual( expect.arrayContaining( [ 'user', 'notify', 'away_until', 'languages' ] ) );
	} );

	it( 'lists the example members on the committee page', async () => {
		// The repository's text: on the wiki the page belongs to the committee (other tests list their own members).
		const committee = ( await onWikiPages() ).find( ( candidate ) => candidate.title === COMMITTEE_PAGE );
		const page = await parse( { title: COMMITTEE_PAGE, text: committee?.text || '', contentmodel: 'wikitext' } );
		expect( all( page.document, 'li > .helpdesk-committee-member' ) ).toEqual( [
			'Example member 1 (talk) — notified by a mention on the request page · languages: en, sv',
			'Example member 2 (talk) — notified by a message on their talk page · languages: es, pt',
			'Example member 3 (talk) — notified by a mention on the request page · languages: ar, fr · away until 31 December 2026',
		] );
		expect( page.templates ).toContain( 'Template:' + TEMPLATES.committeeMember );
		expect( page.links ).toEqual( expect.arrayContaining( [ 'User:Example member 1', 'User:Example member 2', 'User:Example member 3' ] ) );
	} );

	it( 'has the "Request support" button on the landing page', async () => {
		const page = await parse( { page: HELPDESK_PAGE } );
		const button = page.document.querySelector( '.helpdesk-request-button a' ) as HTMLAnchorElement;
		expect( button.textContent ).toBe( 'Request support' );
		const target = new URL( button.getAttribute( 'href' ) as string, wiki.server );
		expect( target.searchParams.get( 'title' ) ).toBe( 'Special:MyPage/Helpdesk_request' );
		expect( target.searchParams.get( 'action' ) ).toBe( 'edit' );
		expect( target.searchParams.get( 'preload' ) ).toBe( 'Template:Helpdesk_request/preload' );
		expect( target.searchParams.get( 'editintro' ) ).toBe( 'Template:Helpdesk_request/editintro' );
		// Every status badge is explained on it.
		expect( all( page.document, '.helpdesk-status' ) ).toEqual( expect.arrayContaining( Object.values( BADGE_LABELS ) ) );
	} );

	it( 'shows the landing page in the reader\'s language, right to left in Arabic, with the button in every language', async () => {
		const translations = await landingTranslations( LANDING_TRANSLATIONS_DIR );
		const sv = await parse( { page: HELPDESK_PAGE, uselang: 'sv' } );
		const landing = sv.document.querySelector( '.helpdesk-landing' ) as Element;
		expect( [ landing.getAttribute( 'lang' ), landing.getAttribute( 'dir' ) ] ).toEqual( [ 'sv', 'ltr' ] );
		expect( text( sv.document, '.helpdesk-request-button a' ) ).toBe( translations.sv[ '3' ] );
		expect( sv.sections[ 0 ] ).toBe( translations.sv[ '4' ] );
		// The language bar names each language in its own language.
		expect( all( sv.document, '.helpdesk-languages a' ) ).toEqual( [ 'English', 'العربية', 'Deutsch', 'español', 'français', 'svenska' ] );
		// Links go to the pages in the reader's language, where there are such pages.
		expect( sv.document.querySelector( 'a[title="Special:MyLanguage/Content Partnerships Hub/Helpdesk/Requests"]' ) ).not.toBeNull();
		const ar = await parse( { page: HELPDESK_PAGE + '/ar' } );
		const arabic = ar.document.querySelector( '.helpdesk-landing' ) as Element;
		expect( [ arabic.getAttribute( 'lang' ), arabic.getAttribute( 'dir' ) ] ).toEqual( [ 'ar', 'rtl' ] );
		expect( text( ar.document, '.helpdesk-request-button a' ) ).toBe( translations.ar[ '3' ] );
		expect( ar.document.querySelector( '.helpdesk-my-requests' ) ).not.toBeNull();
		// A language of none of ours: English.
		expect( text( ( await parse( { page: HELPDESK_PAGE, uselang: 'ja' } ) ).document, '.helpdesk-request-button a' ) ).toBe( 'Request support' );
	} );

	it( 'renders sign-offs, and marks a mistaken one', async () => {
		const page = await parse( {
			title: REQUESTS_PREFIX + 'Template check',
			text: [
				'* {{Helpdesk sign-off|kind=feedback|member=Amara Okafor}}',
				'* {{Helpdesk sign-off|kind=final-go|decision=yes|member=Lucía Fernández}}',
				'* {{Helpdesk sign-off|kind=Final-go|decision=No|member=Kenji Watanabe}}',
				'* {{Helpdesk sign-off|kind=final go|member=Kenji Watanabe}}',
			].join( '\n' ),
		} );
		const signOffs = Array.from( page.document.querySelectorAll( '.helpdesk-sign-off' ) );
		expect( signOffs.map( ( signOff ) => signOff.textContent ) ).toEqual( [
			'✎ Initial feedback — Amara Okafor',
			'✓ Final go: yes — Lucía Fernández',
			'✗ Final go: no — Kenji Watanabe',
			'⚠ Sign-off of an unknown kind (write kind=feedback or kind=final-go) — Kenji Watanabe',
		] );
		expect( signOffs.map( ( signOff ) => [ signOff.getAttribute( 'data-kind' ), signOff.getAttribute( 'data-decision' ) ] ) ).toEqual( [
			[ 'feedback', '' ], [ 'final-go', 'yes' ], [ 'final-go', 'no' ], [ 'final go', '' ],
		] );
		expect( page.links ).toEqual( [ 'User:Amara Okafor', 'User:Kenji Watanabe', 'User:Lucía Fernández' ] );
		// A sign-off never categorises the page it is on.
		expect( page.categories ).toEqual( [] );
	} );

	it( 'shows a sign-off the bot marked as not counted, with the reason, and a member\'s reason', async () => {
		const page = await parse( {
			title: REQUESTS_PREFIX + 'Template check',
			text: [
				'* {{Helpdesk sign-off|kind=feedback|member=Lucía Fernández|not_counted=added-by-other|added_by=Requester Two}}',
				'* {{Helpdesk sign-off|kind=final-go|decision=yes|member=Requester Two|not_counted=not-member}}',
				'* {{Helpdesk sign-off|kind=final-go|decision=no|member=Amara Okafor|reason=The rights are not clear.}}',
			].join( '\n' ),
		} );
		const signOffs = Array.from( page.document.querySelectorAll( '.helpdesk-sign-off' ) );
		expect( signOffs.map( ( signOff ) => signOff.textContent ) ).toEqual( [
			'✎ Initial feedback — Lucía Fernández — ⚠ not counted: added by Requester Two, not by the member',
			'✓ Final go: yes — Requester Two — ⚠ not counted: not a member of the Expert Committee',
			'✗ Final go: no — Amara Okafor — “The rights are not clear.”',
		] );
		expect( signOffs.map( ( signOff ) => signOff.getAttribute( 'data-counted' ) ) ).toEqual( [ 'no', 'no', 'yes' ] );
		expect( signOffs[ 0 ].classList.contains( 'helpdesk-sign-off-not-counted' ) ).toBe( true );
	} );

	it( 'shows a working group\'s recommendation with the group\'s name', async () => {
		const page = await parse( {
			title: REQUESTS_PREFIX + 'Template check',
			text: '{{Helpdesk recommendation|group=communication|recommendation=yes|text=Go ahead with a pilot of 100 images.}}',
		} );
		const box = page.document.querySelector( '.helpdesk-recommendation' ) as Element;
		expect( box.textContent ).toContain( 'Working group\'s recommendation (Communication): go ahead' );
		expect( box.textContent ).toContain( 'Go ahead with a pilot of 100 images.' );
		expect( box.getAttribute( 'data-recommendation' ) ).toBe( 'yes' );
	} );
} );
