/**
 * The texts of Module:Helpdesk request in the reader's language, run by the system's
 * Lua 5.1 (as Scribunto's luastandalone) with Scribunto's own mw.text and mw.html and
 * stubs of what needs MediaWiki: the choice of language (reader, then the request's
 * language, then English), the messages and their parameters, typed text kept inert,
 * and the box "What happens next" with the next meeting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTRY_NAMES_PAGE, REQUEST_I18N_DIR, REQUEST_I18N_PAGE, requestMessages, onWikiPages, VIEWS_LANG_MESSAGE } from '../../../scripts/onwiki-pages';
import { escapeText } from '../../../shared/escape';
import { STATUSES } from '../../../shared/status';
import { HAS_LUA, runLua, toLua } from '../lua/to-lua';

const ROOT = resolve( __dirname, '../../..' );
const SETTINGS = 'Content Partnerships Hub/Helpdesk/Settings.json';
const HOSTILE = ']]{{x}}<script>alert(1)</script>[[Category:X]] ~~~~ \'\'b\'\' __NOTOC__';

let dir: string;
let messages: Record<string, Record<string, string>>;

interface Run {
	pages?: Record<string, unknown>;
	/** What {{int:helpdesk-views-lang}} gives. */
	reader?: string;
	/** What {{int:january}} gives. */
	january?: string;
	today?: string;
	/** The arguments of the template that calls the module. */
	parent?: Record<string, string>;
}

/** Run `body` (Lua; its `return` value is printed) with the module loaded as `request`. */
function lua( body: string, run: Run = {} ): string {
	return runLua( dir, {
		MODULE: resolve( ROOT, 'shared/pages/Module-Helpdesk_request.lua' ),
		READER: run.reader ?? 'en',
		JANUARY: run.january ?? 'January',
		TODAY: run.today ?? '2026-11-30',
		PARENT_ARGS: run.parent ?? {},
		PAGES: run.pages ?? { [ REQUEST_I18N_PAGE ]: messages },
	}, [
		'dofile( ' + toLua( resolve( __dirname, 'harness.lua' ) ) + ' )',
		'local out = ( function () ' + body + ' end )()',
		'io.write( tostring( out ) )',
	] );
}

/** `{{#invoke:Helpdesk request|name|…}}` with these arguments. */
function invoke( name: string, args: Record<string | number, string>, run: Run = {} ): string {
	return lua( 'return request.' + name + '( frame( ' + toLua( args ) + ' ) )', run );
}

function msg( key: string, language = '', run: Run = {}, more: Record<string | number, string> = {} ): string {
	return invoke( 'msg', { 1: key, 2: language, ...more }, run );
}

describe( 'the messages of the request page', () => {
	beforeAll( async () => {
		messages = await requestMessages();
	} );

	it( 'are in every language of the form, each with every English key, and documented in qqq', async () => {
		expect( Object.keys( messages ) ).toEqual( [ 'en', 'ar', 'de', 'es', 'fr', 'sv' ] );
		const keys = Object.keys( messages.en ).sort();
		for ( const code of Object.keys( messages ) ) {
			expect( Object.keys( messages[ code ] ).sort(), code ).toEqual( keys );
			for ( const key of keys ) {
				expect( messages[ code ][ key ].trim(), code + ' ' + key ).not.toBe( '' );
			}
		}
		const qqq = JSON.parse( await readFile( join( REQUEST_I18N_DIR, 'qqq.json' ), 'utf8' ) ) as Record<string, string>;
		expect( Object.keys( qqq ).filter( ( key ) => key !== '@metadata' ).sort() ).toEqual( keys );
		keys.forEach( ( key ) => expect( key ).toMatch( /^helpdesk-request-[a-z-]+$/ ) );
		// A status label, a tooltip and both sentences of the box for every status.
		for ( const status of [ ...STATUSES, 'unknown' ] ) {
			for ( const kind of [ 'status-', 'status-title-', 'next-committee-', 'next-requester-' ] ) {
				expect( keys, kind + status ).toContain( 'helpdesk-request-' + kind + status );
			}
		}
	} );

	it( 'are deployed as one JSON page, with a reader language page for each translation', async () => {
		const pages = await onWikiPages( { distDir: join( tmpdir(), 'helpdesk-no-dist-here' ) } );
		const i18n = pages.find( ( page ) => page.title === REQUEST_I18N_PAGE );
		expect( i18n?.contentModel ).toBe( 'json' );
		expect( JSON.parse( i18n?.text as string ) ).toEqual( messages );
		for ( const code of Object.keys( messages ) ) {
			expect( pages.find( ( page ) => page.title === VIEWS_LANG_MESSAGE + ( code === 'en' ? '' : '/' + code ) )?.text, code ).toBe( code );
		}
	} );
} );

describe.skipIf( !HAS_LUA )( 'Module:Helpdesk request in Lua 5.1', () => {
	beforeAll( async () => {
		dir = mkdtempSync( join( tmpdir(), 'helpdesk-request-lua-' ) );
		messages = await requestMessages();
	} );
	afterAll( () => {
		rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'orders the languages: the reader\'s, the request\'s, English, only those with messages', () => {
		const chain = ( reader: string, requested: string ): string => lua( 'return table.concat( request.languageChain( ' +
			toLua( reader ) + ', ' + toLua( requested ) + ', { en = {}, sv = {}, ar = {}, pt = {} } ), " " )' );
		expect( chain( 'sv', 'ar' ) ).toBe( 'sv ar en' );
		expect( chain( 'en', 'sv' ) ).toBe( 'en sv' );
		expect( chain( '', 'sv' ) ).toBe( 'sv en' );
		expect( chain( 'de', 'ar' ) ).toBe( 'ar en' );
		expect( chain( 'pt-br', 'sv' ) ).toBe( 'pt sv en' );
		expect( chain( 'sv', 'SV ' ) ).toBe( 'sv en' );
		expect( chain( 'sv', '"><x' ) ).toBe( 'sv en' );
		expect( lua( 'return table.concat( request.languageChain( "sv", "ar", {} ), " " )' ) ).toBe( 'en' );
	} );

	it( 'takes the reader\'s language from {{int:helpdesk-views-lang}}, telling English from a language of none of ours', () => {
		expect( lua( 'return tostring( request.readerLanguage( frame() ) )', { reader: 'sv' } ) ).toBe( 'sv' );
		expect( lua( 'return tostring( request.readerLanguage( frame() ) )', { reader: 'en' } ) ).toBe( 'en' );
		// The English page answers for Portuguese too: {{int:january}} tells them apart.
		expect( lua( 'return tostring( request.readerLanguage( frame(), "sv" ) )', { reader: 'en', january: 'janeiro' } ) ).toBe( 'nil' );
		// Asked only when it matters: for a request in another language than English.
		expect( lua( 'request.readerLanguage( frame(), "en" ) return table.concat( PREPROCESSED, "|" )', { reader: 'en', january: 'janeiro' } ) )
			.toBe( '{{int:helpdesk-views-lang}}' );
		// uselang=qqx shows the key, which is no language.
		expect( lua( 'return tostring( request.readerLanguage( frame() ) )', { reader: '(helpdesk-views-lang)' } ) ).toBe( 'nil' );
	} );

	it( 'shows a text in the reader\'s language first, then the request\'s, then English', () => {
		expect( msg( 'field-requester', 'sv', { reader: 'en' } ) ).toBe( 'Requester' );
		expect( msg( 'field-requester', 'en', { reader: 'sv' } ) ).toBe( 'Sökande' );
		expect( msg( 'field-requester', 'sv', { reader: 'en', january: 'janeiro' } ) ).toBe( 'Sökande' );
		expect( msg( 'field-requester', 'pt', { reader: 'en', january: 'janeiro' } ) ).toBe( 'Requester' );
		expect( msg( 'field-requester', '', { reader: 'ar' } ) ).toBe( 'مقدّم الطلب' );
		expect( msg( 'waiting-committee', '', { reader: 'de' } ) ).toBe( 'das Expertenkomitee' );
		// A message missing in the reader's language comes from the next one.
		const partial = { [ REQUEST_I18N_PAGE ]: { en: messages.en, sv: { 'helpdesk-request-talk': 'diskussion' }, fr: messages.fr } };
		expect( msg( 'field-requester', 'fr', { reader: 'sv', pages: partial } ) ).toBe( 'Demandeur ou demandeuse' );
		expect( msg( 'talk', 'fr', { reader: 'sv', pages: partial } ) ).toBe( 'diskussion' );
		// No messages page: the key, escaped, as MediaWiki shows a missing message.
		expect( msg( 'field-requester', 'sv', { pages: {} } ) ).toBe( '⧼helpdesk-request-field-requester⧽' );
		expect( msg( '<b>x', '', {} ) ).toBe( '⧼helpdesk-request-&#60;b&#62;x⧽' );
	} );

	it( 'fills in parameters once: wikitext from the template, typed text as inert text', () => {
		const notice = msg( 'notice-unknown-status', '', {}, { text1: HOSTILE, 3: '<code>submitted</code>' } );
		expect( notice ).toMatch( /^The status “<bdi>.*<\/bdi>” is not a Helpdesk status\. Use one of: <code>submitted<\/code>\.$/ );
		// (A signature is replaced only when a page is saved, never in what a module gives.)
		for ( const markup of [ '{{x}}', '<script', '[[Category:', '\'\'b', '__NOTOC__', ']]' ] ) {
			expect( notice ).not.toContain( markup );
		}
		// A value's own $2 is not replaced again.
		expect( msg( 'signoff-added-by-other', '', {}, { 3: '$2 [[User:A|A]]' } ) ).toBe( 'added by $2 [[User:A|A]], not by the member' );
		expect( msg( 'status-unknown', '', { reader: 'fr' }, { text1: 'waiting\nfor' } ) ).toBe( '<bdi>waiting for</bdi> (statut inconnu)' );
		expect( msg( 'signoff-quote', '', { reader: 'de' }, { 3: 'Gut.' } ) ).toBe( '„Gut.“' );
	} );

	it( 'labels the badge and gives its tooltip in the reader\'s language', () => {
		expect( invoke( 'status', { 1: 'on-hold', 2: 'On hold' }, { reader: 'sv' } ) ).toBe( 'Pausad' );
		expect( invoke( 'status', { 1: 'on-hold', 2: 'On hold', lang: 'sv' }, { reader: 'en' } ) ).toBe( 'On hold' );
		expect( invoke( 'status', { 1: 'on-hold', 2: 'On hold', lang: 'sv' }, { reader: 'en', january: 'janvier' } ) ).toBe( 'Pausad' );
		expect( invoke( 'status', { 1: '', 2: 'lost <b>' } ) ).toBe( '<bdi>lost &#60;b&#62;</bdi> (unknown status)' );
		expect( invoke( 'status', { 1: 'nonsense', 2: 'nonsense' } ) ).toBe( '<bdi>nonsense</bdi> (unknown status)' );
		expect( invoke( 'statusTitle', { 1: 'submitted' }, { reader: 'ar' } ) ).toBe( 'مُقدَّم: بانتظار الملاحظات الأولى من لجنة الخبراء' );
		expect( invoke( 'statusTitle', { 1: '' } ) ).toBe( 'Not a Helpdesk status: the request needs attention' );
	} );

	it( 'gives the language and direction of the texts, dates and the request\'s language name in it', () => {
		expect( invoke( 'attrs', { 1: 'sv' }, { reader: 'ar' } ) ).toBe( 'lang="ar" dir="rtl"' );
		expect( invoke( 'attrs', { 1: 'sv' }, { reader: 'en' } ) ).toBe( 'lang="en" dir="ltr"' );
		expect( invoke( 'attrs', { 1: 'ar' }, { reader: 'en', january: 'janeiro' } ) ).toBe( 'lang="ar" dir="rtl"' );
		expect( invoke( 'date', { 1: '2026-03-02T10:00:00Z', 2: '' }, { reader: 'sv' } ) ).toBe( '(sv date 2026-03-02)' );
		expect( invoke( 'date', { 1: 'soon <b>', 2: '' } ) ).toBe( 'soon &#60;b&#62;' );
		expect( invoke( 'languageName', { 1: 'sv' }, { reader: 'en' } ) ).toBe( 'Swedish (<code>sv</code>)' );
		expect( invoke( 'languageName', { 1: 'ar' }, { reader: 'sv' } ) ).toBe( 'arabiska (<code>ar</code>)' );
		expect( invoke( 'languageName', { 1: 'x"<y' } ) ).toBe( 'x&#34;&#60;y (<code>x&#34;&#60;y</code>)' );
	} );

	const settings = ( meetings: unknown ): Record<string, unknown> => ( {
		[ REQUEST_I18N_PAGE ]: messages,
		[ SETTINGS ]: { version: 1, meetings: meetings },
	} );

	it( 'says what happens next at each status, with the next meeting while the committee is involved', () => {
		const pages = settings( [ '2027-01-14', 'not a date', '2026-11-12', '2026-11-30', 5 ] );
		const submitted = invoke( 'next', { 1: 'submitted', 2: '' }, { pages: pages } );
		expect( submitted ).toContain( 'class="helpdesk-request-next"' );
		expect( submitted ).toContain( 'data-status="submitted"' );
		expect( submitted ).toContain( '>What happens next</div>' );
		expect( submitted ).toContain( '>The Expert Committee reads the new request' );
		expect( submitted ).toContain( '<p class="helpdesk-request-next-meeting" data-date="2026-11-30" style="margin:0.3em 0">The Expert Committee next meets on (en date 2026-11-30).</p>' );
		expect( submitted ).toContain( '>You can add this page to your watchlist' );
		// The first date from today on.
		expect( invoke( 'next', { 1: 'awaiting-final-go', 2: '' }, { pages: pages, today: '2026-12-01' } ) ).toContain( 'data-date="2027-01-14"' );
		// No meeting sentence once the committee has decided, nor without a future meeting or settings.
		for ( const status of [ 'approved', 'declined', 'support-under-way', 'done', 'on-hold', 'withdrawn' ] ) {
			const out = invoke( 'next', { 1: status, 2: '' }, { pages: pages } );
			expect( out, status ).not.toContain( 'helpdesk-request-next-meeting' );
			expect( out, status ).toContain( 'data-status="' + status + '"' );
			expect( out, status ).toContain( messages.en[ 'helpdesk-request-next-requester-' + status ] );
		}
		expect( invoke( 'next', { 1: 'submitted', 2: '' }, { pages: pages, today: '2027-02-01' } ) ).not.toContain( 'helpdesk-request-next-meeting' );
		expect( invoke( 'next', { 1: 'submitted', 2: '' }, { pages: settings( 'soon' ) } ) ).not.toContain( 'helpdesk-request-next-meeting' );
		expect( invoke( 'next', { 1: 'submitted', 2: '' } ) ).not.toContain( 'helpdesk-request-next-meeting' );
		// Not a status: it needs correcting.
		expect( invoke( 'next', { 1: '', 2: '' }, { pages: pages } ) ).toContain( 'data-status="unknown"' );
		// In the reader's language, the date too.
		const sv = invoke( 'next', { 1: 'working-group', 2: 'ar' }, { pages: pages, reader: 'sv' } );
		expect( sv ).toContain( '>Vad händer nu</div>' );
		expect( sv ).toContain( 'Expertkommittén har nästa möte den (sv date 2026-11-30).' );
	} );

	it( 'shows the requester\'s verdict in the reader\'s language: stars, "4 of 5", the comment as text, who gave it', () => {
		const comment = escapeText( HOSTILE, false );
		const box = invoke( 'verdict', { rating: '4', comment: comment, user: 'Kofi Mensah' }, { reader: 'sv' } );
		expect( box ).toMatch( /^<span class="helpdesk-verdict notheme" data-rating="4"/ );
		expect( box ).toContain( 'Förfrågarens omdöme: <span aria-hidden="true" class="helpdesk-verdict-stars"' );
		expect( box ).toContain( '>★★★★☆</span> 4 av 5 — ”<bdi>' );
		expect( box ).toContain( ' — [[User:Kofi Mensah|Kofi Mensah]]</span>' );
		for ( const markup of [ '{{x}}', '<script', '[[Category:', '\'\'b', '__NOTOC__', ']]{{' ] ) {
			expect( box ).not.toContain( markup );
		}
		expect( invoke( 'verdict', { rating: '2', comment: '', user: 'Kofi Mensah' }, { reader: 'ar' } ) ).toContain( '★★☆☆☆</span> 2 من 5 — [[User:' );
		expect( invoke( 'verdict', { rating: '7', comment: 'x', user: '' } ) ).toContain( 'The requester\'s verdict: no rating from 1 to 5 — “<bdi>x</bdi>”</span>' );
	} );

	it( 'reads the date of today through the parser, so that the page is rendered again the next day', () => {
		expect( lua( 'request.next( frame( { "submitted", "" } ) ) return table.concat( PREPROCESSED, "|" )', { pages: settings( [ '2026-12-10' ] ) } ) )
			.toContain( '{{CURRENTYEAR}}-{{CURRENTMONTH}}-{{CURRENTDAY2}}' );
	} );

	it( 'labels codes in the reader\'s language, then the request\'s; working groups by the settings\' names', () => {
		const sv = ( key: string ): string => messages.sv[ 'helpdesk-request-' + key ];
		const pages = { [ REQUEST_I18N_PAGE ]: messages, [ SETTINGS ]: { workingGroups: [ { code: 'communication', names: { en: 'Communication', sv: 'Kommunikation <b>' } } ] } };
		expect( invoke( 'labels', { 1: 'support', 2: 'mass-upload, Copyright' }, { reader: 'sv', pages: pages } ) )
			.toBe( sv( 'support-mass-upload' ) + ', ' + sv( 'support-copyright' ) );
		expect( invoke( 'labels', { 1: 'support', 2: 'mass-upload' }, { reader: 'en', parent: { language: 'sv' }, pages: pages } ) ).toBe( 'Mass upload of media files' );
		expect( invoke( 'labels', { 1: 'stage', 2: 'agreement' }, { reader: 'en', january: 'janeiro', parent: { language: 'sv' }, pages: pages } ) ).toBe( sv( 'stage-agreement' ) );
		expect( invoke( 'labels', { 1: 'projects', 2: 'commons, wikidata' }, { reader: 'ar', pages: pages } ) )
			.toBe( messages.ar[ 'helpdesk-request-project-commons' ] + ', ' + messages.ar[ 'helpdesk-request-project-wikidata' ] );
		expect( invoke( 'labels', { 1: 'working_group', 2: 'communication' }, { reader: 'sv', pages: pages } ) ).toBe( '<bdi>Kommunikation &#60;b&#62;</bdi>' );
		expect( invoke( 'labels', { 1: 'working_group', 2: 'communication' }, { reader: 'de', pages: pages } ) ).toBe( '<bdi>Communication</bdi>' );
		expect( invoke( 'labels', { 1: 'working_group', 2: 'evaluation' }, { reader: 'sv', pages: pages } ) ).toBe( 'Evaluation and research' );
		expect( invoke( 'labels', { 1: 'support', 2: 'paperwork' }, { reader: 'sv', pages: pages } ) )
			.toBe( '<span class="helpdesk-unknown-code" title="' + sv( 'unknown-code' ) + '">paperwork (?)</span>' );
	} );

	it( 'names the country and its continent in the reader\'s language, then the request\'s, then English; an unknown code as typed', async () => {
		const countries = JSON.parse( ( await onWikiPages() ).find( ( page ) => page.title === COUNTRY_NAMES_PAGE )?.text as string ) as unknown;
		const pages = { [ REQUEST_I18N_PAGE ]: messages, [ COUNTRY_NAMES_PAGE ]: countries };
		const country = ( args: Record<string | number, string>, run: Run ): string => invoke( 'country', args, { pages: pages, ...run } );
		expect( country( { 1: 'GH', 2: 'both' }, { reader: 'sv' } ) ).toBe( 'Ghana (' + messages.sv[ 'helpdesk-request-continent-africa' ] + ')' );
		expect( country( { 1: 'ml', 2: 'both' }, { reader: 'ar' } ) ).toBe( 'مالي (' + messages.ar[ 'helpdesk-request-continent-africa' ] + ')' );
		expect( country( { 1: 'SE' }, { reader: 'de' } ) ).toBe( 'Schweden' );
		expect( country( { 1: 'SE', 2: 'continent' }, { reader: 'fr' } ) ).toBe( 'Europe' );
		// A reader of none of our languages gets the request's language, then English.
		expect( country( { 1: 'SE', lang: 'es' }, { reader: 'en', january: 'janeiro' } ) ).toBe( 'Suecia' );
		expect( country( { 1: 'CI', lang: 'pt' }, { reader: 'en', january: 'janeiro' } ) ).toBe( 'Côte d’Ivoire' );
		// A view gives its own language.
		expect( country( { 1: 'SE', reader: 'sv' }, { reader: 'en' } ) ).toBe( 'Sverige' );
		// Not a country: shown as typed, as text, with no continent.
		expect( country( { 1: '[[X]]{{y}}', 2: 'both' }, { reader: 'en' } ) ).toBe( '<bdi>&#91;&#91;X&#93;&#93;&#123;&#123;y&#125;&#125;</bdi>' );
		expect( country( { 1: 'XX', 2: 'continent' }, { reader: 'en' } ) ).toBe( '' );
		// Without the names page, the code.
		expect( invoke( 'country', { 1: 'SE', 2: 'both' }, { reader: 'sv' } ) ).toBe( '<bdi>SE</bdi>' );
	} );

	describe( 'the routing hints on a request awaiting the committee', () => {
		const ROUTING = 'Content Partnerships Hub/Helpdesk/Routing.json';
		const PAGE = 'Content Partnerships Hub/Helpdesk/Requests/Nationalmuseum portraits';
		const HINT = {
			group: { code: 'implementation', why: [ { code: 'support', params: [ 'mass-upload' ] } ], text: 'Implementation: helps with mass upload.' },
			people: [
				{ user: 'Björn Lindqvist', score: 8, text: 'Helps with mass upload; speaks sv; knows Europe.', why: [
					{ code: 'support', params: [ 'mass-upload' ] }, { code: 'group', params: [ 'implementation' ] },
					{ code: 'language', params: [ 'sv' ] }, { code: 'continent', params: [ 'europe' ] } ] },
				{ user: 'Amara Okafor', score: 5, text: 'Helps with copyright; knows Nigeria.', why: [
					{ code: 'support', params: [ 'copyright' ] }, { code: 'country', params: [ 'NG' ] } ] },
			],
		};
		let countries: unknown;
		const pages = ( requests: Record<string, unknown> ): Record<string, unknown> => ( {
			[ REQUEST_I18N_PAGE ]: messages, [ COUNTRY_NAMES_PAGE ]: countries, [ ROUTING ]: { schema: 1, requests: requests },
		} );
		beforeAll( async () => {
			countries = JSON.parse( ( await onWikiPages() ).find( ( page ) => page.title === COUNTRY_NAMES_PAGE )?.text as string ) as unknown;
		} );

		it( 'shows the working group and the people with their reasons in the reader\'s language, after what happens next', () => {
			const out = invoke( 'next', { 1: 'submitted', 2: 'sv', page: PAGE }, { pages: pages( { [ PAGE ]: HINT } ) } );
			expect( out.indexOf( 'helpdesk-request-next' ) ).toBeLessThan( out.indexOf( 'helpdesk-request-routing' ) );
			expect( out ).toContain( '>Who could help</div>' );
			expect( out ).toContain( 'from the [[Content Partnerships Hub/Helpdesk/Volunteers|volunteers\' page]] and the working groups\' areas. Nobody has been notified.' );
			expect( out ).toContain( 'data-group="implementation" style="margin:0.3em 0">Working group: Implementation (helps with Mass upload of media files).</p>' );
			expect( out ).toContain( '<li class="helpdesk-request-routing-person">[[User:Björn Lindqvist|Björn Lindqvist]]: helps with Mass upload of media files; ' +
				'helps the working group Implementation; speaks Swedish; knows Europe</li>' );
			expect( out ).toContain( '[[User:Amara Okafor|Amara Okafor]]: helps with Copyright and licensing; knows Nigeria</li>' );
			const sv = invoke( 'next', { 1: 'awaiting-final-go', 2: 'en', page: PAGE }, { pages: pages( { [ PAGE ]: HINT } ), reader: 'sv' } );
			expect( sv ).toContain( '>' + messages.sv[ 'helpdesk-request-routing-heading' ] + '</div>' );
			expect( sv ).toContain( 'talar svenska; känner till Europa</li>' );
		} );

		it( 'is shown only while the request awaits the committee, and only when the data page has a hint for it', () => {
			for ( const status of [ 'working-group', 'approved', 'on-hold', 'done', '' ] ) {
				expect( invoke( 'next', { 1: status, 2: '', page: PAGE }, { pages: pages( { [ PAGE ]: HINT } ) } ), status ).not.toContain( 'helpdesk-request-routing' );
			}
			expect( invoke( 'next', { 1: 'submitted', 2: '', page: PAGE + ' (2)' }, { pages: pages( { [ PAGE ]: HINT } ) } ) ).not.toContain( 'helpdesk-request-routing' );
			// Without the data page: the box alone, and the page depends on the data page to show it once it exists.
			const missing = lua( 'local out = request.next( frame( { "submitted", "", page = ' + JSON.stringify( PAGE ) + ' } ) ) return tostring( LOADS[ ' +
				JSON.stringify( ROUTING ) + ' ] or 0 ) .. " " .. out' );
			expect( missing ).toMatch( /^1 / );
			expect( missing ).not.toContain( 'helpdesk-request-routing' );
		} );

		it( 'says why nobody is suggested, and falls back to the bot\'s English for what it has no message for', () => {
			const none = { none: [ { code: 'no-group', params: [ 'other' ], text: 'No working group lists other among its areas (Settings.json).' },
				{ code: 'no-volunteers', params: [], text: 'Nobody is listed on the volunteers\' page yet.' },
				{ code: 'no-area', params: [], text: 'Nobody available on the volunteers\' page helps with what the request asks.' },
				{ code: 'something-new', params: [ 'x' ], text: 'A reason of a newer bot <b>.' } ] };
			const out = invoke( 'next', { 1: 'initial-feedback', 2: '', page: PAGE }, { pages: pages( { [ PAGE ]: none } ), reader: 'de' } );
			expect( out ).toContain( 'data-code="no-group" style="margin:0.3em 0">Keine Arbeitsgruppe nennt ' + messages.de[ 'helpdesk-request-support-other' ] +
				' unter ihren Bereichen.</p>' );
			expect( out ).toContain( '>Auf der Freiwilligenseite steht noch niemand.</p>' );
			expect( out ).toContain( '><bdi>Nobody available on the volunteers&#39; page helps with what the request asks.</bdi></p>' );
			expect( out ).toContain( '><bdi>A reason of a newer bot &#60;b&#62;.</bdi></p>' );
		} );

		it( 'keeps hostile values of the data page as text: no link, template, tag or category is gained', () => {
			const hostile = { group: { code: HOSTILE, why: [ { code: 'support', params: [ HOSTILE ] } ], text: HOSTILE },
				people: [ { user: HOSTILE, why: [], text: HOSTILE }, { user: 'Mallory', why: [ { code: 'language', params: [ HOSTILE ] },
					{ code: HOSTILE, params: [] } ], text: HOSTILE }, { user: 'Eve', why: [ { code: 'country', params: [ HOSTILE ] } ], text: 'x' }, 'x' ],
				none: [ { code: HOSTILE, params: [ HOSTILE ], text: HOSTILE }, 7 ] };
			const out = invoke( 'next', { 1: 'submitted', 2: '', page: PAGE }, { pages: pages( { [ PAGE ]: hostile } ) } );
			expect( out ).not.toContain( 'helpdesk-request-routing-group' );
			expect( out ).not.toMatch( /\[\[Category|\{\{x\}\}|<script|''b''|__NOTOC__/ );
			// A user name that cannot be one is shown as text, not linked; the reasons the bot never writes give its English.
			expect( out ).toContain( '<li class="helpdesk-request-routing-person"><bdi>' );
			expect( out ).toContain( '[[User:Mallory|Mallory]]: <bdi>' );
			expect( out ).toContain( '[[User:Eve|Eve]]: knows <bdi>' );
		} );
	} );

	it( 'keeps the labels of the codes and the links as they were', () => {
		expect( lua( 'return request.render( "support", "mass-upload, copyright" )' ) ).toBe( 'Mass upload of media files, Copyright and licensing' );
		expect( lua( 'return request.renderLinks( "* https&#58;//example.org/\\n* javascript:x" )' ) ).toBe( '* [https://example.org/ https&#58;//example.org/]\n* javascript&#58;x' );
	} );
	describe( 'the outcomes box', () => {
		const IMPACT = 'Content Partnerships Hub/Helpdesk/Impact.json';
		const PAGE = 'Content Partnerships Hub/Helpdesk/Requests/Servier illustrations';
		const ENTRY = {
			page: PAGE, year: '2026', status: 'done', checked: '2026-11-29T08:00:00Z', category: 'Media from Servier', files: 3012, filesCut: false,
			subcategories: 4, usage: 'global', usagePages: 57, usageWikis: 9, itemsListed: 2, items: 1, itemsMissing: [ 'Q999999' ], problems: [],
		};
		const typed = {
			category: 'Category&#58;Media from Servier', items: '\n* Q42\n* Q999999', query: 'https&#58;//query.wikidata.org/#SELECT%20%3Fitem',
			pages: '\n* https&#58;//sv.wikipedia.org/wiki/Servier\n* w&#58;fr&#58;Servier',
		};
		const outcomes = ( args: Record<string, string>, entry: unknown = ENTRY, reader = 'en' ): string => invoke( 'outcomes',
			{ 1: 'en', page: PAGE, ...args }, { reader: reader, pages: { [ REQUEST_I18N_PAGE ]: messages, [ IMPACT ]: { schema: 1, requests: [ entry ] } } } );

		it( 'shows the outcomes as links and the figures the bot counted', () => {
			const out = outcomes( typed );
			expect( out ).toContain( 'class="helpdesk-request-outcomes"' );
			expect( out ).toContain( '>Outcomes</div>' );
			expect( out ).toContain( '[https://commons.wikimedia.org/wiki/Category:Media&#95;from&#95;Servier <bdi>Media from Servier</bdi>]' );
			expect( out ).toContain( '3012 files (subcategories two levels down included)' );
			expect( out ).toContain( '57 pages on 9 wikis' );
			expect( out ).toContain( '[https://www.wikidata.org/wiki/Q42 Q42]</span>, <span class="plainlinks">[https://www.wikidata.org/wiki/Q999999 Q999999]' );
			expect( out ).toContain( '1 of 2 items exist' );
			expect( out ).toContain( '[https://query.wikidata.org/#SELECT%20%3Fitem the query on query.wikidata.org]' );
			expect( out ).toContain( '<li>[https://sv.wikipedia.org/wiki/Servier https&#58;//sv.wikipedia.org/wiki/Servier]</li><li>w&#58;fr&#58;Servier</li>' );
			expect( out ).toContain( 'Counted by the Helpdesk bot on (en date 2026-11-29)' );
			expect( outcomes( typed, ENTRY, 'sv' ) ).toContain( '>' + messages.sv[ 'helpdesk-request-outcomes-heading' ] + '</div>' );
		} );

		it( 'says how the usage was counted: same wiki only, or not at all; and when the count stopped', () => {
			expect( outcomes( typed, Object.assign( {}, ENTRY, { usage: 'same-wiki', usagePages: 1 } ) ) ).toContain( '1 page on the same wiki' );
			expect( outcomes( typed, Object.assign( {}, ENTRY, { usage: 'not-available', usagePages: null } ) ) ).toContain( 'cannot be counted' );
			expect( outcomes( typed, Object.assign( {}, ENTRY, { files: 5000, filesCut: true } ) ) ).toContain( 'at least 5000 files' );
		} );

		it( 'says when nothing was counted yet, and when an API failed', () => {
			expect( outcomes( typed, { page: 'another page' } ) ).toContain( 'Not counted yet' );
			const failed = outcomes( typed, Object.assign( {}, ENTRY, { items: null, problems: [ { code: 'impact-wikidata-failed', params: [ 'x' ], text: 'x' } ] } ) );
			expect( failed ).toContain( 'Wikidata could not be reached' );
			expect( failed ).not.toContain( 'items exist' );
			// Figures of other outcomes than those on the page are not shown.
			expect( outcomes( Object.assign( {}, typed, { items: 'Q42' } ) ) ).not.toContain( 'items exist' );
		} );

		it( 'shows values that are not of their kind as text, marked, and makes no markup of them', () => {
			const out = outcomes( {
				category: '&#91;&#91;Category&#58;X&#93;&#93;', items: 'Q1, P31, &#123;&#123;x&#125;&#125;', query: 'javascript&#58;alert(1)',
				pages: '\n* &#91;&#91;w&#58;sv&#58;X&#124;y&#93;&#93; &#126;&#126;&#126;&#126;',
			}, { page: PAGE, files: 5, usage: 'global', usagePages: 2, usageWikis: 1, items: 1, itemsListed: 1, checked: HOSTILE, problems: [ HOSTILE ] } );
			expect( out ).toContain( '<bdi>&#91;&#91;Category:X&#93;&#93;</bdi> <span class="helpdesk-request-outcome-unknown">(not understood)</span>' );
			expect( out ).not.toContain( '5 files' );
			expect( out ).toContain( '[https://www.wikidata.org/wiki/Q1 Q1]</span>, <bdi>P31</bdi> <span class="helpdesk-request-outcome-unknown">' );
			expect( out ).toContain( '1 of 1 item exists' );
			expect( out ).not.toContain( '[javascript' );
			expect( out ).not.toContain( '[[' );
			expect( out ).not.toContain( '{{x}}' );
			expect( out ).not.toContain( '~~~~' );
			expect( out ).not.toContain( '<script' );
		} );

		it( 'is empty without outcomes', () => {
			expect( outcomes( { category: '', items: '', query: '', pages: '' } ) ).toBe( '' );
		} );
	} );
} );
