/**
 * Module:Helpdesk views/faq run by the system's Lua 5.1 with Scribunto's own
 * mw.text and mw.html (the harness of Module:Helpdesk views): the FAQ candidates
 * rendered from the data page the bot writes, in English and in Arabic, and
 * hostile text in the data kept as text.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFaqCandidates } from '../../../bot/plan/faq';
import { REQUEST_I18N_PAGE, requestMessages, VIEWS_I18N_PAGE, viewsMessages } from '../../../scripts/onwiki-pages';
import { HAS_LUA, runLua, toLua } from '../lua/to-lua';
import { FAQ_PAGES, FAQ_PREFIX, PREFIX, readRequests, yearOfRequests } from './faq-fixtures';

const ROOT = resolve( __dirname, '../../..' );
const DATA = 'Content Partnerships Hub/Helpdesk/FAQ candidates.json';
const FAQ_I18N_PAGE = 'Module:Helpdesk views/faq/i18n.json';
const NAMES = { en: { sv: 'Swedish', ar: 'Arabic', fr: 'French', en: 'English' }, ar: { sv: 'السويدية', ar: 'العربية', fr: 'الفرنسية', en: 'الإنجليزية' } };

let dir: string;
let i18n: Record<string, unknown>;

/** The view's messages as the i18n page holds them: `{ code: { key: text } }`, qqq left out. */
function faqMessages(): Record<string, Record<string, string>> {
	const folder = resolve( ROOT, 'shared/pages/views-faq-i18n' );
	const messages: Record<string, Record<string, string>> = {};
	readdirSync( folder ).filter( ( file ) => file.endsWith( '.json' ) && file !== 'qqq.json' ).forEach( ( file ) => {
		const own = JSON.parse( readFileSync( join( folder, file ), 'utf8' ) ) as Record<string, string>;
		delete own[ '@metadata' ];
		messages[ file.replace( /\.json$/, '' ) ] = own;
	} );
	return messages;
}

/** Render the view with `data` as the data page (none: missing), in `lang`. */
function render( data: unknown, lang = 'en' ): string {
	return runLua( dir, {
		MODULE: resolve( ROOT, 'shared/pages/Module-Helpdesk_views.lua' ),
		REQUEST_MODULE: resolve( ROOT, 'shared/pages/Module-Helpdesk_request.lua' ),
		FAQ_MODULE: resolve( ROOT, 'shared/pages/Module-Helpdesk_views--faq.lua' ),
		LANG: lang,
		NAMES: NAMES,
		PAGES: { ...i18n, ...( data === undefined ? {} : { [ DATA ]: data } ) },
		HARNESS: resolve( __dirname, 'harness.lua' ),
	}, [
		'dofile( ' + toLua( resolve( __dirname, 'faq-harness.lua' ) ) + ' )',
		'io.write( faq.faq( frame( {} ) ) )',
	] );
}

function yearData(): unknown {
	return JSON.parse( renderFaqCandidates( readRequests( yearOfRequests() ), FAQ_PAGES )[ 0 ].text );
}

/** Markup that hostile data must never produce (a signature is expanded only when a page is saved, never in a view). */
function expectInert( out: string ): void {
	expect( out ).not.toContain( '{{x}}' );
	expect( out ).not.toContain( '{{subst:' );
	expect( out ).not.toContain( '<script' );
	expect( out ).not.toContain( '[[Category:' );
	expect( out ).not.toMatch( /lang="[^a-z]/ );
}

describe.skipIf( !HAS_LUA )( 'Module:Helpdesk views/faq in Lua 5.1', () => {
	beforeAll( async () => {
		dir = mkdtempSync( join( tmpdir(), 'helpdesk-faq-lua-' ) );
		i18n = { [ VIEWS_I18N_PAGE ]: await viewsMessages(), [ REQUEST_I18N_PAGE ]: await requestMessages(), [ FAQ_I18N_PAGE ]: faqMessages() };
	} );
	afterAll( () => {
		rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'renders every list in English: labels, counts, the requests and the FAQ pages', () => {
		const out = render( yearData() );
		expect( out ).toMatch( /^<div class="helpdesk-views helpdesk-views-faq" lang="en" dir="ltr">/ );
		expect( out ).toContain( '9 requests counted. The Helpdesk bot keeps the data up to date in [[:' + DATA + ']].' );
		expect( out ).toContain( 'Left out: 1 withdrawn request and 1 page the bot cannot read as a request.' );
		expect( out ).toContain( '6 existing FAQ pages under [[Special:PrefixIndex/' + FAQ_PREFIX + '|<bdi>' + FAQ_PREFIX + '</bdi>]]' );
		for ( const heading of [ 'Kinds of support', 'Target projects', 'Content types', 'Recurring words in titles and descriptions' ] ) {
			expect( out ).toContain( '== ' + heading + ' ==' );
		}
		expect( out ).toContain( '<tr><td>Mass upload of media files</td><td>5</td><td>[[:' + PREFIX + 'رفع صور المتحف الوطني|<bdi>رفع صور المتحف الوطني</bdi>]] · ' );
		expect( out ).toContain( '</td><td>[[:' + FAQ_PREFIX + 'Mass uploads|<bdi>Mass uploads</bdi>]]</td></tr>' );
		expect( out ).toContain( '<tr><td>Wikimedia Commons</td><td>7</td>' );
		expect( out ).toContain( '<tr><td><bdi>kartor</bdi></td><td>2</td>' );
		expect( out ).toContain( '=== Swedish (<code>sv</code>), 2 requests ===' );
		expect( out ).toContain( '<tr><td><span lang="ar"><bdi>متحف</bdi></span></td><td>2</td>' );
		expect( out ).toContain( '[[:' + FAQ_PREFIX + 'صور|<bdi>صور</bdi>]]' );
		expect( out ).toContain( '=== French (<code>fr</code>), 1 request ===\n<p class="helpdesk-faq-none">No word is used by 2 requests in this language yet.</p>' );
		expect( out ).not.toContain( '⧼' );
		expectInert( out );
	} );

	it( 'renders in Arabic, right to left, with the labels of the other modules in Arabic too', () => {
		const out = render( yearData(), 'ar' );
		expect( out ).toMatch( /^<div class="helpdesk-views helpdesk-views-faq" lang="ar" dir="rtl">/ );
		expect( out ).toContain( '== أنواع الدعم ==' );
		expect( out ).toContain( '== الكلمات المتكررة في العناوين والأوصاف ==' );
		expect( out ).toContain( '=== السويدية (<code>sv</code>)، 2 ' );
		expect( out ).not.toContain( 'Mass upload of media files' );
		expect( out ).not.toContain( '⧼' );
		expectInert( out );
	} );

	it( 'shows hostile data as text: keys, request pages, FAQ pages and language codes', () => {
		const hostile = '[[Category:Spam]]{{x}}<script>alert(1)</script> ~~~~ {{subst:x}}';
		const entry = { key: hostile, count: 12, requests: [ PREFIX + 'A]]{{x}}', PREFIX + 'Fine' ], faq: [ 'Category:Spam', hostile ] };
		const out = render( {
			schema: 1, requests: 12, leftOut: { withdrawn: 0, unreadable: 0 }, faqPrefix: ']]{{x}}', faqPages: 1,
			support: [ entry, { key: 'mass-upload', count: 1, requests: [] } ], projects: [ entry ], contentTypes: [ entry ], contentTypesNotShown: 3,
			languages: [ { language: '"><script>', requests: 2, words: [ entry ], wordsNotShown: 0 }, { language: 'und', requests: 1, words: [] } ],
			languagesNotShown: 1,
		} );
		expectInert( out );
		expect( out ).toContain( '<bdi>&#91;&#91;Category:Spam&#93;&#93;&#123;&#123;x&#125;&#125;&#60;script&#62;alert(1)&#60;/script&#62; ~~~~ ' );
		// A FAQ page in another namespace is linked, never categorised; a title that is none is text.
		expect( out ).toContain( '[[:Category:Spam|<bdi>Category:Spam</bdi>]] · <bdi>&#91;&#91;Category:Spam' );
		expect( out ).toContain( '<td><bdi>A&#93;&#93;&#123;&#123;x&#125;&#125;</bdi> · ' );
		expect( out ).toContain( '=== &#34;&#62;&#60;script&#62; (<code>&#34;&#62;&#60;script&#62;</code>), 2 requests ===' );
		expect( out ).toContain( '[[:' + PREFIX + 'Fine|<bdi>Fine</bdi>]] · and 10 more' );
		expect( out ).not.toContain( 'Special:PrefixIndex' );
		expect( out ).toContain( '3 more lines are not shown.' );
		expect( out ).toContain( '1 more language is not shown.' );
		expect( out ).toContain( '=== Language not given, 1 request ===' );
	} );

	it( 'says what is wrong when the data page is missing or not of its schema, and when lists are empty', () => {
		expect( render( undefined ) ).toContain( 'The data page [[:' + DATA + '|' );
		expect( render( { schema: 2 } ) ).toContain( 'is not in the format this view reads' );
		const empty = render( JSON.parse( renderFaqCandidates( [], [] )[ 0 ].text ) );
		expect( empty ).toContain( '0 requests counted' );
		expect( empty.match( /Nothing yet\./g ) ).toHaveLength( 4 );
		expect( empty ).not.toContain( '<table' );
	} );
} );
