/**
 * The FAQ candidates' data page (bot/plan/faq.ts): what the requests ask most
 * often, read from realistic request pages in several languages, with hostile
 * text, withdrawn requests and pages that are no requests; its caps, and that the
 * same requests give the same page, byte for byte, in any order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	contentTypesOf, DEFAULT_FAQ_OPTIONS, FAQ_CANDIDATES_PAGE, FAQ_LIMITS, FaqRequest, renderFaqCandidates, wordsOf,
} from '../../../bot/plan/faq';
import { sha1 } from '../../../bot/plan/sha1';
import { FAQ_PAGES, FAQ_PREFIX, HOSTILE_TITLE, HOSTILE_TYPE, PREFIX, readRequests, yearOfRequests } from '../views/faq-fixtures';

interface Entry {
	key: string;
	count: number;
	requests: string[];
	faq?: string[];
}

interface Data {
	schema: number;
	requests: number;
	leftOut: { withdrawn: number; unreadable: number };
	faqPages: number;
	support: Entry[];
	projects: Entry[];
	contentTypes: Entry[];
	contentTypesNotShown: number;
	languages: { language: string; requests: number; words: Entry[]; wordsNotShown: number }[];
	languagesNotShown: number;
}

function data( requests: FaqRequest[], faqPages: string[] = FAQ_PAGES ): Data {
	return JSON.parse( renderFaqCandidates( requests, faqPages )[ 0 ].text ) as Data;
}

function entry( list: Entry[], key: string ): Entry | undefined {
	return list.find( ( item ) => item.key === key );
}

function words( value: Data, language: string ): Record<string, number> {
	const found = value.languages.find( ( item ) => item.language === language );
	return Object.fromEntries( ( found ? found.words : [] ).map( ( item ) => [ item.key, item.count ] ) );
}

/** A request as `faqRequests` gives it, with `changes`. */
function request( name: string, changes: Partial<FaqRequest> = {} ): FaqRequest {
	return {
		page: PREFIX + name, title: name, language: 'en', filed: '2026-03-01T09:00:00Z', status: 'submitted', support: [ 'mass-upload' ],
		contentType: '', projects: [], description: '', ...changes,
	};
}

describe( 'FAQ candidates', () => {
	const requests = readRequests( yearOfRequests() );
	const value = data( requests );

	it( 'reads each request page with the codec: projects and description, the status as the bot reads it', () => {
		const swedish = requests.find( ( item ) => item.page === PREFIX + 'Kartor från arkivet' ) as FaqRequest;
		expect( swedish ).toMatchObject( { language: 'sv', status: 'submitted', projects: [ 'commons', 'wikidata' ], contentType: 'kartor',
			support: [ 'mass-upload', 'data-upload' ], filed: '2026-07-01T08:00:00Z' } );
		expect( swedish.description ).toContain( 'Arkivet har gamla kartor' );
		expect( requests.find( ( item ) => item.page === PREFIX + 'Withdrawn photographs' ) ).toMatchObject( { status: 'withdrawn' } );
		expect( requests.find( ( item ) => item.page === PREFIX + 'Not a request' ) ).toMatchObject( { status: '', title: '' } );
	} );

	it( 'writes a JSON data page and a view made once', () => {
		const [ page, view ] = renderFaqCandidates( requests, FAQ_PAGES );
		expect( page ).toMatchObject( { title: FAQ_CANDIDATES_PAGE, contentModel: 'json', sha1: sha1( page.text ) } );
		expect( page.title ).toBe( 'Content Partnerships Hub/Helpdesk/FAQ candidates.json' );
		expect( view ).toMatchObject( { title: DEFAULT_FAQ_OPTIONS.view, text: '{{#invoke:Helpdesk views/faq|faq}}', createOnly: true } );
		expect( view.title.indexOf( PREFIX ) ).toBe( -1 );
		expect( value.schema ).toBe( 1 );
		expect( page.text ).not.toMatch( /20\d\d-\d\d-\d\dT/ );
	} );

	it( 'leaves out withdrawn requests and pages the bot cannot read, and counts them', () => {
		expect( value.requests ).toBe( 9 );
		expect( value.leftOut ).toEqual( { withdrawn: 1, unreadable: 1 } );
		const all = JSON.stringify( value );
		expect( all ).not.toContain( 'Withdrawn photographs' );
		expect( all ).not.toContain( 'Not a request' );
	} );

	it( 'counts the kinds of support and the target projects, most frequent first, with the requests newest first', () => {
		expect( value.support.map( ( item ) => [ item.key, item.count ] ) ).toEqual( [
			[ 'mass-upload', 5 ], [ 'copyright', 4 ], [ 'data-upload', 1 ], [ 'other', 1 ], [ 'technical', 1 ], [ 'training-material', 1 ],
		] );
		expect( entry( value.support, 'copyright' )?.requests ).toEqual( [
			PREFIX + 'مخطوطات المتحف', PREFIX + 'Copyright of old postcards', PREFIX + 'Museum photographs for Commons',
			PREFIX + 'Upload of 3,000 medical illustrations',
		] );
		expect( value.projects.slice( 0, 2 ).map( ( item ) => [ item.key, item.count ] ) ).toEqual( [ [ 'commons', 7 ], [ 'wikidata', 2 ] ] );
	} );

	it( 'folds, splits and merges content types', () => {
		expect( contentTypesOf( 'Photos & the Maps., Images and their metadata; Bilder och kartor, etc.' ) )
			.toEqual( [ 'photos', 'maps', 'images', 'metadata', 'bilder', 'kartor' ] );
		expect( contentTypesOf( '  Cartes et plans / Audio + vidéo, imágenes y mapas ' ) )
			.toEqual( [ 'cartes', 'plans', 'audio', 'vidéo', 'imágenes', 'mapas' ] );
		expect( contentTypesOf( '' ) ).toEqual( [] );
		expect( contentTypesOf( '3,000 / 12' ) ).toEqual( [] );
		// `Photographs` and `photographs` (twice), `Kartor` and `kartor`; `image` and `images` are one type.
		expect( entry( value.contentTypes, 'photographs' )?.count ).toBe( 2 );
		expect( entry( value.contentTypes, 'kartor' )?.count ).toBe( 2 );
		const merged = data( [ request( 'A', { contentType: 'Images' } ), request( 'B', { contentType: 'image' } ),
			request( 'C', { contentType: 'images, maps' } ) ] );
		expect( merged.contentTypes.map( ( item ) => [ item.key, item.count ] ) ).toEqual( [ [ 'images', 3 ], [ 'maps', 1 ] ] );
	} );

	it( 'lists the words recurring in titles and descriptions per language, Arabic and Swedish included', () => {
		expect( words( value, 'sv' ) ).toEqual( { kartor: 2, metadata: 2 } );
		// The article ال is not part of the word: المتحف and متحف are one.
		expect( words( value, 'ar' ) ).toEqual( { رفع: 2, صور: 2, متحف: 2 } );
		expect( words( value, 'en' ) ).toEqual( { licence: 2, museum: 2 } );
		expect( words( value, 'fr' ) ).toEqual( {} );
		expect( value.languages.map( ( item ) => [ item.language, item.requests ] ) ).toEqual( [ [ 'en', 4 ], [ 'ar', 2 ], [ 'sv', 2 ], [ 'fr', 1 ] ] );
	} );

	it( 'counts a word once per request, and never stop words, short words, numbers or links', () => {
		expect( wordsOf( 'The museum MUSEUM museum’s 12,000 photos of 1900 https://museum.example.org/photos www.x.org a@b.org', 'en' ) )
			.toEqual( [ 'museum', 'photos' ] );
		expect( wordsOf( 'Vi behöver hjälp med uppladdning av bilder och kartor', 'sv' ) ).toEqual( [ 'uppladdning', 'bilder', 'kartor' ] );
		expect( wordsOf( 'نريد رفع صُوَر المتحف الوطني إلى ويكيميديا كومنز', 'ar' ) ).toEqual( [ 'رفع', 'صور', 'متحف', 'وطني', 'ويكيميديا', 'كومنز' ] );
		expect( wordsOf( 'x'.repeat( FAQ_LIMITS.wordLength + 1 ) + ' 3D ok', 'en' ) ).toEqual( [] );
		const once = data( [ request( 'A', { title: 'Museum museum', description: 'museum' } ), request( 'B', { title: 'Other' } ) ] );
		expect( words( once, 'en' ) ).toEqual( {} );
	} );

	it( 'links the FAQ pages whose titles have the words of an entry, translations left out', () => {
		expect( value.faqPages ).toBe( 6 );
		expect( entry( value.support, 'mass-upload' )?.faq ).toEqual( [ FAQ_PREFIX + 'Mass uploads' ] );
		expect( entry( value.support, 'copyright' )?.faq ).toEqual( [ FAQ_PREFIX + 'Copyright', FAQ_PREFIX + 'Copyright of photographs' ] );
		expect( entry( value.contentTypes, 'photographs' )?.faq ).toEqual( [ FAQ_PREFIX + 'Copyright of photographs' ] );
		expect( value.languages[ 1 ].words.find( ( item ) => item.key === 'صور' )?.faq ).toEqual( [ FAQ_PREFIX + 'صور' ] );
		expect( entry( value.support, 'other' )?.faq ).toBeUndefined();
		expect( entry( value.support, 'technical' )?.faq ).toBeUndefined();
		expect( data( requests, [] ).support.every( ( item ) => item.faq === undefined ) ).toBe( true );
	} );

	it( 'keeps hostile text as JSON strings: no tag, and what was typed reads back', () => {
		const [ page ] = renderFaqCandidates( requests, FAQ_PAGES );
		expect( page.text ).not.toContain( '<' );
		expect( page.text ).not.toContain( '>' );
		const keys = value.contentTypes.map( ( item ) => item.key );
		expect( keys ).toContain( 'script> ]] {{subst:x' );
		expect( HOSTILE_TYPE.toLowerCase() ).toContain( 'script> ]] {{subst:x' );
		expect( JSON.stringify( value ) ).not.toContain( HOSTILE_TITLE );
		expect( entry( value.support, 'other' )?.requests ).toEqual( [ PREFIX + 'Hostile' ] );
	} );

	it( 'gives empty lists for no requests', () => {
		const empty = data( [], [] );
		expect( empty ).toMatchObject( { requests: 0, leftOut: { withdrawn: 0, unreadable: 0 }, faqPages: 0, support: [], projects: [],
			contentTypes: [], contentTypesNotShown: 0, languages: [], languagesNotShown: 0 } );
		expect( data( [ request( 'W', { status: 'withdrawn' } ) ], [] ) ).toMatchObject( { requests: 0, leftOut: { withdrawn: 1 }, support: [] } );
	} );

	it( 'cuts every list at its cap and counts what was cut', () => {
		const many: FaqRequest[] = [];
		for ( let i = 0; i < 40; i++ ) {
			const day = String( 1 + ( i % 28 ) ).padStart( 2, '0' );
			many.push( request( 'R' + String( i ).padStart( 2, '0' ), {
				filed: '2026-0' + ( 1 + ( i % 9 ) ) + '-' + day + 'T00:00:00Z', contentType: 'type' + 'abcdefghijklmnopqrstuvwxyz'.charAt( i % 26 ) + 'x' + i,
				language: [ 'en', 'sv', 'de', 'fr', 'es', 'ar', 'pt', 'it', 'nl', 'pl', 'fi', 'da' ][ i % 12 ],
				title: 'Request', description: Array.from( { length: 30 }, ( _, word ) => 'word' + 'abcdefghijklmnopqrstuvwxyz'.charAt( word % 26 ) + 'q' + word ).join( ' ' ),
			} ) );
		}
		const cut = data( many, [] );
		expect( entry( cut.support, 'mass-upload' ) ).toMatchObject( { count: 40 } );
		const links = ( entry( cut.support, 'mass-upload' ) as Entry ).requests;
		expect( links ).toHaveLength( FAQ_LIMITS.requestsPerEntry );
		const filed = links.map( ( page ) => ( many.find( ( item ) => item.page === page ) as FaqRequest ).filed );
		expect( filed ).toEqual( filed.slice().sort().reverse() );
		expect( cut.contentTypes ).toHaveLength( FAQ_LIMITS.contentTypes );
		expect( cut.contentTypesNotShown ).toBe( 10 );
		expect( cut.languages ).toHaveLength( FAQ_LIMITS.languages );
		expect( cut.languagesNotShown ).toBe( 2 );
		expect( cut.languages[ 0 ].words ).toHaveLength( FAQ_LIMITS.wordsPerLanguage );
		expect( cut.languages[ 0 ].wordsNotShown ).toBe( 30 - FAQ_LIMITS.wordsPerLanguage );
	} );

	it( 'stays small with the longest titles and content types a wiki allows', () => {
		const long = ( i: number ): string => ( 'ä'.repeat( 100 ) + ' ' + i ).slice( 0, 120 );
		const many = Array.from( { length: 600 }, ( _, i ) => request( long( i ) + '/' + 'x'.repeat( 60 ), {
			support: [ 'mass-upload', 'copyright', 'technical', 'other' ], projects: [ 'commons', 'wikidata', 'other' ],
			contentType: 'ö'.repeat( 200 ) + ( i % 50 ), language: 'l' + String.fromCharCode( 97 + ( i % 20 ) ),
			description: Array.from( { length: 40 }, ( _entry, word ) => 'ü'.repeat( 38 ) + String.fromCharCode( 97 + word % 26 ) +
				String.fromCharCode( 97 + Math.floor( word / 2 ) % 26 ) ).join( ' ' ),
		} ) );
		const [ page ] = renderFaqCandidates( many, FAQ_PAGES );
		expect( Buffer.byteLength( page.text ) ).toBeLessThan( 1100000 );
	} );

	it( 'gives the same page, byte for byte, whatever the order of the requests and FAQ pages', () => {
		const text = renderFaqCandidates( requests, FAQ_PAGES )[ 0 ].text;
		fc.assert( fc.property(
			fc.shuffledSubarray( requests, { minLength: requests.length, maxLength: requests.length } ),
			fc.shuffledSubarray( FAQ_PAGES, { minLength: FAQ_PAGES.length, maxLength: FAQ_PAGES.length } ),
			( shuffled, pages ) => renderFaqCandidates( shuffled, pages )[ 0 ].text === text,
		), { numRuns: 200 } );
	} );

	it( 'gives the same page for random requests in any order', () => {
		const typed = fc.string( { unit: fc.constantFrom( 'museum ', 'kartor ', 'صور ', 'ال', ']]', '{{', '<script>', '~~~~', ', ', ' and ', 'É', 'x' ), maxLength: 12 } );
		const requestArbitrary = fc.record( {
			title: typed, contentType: typed, description: typed, language: fc.constantFrom( 'en', 'sv', 'ar', '' ),
			filed: fc.constantFrom( '', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z' ),
			status: fc.constantFrom( 'submitted', 'withdrawn', '', 'unknown', 'done' ),
			support: fc.subarray( [ 'mass-upload', 'copyright', 'other' ] ), projects: fc.subarray( [ 'commons', 'wikidata' ] ),
		} );
		const inTwoOrders = fc.array( requestArbitrary, { maxLength: 25 } )
			.map( ( list ) => list.map( ( item, i ) => ( { ...item, page: PREFIX + 'P' + i } ) ) )
			.chain( ( list ) => fc.tuple( fc.constant( list ), fc.shuffledSubarray( list, { minLength: list.length, maxLength: list.length } ) ) );
		fc.assert( fc.property( inTwoOrders, ( [ list, shuffled ] ) => {
			const text = renderFaqCandidates( list, FAQ_PAGES )[ 0 ].text;
			return text === renderFaqCandidates( shuffled, FAQ_PAGES )[ 0 ].text && JSON.parse( text ).requests ===
				list.filter( ( item ) => item.status !== '' && item.status !== 'withdrawn' ).length;
		} ), { numRuns: 300 } );
	} );
} );
