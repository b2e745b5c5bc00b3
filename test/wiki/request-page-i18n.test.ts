/**
 * A request page in the reader's language, on a real MediaWiki: the labels, the
 * status badge, who the request waits for and the box "What happens next" (with the
 * committee's next meeting from Settings.json) come from Module:Helpdesk request in
 * the interface language (`uselang`), then the request's language, then English;
 * right to left in Arabic; the labels of codes as the request form shows them;
 * categories stay English; typed text stays inert.
 */
import { JSDOM } from 'jsdom';
import { Mwn } from 'mwn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRequestPage } from '../../shared/codec';
import { CATEGORIES, REQUESTS_PREFIX } from '../../shared/pages';
import type { HelpdeskRequest } from '../../shared/request';
import type { LocalWiki } from '../../scripts/local-wiki/index';
import { installHelpdesk } from '../../scripts/lib/install-helpdesk';
import { sampleRequest } from '../../scripts/lib/sample-request';
import { REQUEST_I18N_PAGE, requestMessages, wikiJson } from '../../scripts/onwiki-pages';
import { settingsPage } from '../fixtures/views-data';
import { sharedTestWiki } from './setup/shared-wiki';
import { adminSession, TEST_USER_AGENT } from './setup/test-wiki';
import { parsePage, ParsedPage } from './support/rendering';

const SETTINGS = 'Content Partnerships Hub/Helpdesk/Settings.json';

function isoDate( offsetDays: number ): string {
	return new Date( Date.now() + offsetDays * 86400000 ).toISOString().slice( 0, 10 );
}

const PAST_MEETING = isoDate( -18 );
const NEXT_MEETING = isoDate( 10 );
const LATER_MEETING = isoDate( 40 );

/** `j F Y` of an ISO date as MediaWiki writes it in English and in Swedish. */
function longDate( iso: string, language: 'en' | 'sv' ): string {
	const [ year, month, day ] = iso.split( '-' ).map( Number );
	const months = language === 'en' ?
		[ 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December' ] :
		[ 'januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december' ];
	return day + ' ' + months[ month - 1 ] + ' ' + year;
}

function textOf( element: Element | null ): string {
	return element ? ( element.textContent as string ).replace( /\s+/g, ' ' ).trim() : '';
}

interface Rendered {
	document: Document;
	parsed: ParsedPage;
	/** The labels of the fields, in order. */
	labels: string[];
}

describe( 'a request page in the reader\'s language', () => {
	let wiki: LocalWiki;
	let admin: Mwn;
	let reader: Mwn;
	let messages: Record<string, Record<string, string>>;
	let settingsBefore: string | null = null;

	/** A message of the request page in a language, as the module shows it (no parameters). */
	function message( language: string, key: string ): string {
		return messages[ language ][ 'helpdesk-request-' + key ];
	}

	async function render( text: string, uselang: string, title = REQUESTS_PREFIX + 'Language check' ): Promise<Rendered> {
		const parsed = await parsePage( reader, { title: title, text: text, contentmodel: 'wikitext', uselang: uselang } );
		const document = new JSDOM( parsed.text ).window.document;
		return { document: document, parsed: parsed, labels: Array.from( document.querySelectorAll( '.helpdesk-request-fields th' ), textOf ) };
	}

	/** `{{#language:code|in}}` on this wiki. */
	async function languageName( code: string, inLanguage: string ): Promise<string> {
		const parsed = await parsePage( reader, { title: 'Language name', text: '{{#language:' + code + '|' + inLanguage + '}}', contentmodel: 'wikitext' } );
		return textOf( new JSDOM( parsed.text ).window.document.body );
	}

	function renderRequest( changes: Partial<HelpdeskRequest>, uselang: string ): Promise<Rendered> {
		return render( renderRequestPage( sampleRequest( changes ) ), uselang );
	}

	beforeAll( async () => {
		wiki = sharedTestWiki();
		await installHelpdesk( wiki );
		messages = await requestMessages();
		admin = await adminSession( wiki );
		reader = new Mwn( { apiUrl: wiki.apiUrl, userAgent: TEST_USER_AGENT, silent: true } );
		const settings = await admin.read( SETTINGS );
		settingsBefore = settings.missing ? null : settings.revisions?.[ 0 ].content ?? null;
		await admin.save( SETTINGS, wikiJson( settingsPage( [ LATER_MEETING, PAST_MEETING, NEXT_MEETING ] ) ), 'Request page i18n test: meetings', { contentmodel: 'json' } );
	} );

	afterAll( async () => {
		if ( admin && settingsBefore !== null ) {
			await admin.save( SETTINGS, settingsBefore, 'Request page i18n test: settings back', { contentmodel: 'json' } );
		}
	} );

	it( 'deploys the messages as one JSON page', async () => {
		const page = await reader.read( REQUEST_I18N_PAGE, { rvprop: 'content|contentmodel' } ) as { revisions?: { contentmodel: string; content: string }[] };
		expect( page.revisions?.[ 0 ].contentmodel ).toBe( 'json' );
		expect( page.revisions?.[ 0 ].content ).toBe( wikiJson( messages ) );
	} );

	it( 'is in English with uselang=en, with what happens next and the next meeting', async () => {
		const { document, labels, parsed } = await renderRequest( { status: 'submitted', language: 'en' }, 'en' );
		expect( document.querySelector( '.scribunto-error' ) ).toBeNull();
		const box = document.querySelector( '.helpdesk-request' ) as Element;
		expect( [ box.getAttribute( 'lang' ), box.getAttribute( 'dir' ) ] ).toEqual( [ 'en', 'ltr' ] );
		expect( labels ).toEqual( [ 'Requester', 'Filed', 'Affiliate or organisation', 'Country', 'Partners', 'Support wanted', 'Stage of the partnership',
			'Type of content', 'Volume', 'Target projects', 'Languages of the content', 'Timeline', 'Links', 'Language of the request', 'Status since', 'Waiting for' ] );
		expect( textOf( document.querySelector( '.helpdesk-request-header .helpdesk-status' ) ) ).toBe( 'Submitted' );
		const next = document.querySelector( '.helpdesk-request .helpdesk-request-next' ) as Element;
		expect( next.getAttribute( 'data-status' ) ).toBe( 'submitted' );
		expect( textOf( next.querySelector( '.helpdesk-request-next-heading' ) ) ).toBe( 'What happens next' );
		expect( textOf( next.querySelector( '.helpdesk-request-next-committee' ) ) ).toBe( message( 'en', 'next-committee-submitted' ) );
		const meeting = next.querySelector( '.helpdesk-request-next-meeting' ) as Element;
		expect( meeting.getAttribute( 'data-date' ) ).toBe( NEXT_MEETING );
		expect( textOf( meeting ) ).toBe( 'The Expert Committee next meets on ' + longDate( NEXT_MEETING, 'en' ) + '.' );
		expect( textOf( next.querySelector( '.helpdesk-request-next-requester' ) ) ).toBe( message( 'en', 'next-requester-submitted' ) );
		expect( parsed.categories.map( ( category ) => category.category.replace( /_/g, ' ' ) ).sort() )
			.toEqual( [ CATEGORIES.requests, CATEGORIES.requests + ' – Submitted' ] );
	} );

	it( 'is in Swedish with uselang=sv: labels, badge, waiting for, dates and the box; categories stay English', async () => {
		const { document, labels, parsed } = await renderRequest( { status: 'submitted', language: 'en', statusSince: '2026-03-05T10:00:00Z' }, 'sv' );
		const box = document.querySelector( '.helpdesk-request' ) as Element;
		expect( [ box.getAttribute( 'lang' ), box.getAttribute( 'dir' ) ] ).toEqual( [ 'sv', 'ltr' ] );
		expect( labels.slice( 0, 4 ) ).toEqual( [ 'Sökande', 'Inlämnad', 'Affiliate eller organisation', 'Land' ] );
		expect( labels ).toContain( 'Förfrågans språk' );
		expect( labels[ labels.length - 1 ] ).toBe( 'Väntar på' );
		expect( textOf( document.querySelector( '.helpdesk-request-waiting-for' ) ) ).toBe( 'expertkommittén' );
		const badge = document.querySelector( '.helpdesk-request-header .helpdesk-status' ) as Element;
		expect( textOf( badge ) ).toBe( 'Inlämnad' );
		expect( badge.getAttribute( 'title' ) ).toBe( message( 'sv', 'status-title-submitted' ) );
		expect( badge.classList.contains( 'helpdesk-status-submitted' ) ).toBe( true );
		expect( textOf( document.querySelector( '.helpdesk-request-field-filed' ) ) ).toBe( '2 mars 2026' );
		// The country and its continent as Swedes name them.
		expect( textOf( document.querySelector( '.helpdesk-request-field-country' ) ) ).toBe( 'Sverige (Europa)' );
		// The language's name as the wiki names it in Swedish (an autonym without the CLDR extension).
		expect( textOf( document.querySelector( '.helpdesk-request-field-language' ) ) ).toBe( await languageName( 'en', 'sv' ) + ' (en)' );
		expect( textOf( document.querySelector( '.helpdesk-request-field-status_since' ) ) ).toBe( '5 mars 2026' );
		expect( textOf( document.querySelector( '.helpdesk-request-field-requester' ) ) ).toBe( 'Requester One (diskussion)' );
		// The labels of the codes are the request form's Swedish ones.
		expect( textOf( document.querySelector( '.helpdesk-request-field-support' ) ) )
			.toBe( message( 'sv', 'support-mass-upload' ) + ', ' + message( 'sv', 'support-copyright' ) );
		expect( textOf( document.querySelector( '.helpdesk-request-field-stage' ) ) ).toBe( message( 'sv', 'stage-agreement' ) );
		expect( textOf( document.querySelector( '.helpdesk-request-field-projects' ) ) )
			.toBe( message( 'sv', 'project-commons' ) + ', ' + message( 'sv', 'project-wikidata' ) );
		// What was typed keeps the request's language.
		expect( document.querySelector( '.helpdesk-request-field-title' )?.getAttribute( 'lang' ) ).toBe( 'en' );
		expect( document.querySelector( '.helpdesk-request-field-description' )?.getAttribute( 'lang' ) ).toBe( 'en' );
		const next = document.querySelector( '.helpdesk-request-next' ) as Element;
		expect( textOf( next.querySelector( '.helpdesk-request-next-heading' ) ) ).toBe( 'Vad händer nu' );
		expect( textOf( next.querySelector( '.helpdesk-request-next-meeting' ) ) ).toBe( 'Expertkommittén har nästa möte den ' + longDate( NEXT_MEETING, 'sv' ) + '.' );
		expect( textOf( next.querySelector( '.helpdesk-request-next-requester' ) ) ).toBe( message( 'sv', 'next-requester-submitted' ) );
		expect( parsed.categories.map( ( category ) => category.category.replace( /_/g, ' ' ) ).sort() )
			.toEqual( [ CATEGORIES.requests, CATEGORIES.requests + ' – Submitted' ] );
	} );

	it( 'is right to left in Arabic, with the typed text left to right in the request\'s language', async () => {
		const { document, labels } = await renderRequest( { status: 'on-hold', language: 'en' }, 'ar' );
		const box = document.querySelector( '.helpdesk-request' ) as Element;
		expect( [ box.getAttribute( 'lang' ), box.getAttribute( 'dir' ) ] ).toEqual( [ 'ar', 'rtl' ] );
		expect( labels[ 0 ] ).toBe( 'مقدّم الطلب' );
		expect( textOf( document.querySelector( '.helpdesk-request-field-country' ) ) ).toBe( 'السويد (أوروبا)' );
		expect( textOf( document.querySelector( '.helpdesk-request-header .helpdesk-status' ) ) ).toBe( 'معلّق' );
		expect( textOf( document.querySelector( '.helpdesk-request-waiting-for' ) ) ).toBe( 'مقدّم الطلب' );
		const title = document.querySelector( '.helpdesk-request-field-title' ) as Element;
		expect( [ title.getAttribute( 'lang' ), title.getAttribute( 'dir' ) ] ).toEqual( [ 'en', 'ltr' ] );
		expect( document.querySelector( '.helpdesk-request-fields th' )?.getAttribute( 'style' ) ).toContain( 'text-align:start' );
		const next = document.querySelector( '.helpdesk-request-next' ) as Element;
		expect( textOf( next.querySelector( '.helpdesk-request-next-heading' ) ) ).toBe( 'ماذا يحدث بعد ذلك' );
		expect( textOf( next.querySelector( '.helpdesk-request-next-requester' ) ) ).toBe( message( 'ar', 'next-requester-on-hold' ) );
		expect( next.querySelector( '.helpdesk-request-next-meeting' ) ).toBeNull();
	} );

	it( 'says what happens next at each status; the next meeting only while the committee is involved', async () => {
		for ( const [ status, meets ] of [ [ 'initial-feedback', true ], [ 'working-group', true ], [ 'awaiting-final-go', true ],
			[ 'approved', false ], [ 'support-under-way', false ], [ 'declined', false ], [ 'done', false ], [ 'withdrawn', false ] ] as const ) {
			const { document } = await renderRequest( { status: status, language: 'en', workingGroup: status === 'working-group' ? 'communication' : '' }, 'sv' );
			const next = document.querySelector( '.helpdesk-request-next' ) as Element;
			expect( next.getAttribute( 'data-status' ), status ).toBe( status );
			expect( textOf( next.querySelector( '.helpdesk-request-next-committee' ) ), status ).toBe( message( 'sv', 'next-committee-' + status ) );
			expect( textOf( next.querySelector( '.helpdesk-request-next-requester' ) ), status ).toBe( message( 'sv', 'next-requester-' + status ) );
			expect( next.querySelector( '.helpdesk-request-next-meeting' )?.getAttribute( 'data-date' ) ?? null, status ).toBe( meets ? NEXT_MEETING : null );
			expect( textOf( document.querySelector( '.helpdesk-request-header .helpdesk-status' ) ), status ).toBe( message( 'sv', 'status-' + status ) );
			if ( status === 'working-group' ) {
				expect( textOf( document.querySelector( '.helpdesk-request-field-working_group' ) ) ).toBe( 'Kommunikation' );
			}
		}
	} );

	it( 'has the edit intro of a request filed without the form in the reader\'s language, right to left in Arabic', async () => {
		const intro = async ( uselang: string, title: string ): Promise<Element> => {
			const rendered = await render( '{{Helpdesk request/editintro}}', uselang, title );
			return rendered.document.querySelector( '.helpdesk-editintro' ) as Element;
		};
		const linkTitles = ( element: Element ): string[] => Array.from( element.querySelectorAll( 'a' ), ( anchor ) => anchor.getAttribute( 'title' ) as string );
		const sv = await intro( 'sv', 'User:Requester One/Helpdesk request' );
		expect( sv.getAttribute( 'lang' ) ).toBe( 'sv' );
		expect( textOf( sv ) ).toContain( 'Du ber Helpdesken för Content Partnerships Hub om stöd.' );
		expect( textOf( sv ) ).toContain( 'Spara sedan.' );
		// Links go to the page in the reader's language where there is one.
		expect( linkTitles( sv ) ).toContain( 'Special:MyLanguage/Content Partnerships Hub/Helpdesk' );
		// A page that does not exist yet: no warning.
		expect( sv.querySelector( '.helpdesk-editintro-exists' ) ).toBeNull();
		const ar = await intro( 'ar', REQUESTS_PREFIX.replace( /\/$/, '' ) );
		expect( [ ar.getAttribute( 'lang' ), ar.getAttribute( 'dir' ) ] ).toEqual( [ 'ar', 'rtl' ] );
		// An existing page: the warning, with a link to an empty request on a page of its own.
		const exists = ar.querySelector( '.helpdesk-editintro-exists' ) as Element;
		expect( textOf( exists ) ).toContain( 'تحتوي هذه الصفحة على طلب بالفعل.' );
		const link = new URL( ( exists.querySelector( 'a' ) as HTMLAnchorElement ).getAttribute( 'href' ) as string, wiki.server );
		expect( link.searchParams.get( 'title' ) ).toMatch( /^Content_Partnerships_Hub\/Helpdesk\/Requests\/New_request_\d{4}-\d\d-\d\d_\d{6}$/ );
		expect( link.searchParams.get( 'preload' ) ).toBe( 'Template:Helpdesk_request/preload' );
		expect( textOf( await intro( 'en', 'User:Requester One/Helpdesk request' ) ) ).toContain( 'You are asking the Helpdesk of the Content Partnerships Hub for support.' );
	} );

	it( 'puts the reader first: a Swedish request is in English with uselang=en, in German with uselang=de', async () => {
		const english = await renderRequest( { language: 'sv' }, 'en' );
		expect( english.labels[ 0 ] ).toBe( 'Requester' );
		expect( textOf( english.document.querySelector( '.helpdesk-request-waiting-for' ) ) ).toBe( 'the Expert Committee' );
		expect( textOf( english.document.querySelector( '.helpdesk-request-field-language' ) ) ).toBe( await languageName( 'sv', 'en' ) + ' (sv)' );
		expect( english.document.querySelector( '.helpdesk-request' )?.getAttribute( 'lang' ) ).toBe( 'en' );
		const german = await renderRequest( { language: 'sv' }, 'de' );
		expect( german.labels[ 0 ] ).toBe( 'Antragsteller*in' );
		expect( textOf( german.document.querySelector( '.helpdesk-request-next-heading' ) ) ).toBe( 'Wie es weitergeht' );
	} );

	it( 'falls back to the request\'s language for a reader of none of our languages', async () => {
		const portuguese = await renderRequest( { language: 'sv' }, 'pt' );
		expect( portuguese.labels[ 0 ] ).toBe( 'Sökande' );
		expect( portuguese.document.querySelector( '.helpdesk-request' )?.getAttribute( 'lang' ) ).toBe( 'sv' );
		// Neither ours: English.
		expect( ( await renderRequest( { language: 'pt' }, 'ja' ) ).labels[ 0 ] ).toBe( 'Requester' );
	} );

	it( 'translates the notices of a request on its writer\'s own page, keeping the link that moves it', async () => {
		for ( const [ uselang, start ] of [ [ 'en', 'This request is still on a page of your own' ], [ 'sv', 'Den här förfrågan ligger fortfarande på en egen sida' ] ] ) {
			const { document } = await render( renderRequestPage( sampleRequest( { title: 'Photos: the old town' } ) ), uselang, 'User:Requester One/Helpdesk request' );
			const notice = document.querySelector( '.helpdesk-request-move' ) as Element;
			expect( textOf( notice ).startsWith( start ), uselang ).toBe( true );
			const target = new URL( ( notice.querySelector( 'a' ) as HTMLAnchorElement ).href, wiki.server );
			expect( target.searchParams.get( 'title' ), uselang ).toBe( 'Special:MovePage/User:Requester_One/Helpdesk_request' );
			expect( target.searchParams.get( 'wpNewTitleMain' ), uselang ).toBe( REQUESTS_PREFIX + 'Photos: the old town' );
		}
		const provisional = ( await render( renderRequestPage( sampleRequest() ), 'ar', REQUESTS_PREFIX + 'New request' ) ).document;
		expect( textOf( provisional.querySelector( '.helpdesk-request-notice' ) ) ).toBe( message( 'ar', 'notice-provisional-name' ) );
	} );

	it( 'keeps what people typed inert, in every language', async () => {
		const hostile = '\'\'\'bold\'\'\' [[Category:X]] <span class="evil">x</span> __NOTOC__ [[User:Evil]]';
		const text = renderRequestPage( sampleRequest( { title: '<b class="evil">T</b> {{x}} [[Category:X]]', affiliate: '[[Category:X]] \'\'i\'\'' } ) )
			.replace( '| status = submitted', '| status = ' + hostile );
		for ( const uselang of [ 'en', 'sv', 'ar' ] ) {
			const { document, parsed } = await render( text, uselang );
			expect( document.querySelector( '.scribunto-error' ), uselang ).toBeNull();
			expect( document.querySelector( '.evil' ), uselang ).toBeNull();
			expect( document.querySelector( '.helpdesk-request-notice b' ), uselang ).toBeNull();
			expect( textOf( document.querySelector( '.helpdesk-request-notice bdi' ) ), uselang ).toBe( hostile );
			expect( textOf( document.querySelector( '.helpdesk-status bdi' ) ), uselang ).toBe( hostile );
			expect( textOf( document.querySelector( '.helpdesk-request-field-title' ) ), uselang ).toBe( '<b class="evil">T</b> {{x}} [[Category:X]]' );
			expect( parsed.categories.map( ( category ) => category.category.replace( /_/g, ' ' ) ).sort(), uselang )
				.toEqual( [ CATEGORIES.requests, CATEGORIES.needsAttention ] );
			expect( parsed.templates.map( ( template ) => template.title ), uselang ).not.toContain( 'Template:X' );
			expect( parsed.links.map( ( link ) => link.title ), uselang ).not.toContain( 'User:Evil' );
			expect( parsed.properties, uselang ).not.toHaveProperty( 'notoc' );
			expect( document.querySelector( '.helpdesk-request-next' )?.getAttribute( 'data-status' ), uselang ).toBe( 'unknown' );
		}
	} );

	it( 'translates the badge used elsewhere, sign-offs and recommendations', async () => {
		const text = [
			'{{Helpdesk status|on-hold}}',
			'* {{Helpdesk sign-off|kind=feedback|member=Amara Okafor|not_counted=added-by-other|added_by=Requester Two}}',
			'* {{Helpdesk sign-off|kind=final-go|decision=no|member=Lucía Fernández|reason=The rights are not clear.}}',
			'* {{Helpdesk sign-off|kind=final-go|member=Kenji Watanabe|not_counted=no-decision}}',
			'{{Helpdesk recommendation|group=communication|recommendation=yes|text=Go ahead.}}',
		].join( '\n' );
		const sv = ( await render( text, 'sv', 'Helpdesk language check' ) ).document;
		expect( textOf( sv.querySelector( '.helpdesk-status' ) ) ).toBe( 'Pausad' );
		expect( sv.querySelector( '.helpdesk-status' )?.getAttribute( 'title' ) ).toBe( 'Pausad, väntar på den sökande' );
		expect( Array.from( sv.querySelectorAll( '.helpdesk-sign-off' ), textOf ) ).toEqual( [
			'✎ Första återkoppling — Amara Okafor — ⚠ räknas inte: tillagd av Requester Two, inte av medlemmen',
			'✗ Slutligt beslut: nej — Lucía Fernández — ”The rights are not clear.”',
			'⚠ Slutligt beslut utan ställningstagande (skriv decision=yes eller decision=no) — Kenji Watanabe — ⚠ räknas inte: inget beslut angivet',
		] );
		expect( Array.from( sv.querySelectorAll( '.helpdesk-sign-off' ), ( element ) => element.getAttribute( 'data-counted' ) ) ).toEqual( [ 'no', 'yes', 'no' ] );
		// The group as the settings name it in Swedish.
		expect( textOf( sv.querySelector( '.helpdesk-recommendation' ) ) ).toBe( 'Arbetsgruppens rekommendation (Kommunikation): gå vidareGo ahead.' );
		const ar = ( await render( text, 'ar', 'Helpdesk language check' ) ).document;
		expect( textOf( ar.querySelector( '.helpdesk-status' ) ) ).toBe( 'معلّق' );
		const en = ( await render( text, 'en', 'Helpdesk language check' ) ).document;
		expect( textOf( en.querySelector( '.helpdesk-status' ) ) ).toBe( 'On hold' );
		expect( textOf( en.querySelector( '.helpdesk-sign-off' ) ) ).toBe( '✎ Initial feedback — Amara Okafor — ⚠ not counted: added by Requester Two, not by the member' );
	} );
} );
