/**
 * The landing page in the reader's language: its source is ready for the Translate
 * extension (units, Special:MyLanguage links), the shipped translations keep every
 * unit's markup, and without Translate the deploy makes a page per language and
 * shows the reader's.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELPDESK_PAGE } from '../../../shared/pages';
import { landingForTranslate, landingTranslations, landingUnits, landingWithoutTranslate, translatedLanding } from '../../../scripts/lib/landing-page';
import { LANDING_FILE, LANDING_TRANSLATIONS_DIR, landingPages, unsafeSignatures } from '../../../scripts/onwiki-pages';

const LANGUAGES = [ 'ar', 'de', 'es', 'fr', 'sv' ];

let source: string;
let units: Map<string, string>;
let translations: Record<string, Record<string, string>>;

/** What a translation must keep of a unit: link targets, bold, templates, tags, list and heading marks. */
function markup( text: string ): unknown {
	return {
		targets: Array.from( text.matchAll( /\[\[([^|\]]+)/g ), ( match ) => match[ 1 ] ),
		brackets: [ text.split( '[[' ).length, text.split( ']]' ).length ],
		bold: text.split( '\'\'\'' ).length,
		templates: text.split( '{{' ).length,
		tags: Array.from( text.matchAll( /<\/?[a-z]+/gi ), ( match ) => match[ 0 ].toLowerCase() ),
		lines: text.split( '\n' ).length,
	};
}

beforeAll( async () => {
	source = ( await readFile( LANDING_FILE, 'utf8' ) ).replace( /\s+$/, '' );
	units = landingUnits( source );
	translations = await landingTranslations( LANDING_TRANSLATIONS_DIR );
} );

describe( 'the landing page\'s source', () => {
	it( 'is ready for Translate: a language bar, numbered units, Special:MyLanguage links', () => {
		expect( source.startsWith( '<languages/>\n' ) ).toBe( true );
		expect( Array.from( units.keys() ) ).toEqual( Array.from( { length: units.size }, ( _, i ) => String( i + 1 ) ) );
		expect( units.size ).toBeGreaterThanOrEqual( 25 );
		// Every <translate> is a unit with its marker, and nothing of the page's structure is inside one.
		expect( source.split( '<translate>' ).length - 1 ).toBe( units.size );
		expect( source.split( '</translate>' ).length - 1 ).toBe( units.size );
		for ( const [ id, text ] of units ) {
			expect( text, id ).not.toMatch( /<div|<span|\{\{|^[=*#]|\n/ );
		}
		// Links to the Helpdesk's pages go to the page in the reader's language.
		const links = Array.from( source.matchAll( /\[\[([^|\]]+)/g ), ( match ) => match[ 1 ] );
		expect( links.length ).toBeGreaterThan( 5 );
		for ( const target of links ) {
			expect( target.startsWith( 'Special:MyLanguage/' ) || target.startsWith( ':Category:' ), target ).toBe( true );
		}
		expect( units.get( '3' ) ).toBe( 'Request support' );
	} );
} );

describe( 'the shipped translations', () => {
	it( 'translate every unit into each language, documented in qqq', () => {
		expect( Object.keys( translations ).sort() ).toEqual( LANGUAGES.concat( 'qqq' ).sort() );
		for ( const language of Object.keys( translations ) ) {
			expect( Object.keys( translations[ language ] ), language ).toEqual( Array.from( units.keys() ) );
			for ( const [ id, english ] of units ) {
				expect( translations[ language ][ id ].trim(), language + ' ' + id ).not.toBe( '' );
				if ( language !== 'qqq' ) {
					expect( markup( translations[ language ][ id ] ), language + ' ' + id ).toEqual( markup( english ) );
				}
			}
		}
	} );

	it( 'never sign or substitute on save', () => {
		for ( const language of LANGUAGES ) {
			for ( const text of Object.values( translations[ language ] ) ) {
				expect( unsafeSignatures( text ) ).toEqual( [] );
			}
		}
	} );
} );

describe( 'the landing page on a wiki without Translate', () => {
	it( 'is a page per language with a language bar, and the landing page shows the reader\'s', () => {
		const pages = landingWithoutTranslate( HELPDESK_PAGE, source, translations );
		expect( pages.map( ( page ) => page.title ) ).toEqual( [ HELPDESK_PAGE, ...[ 'en', ...LANGUAGES ].map( ( code ) => HELPDESK_PAGE + '/' + code ) ] );
		const landing = pages[ 0 ].text;
		expect( landing ).toMatch( /^\{\{#switch:\{\{int:helpdesk-views-lang\}\}\n/ );
		for ( const code of LANGUAGES ) {
			expect( landing ).toContain( '| ' + code + ' = {{:' + HELPDESK_PAGE + '/' + code + '}}' );
		}
		expect( landing ).toContain( '| #default = {{:' + HELPDESK_PAGE + '/en}}' );
		for ( const page of pages.slice( 1 ) ) {
			const code = page.title.slice( HELPDESK_PAGE.length + 1 );
			expect( page.text, code ).not.toMatch( /<translate|<\/translate|<!--T:|<languages/ );
			expect( page.text.startsWith( '<div class="helpdesk-landing" lang="' + code + '" dir="' + ( code === 'ar' ? 'rtl' : 'ltr' ) + '">\n' ), code ).toBe( true );
			// The button and the place of "My requests" are on every one.
			expect( page.text, code ).toContain( '<span class="helpdesk-request-button plainlinks"' );
			expect( page.text, code ).toContain( '<div class="helpdesk-my-requests"></div>' );
			expect( page.text, code ).toContain( '[[' + HELPDESK_PAGE + '/sv|{{#language:sv}}]]' );
			expect( page.text, code ).toContain( '">' + ( code === 'en' ? 'Request support' : translations[ code ][ '3' ] ) + '</span>]</span>' );
		}
	} );

	it( 'keeps the English text where a translation lacks a unit', () => {
		const partial = translatedLanding( source, { 2: 'Behöver du hjälp?' } );
		expect( partial ).toContain( 'Behöver du hjälp?' );
		expect( partial ).toContain( 'Request support' );
	} );
} );

describe( 'the landing page on a wiki with Translate', () => {
	it( 'is the source, with the shipped translations as Translations: pages created once', () => {
		const pages = landingForTranslate( HELPDESK_PAGE, source, translations );
		expect( pages[ 0 ] ).toEqual( { title: HELPDESK_PAGE, text: source } );
		expect( pages.length ).toBe( 1 + LANGUAGES.length * units.size );
		expect( pages ).toContainEqual( { title: 'Translations:' + HELPDESK_PAGE + '/3/sv', text: translations.sv[ '3' ], createOnly: true } );
		expect( pages.some( ( page ) => page.title.endsWith( '/qqq' ) ) ).toBe( false );
	} );

	it( 'is chosen by the deploy when the wiki has the extension', async () => {
		expect( ( await landingPages( true ) )[ 0 ].text ).toBe( source );
		expect( ( await landingPages( false ) )[ 0 ].text ).toMatch( /^\{\{#switch:/ );
	} );
} );
