/**
 * The Helpdesk's landing page in the reader's language. Its source
 * (shared/pages/Content_Partnerships_Hub--Helpdesk.wikitext) is written for the
 * Translate extension: `<languages/>`, translation units `<translate><!--T:N--> …
 * </translate>` and `Special:MyLanguage` links. The Helpdesk ships translations of the
 * units (shared/pages/landing-translations/LANG.json, documented in qqq.json).
 *
 * - On a wiki with Translate (Meta-Wiki) the source is deployed as it is, with the
 *   shipped translations as `Translations:` pages that are created once; the page is
 *   then marked for translation there, and Translate makes `…/Helpdesk/LANG`.
 * - On a wiki without it, the deploy makes those `…/Helpdesk/LANG` pages itself (one
 *   per shipped language and English, with a language bar), and the landing page
 *   shows the one of the reader's interface language (`{{int:helpdesk-views-lang}}`),
 *   so `uselang` and `Special:MyLanguage` links work the same on both.
 */
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export interface LandingPage {
	title: string;
	text: string;
	createOnly?: boolean;
}

/** Languages written right to left among those a translation may be shipped in. */
const RIGHT_TO_LEFT = [ 'ar', 'arz', 'azb', 'ckb', 'fa', 'he', 'ks', 'mzn', 'ps', 'sd', 'ug', 'ur', 'yi' ];

const UNIT = /<translate><!--T:(\d+)--> ?([\s\S]*?)<\/translate>/g;

/** The translation units of the source, in order: id and English text. */
export function landingUnits( source: string ): Map<string, string> {
	const units = new Map<string, string>();
	for ( const [ , id, text ] of source.matchAll( UNIT ) ) {
		if ( units.has( id ) ) {
			throw new Error( 'The landing page has unit T:' + id + ' twice' );
		}
		units.set( id, text );
	}
	return units;
}

/** The shipped translations by language code (qqq apart), each unit by its id. */
export async function landingTranslations( dir: string ): Promise<Record<string, Record<string, string>>> {
	const files = ( await readdir( dir ) ).filter( ( file ) => /^[a-z][a-z-]*\.json$/.test( file ) ).sort();
	const translations: Record<string, Record<string, string>> = {};
	for ( const file of files ) {
		const units = JSON.parse( await readFile( resolve( dir, file ), 'utf8' ) ) as Record<string, unknown>;
		const own: Record<string, string> = {};
		for ( const id of Object.keys( units ) ) {
			if ( /^\d+$/.test( id ) && typeof units[ id ] === 'string' ) {
				own[ id ] = units[ id ] as string;
			}
		}
		translations[ file.replace( /\.json$/, '' ) ] = own;
	}
	return translations;
}

/** The source with each unit in `language` (English where it has no translation) and no Translate markup. */
export function translatedLanding( source: string, units: Record<string, string> ): string {
	return source
		.replace( /^<languages\s*\/>\n?/m, '' )
		.replace( UNIT, ( _whole, id: string, english: string ) => units[ id ] !== undefined ? units[ id ] : english );
}

/** For a wiki with Translate: the source, and the shipped translations as `Translations:TITLE/N/LANG`, created once. */
export function landingForTranslate( title: string, source: string, translations: Record<string, Record<string, string>> ): LandingPage[] {
	const pages: LandingPage[] = [ { title: title, text: source } ];
	const units = landingUnits( source );
	for ( const language of Object.keys( translations ).filter( ( code ) => code !== 'qqq' ).sort() ) {
		for ( const id of units.keys() ) {
			const text = translations[ language ][ id ];
			if ( text !== undefined ) {
				pages.push( { title: 'Translations:' + title + '/' + id + '/' + language, text: text, createOnly: true } );
			}
		}
	}
	return pages;
}

/**
 * For a wiki without Translate: `TITLE/LANG` for English and each shipped language,
 * and the landing page showing the one of the reader's interface language.
 */
export function landingWithoutTranslate(
	title: string, source: string, translations: Record<string, Record<string, string>>,
): LandingPage[] {
	const languages = [ 'en' ].concat( Object.keys( translations ).filter( ( code ) => code !== 'qqq' && code !== 'en' ).sort() );
	const bar = '<div class="helpdesk-languages" style="margin:0 0 0.5em; font-size:90%;">' +
		languages.map( ( code ) => '<bdi lang="' + code + '">[[' + title + '/' + code + '|{{#language:' + code + '}}]]</bdi>' ).join( ' • ' ) +
		'</div>';
	const pages: LandingPage[] = languages.map( ( code ) => ( {
		title: title + '/' + code,
		text: '<div class="helpdesk-landing" lang="' + code + '" dir="' + ( RIGHT_TO_LEFT.includes( code ) ? 'rtl' : 'ltr' ) + '">\n' +
			bar + '\n' + translatedLanding( source, code === 'en' ? {} : translations[ code ] ) + '\n</div>',
	} ) );
	const cases = languages.filter( ( code ) => code !== 'en' ).map( ( code ) => '| ' + code + ' = {{:' + title + '/' + code + '}}' );
	pages.unshift( {
		title: title,
		text: [
			'{{#switch:{{int:helpdesk-views-lang}}',
			...cases,
			'| #default = {{:' + title + '/en}}',
			'}}<noinclude><!-- The page in the reader\'s language: its text is on the subpages ' +
				languages.map( ( code ) => title + '/' + code ).join( ', ' ) +
				', which the Helpdesk\'s deploy writes from its translations. --></noinclude>',
		].join( '\n' ),
	} );
	return pages;
}
