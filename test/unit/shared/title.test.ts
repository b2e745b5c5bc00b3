import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REQUESTS_PREFIX } from '../../../shared/pages';
import {
	candidateTitles, FALLBACK_SUBPAGE_NAME, firstFreeTitle, MAX_SUBPAGE_CHARACTERS, subpageName, utf8Bytes,
} from '../../../shared/title';
import { anyText } from './request-arbitraries';

/** Time allowed for property tests on a busy machine; not a measure of speed. */
const SLOW = 60000;

const RUNS = { numRuns: 1000 };

const titleText = fc.oneof(
	anyText,
	fc.string( { unit: fc.constantFrom( '%', '4', '1', '~', '#', '&', 'amp', ';', '#x41', ' ', '_', '/', '.', ':', 'é', 'e\u0301', '\u037e', '\u200e', '\u00a0' ), maxLength: 30 } ),
	fc.string( { unit: 'grapheme', minLength: 90, maxLength: 300 } ),
);

/**
 * What MediaWiki does with a title (MediaWikiTitleCodec::splitTitleString and
 * Title::newFromText, main namespace, no interwiki): the stored form, or null when
 * it refuses the title.
 */
function mediaWikiDbKey( title: string ): string | null {
	const decoded = title.replace( /&(#[0-9]+|#x[0-9a-f]+|[a-z0-9]+);/gi, ( whole, body: string ) => {
		if ( body.charAt( 0 ) !== '#' ) {
			return ( { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: '\u00a0' } as Record<string, string> )[ body ] || whole;
		}
		const code = /^#x/i.test( body ) ? parseInt( body.slice( 2 ), 16 ) : parseInt( body.slice( 1 ), 10 );
		return code > 0 && code <= 0x10ffff && ( code < 0xd800 || code > 0xdfff ) ? String.fromCodePoint( code ) : '\ufffd';
	} );
	const dbKey = decoded.normalize( 'NFC' )
		.replace( /[\u200e\u200f\u202a-\u202e]/g, '' )
		.replace( /[ _\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, '_' )
		.replace( /^_+|_+$/g, '' );
	const illegal = /[^ %!"$&'()*,\-./0-9:;=?@A-Z\\^_`a-z~+\u0080-\uffff]|%[0-9A-Fa-f]{2}|&[A-Za-z0-9\u0080-\uffff]+;|[\ufffd\ufffe\uffff]/;
	const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;
	if (
		dbKey === '' || dbKey.charAt( 0 ) === ':' || illegal.test( dbKey ) || lone.test( dbKey ) ||
		dbKey.includes( '#' ) || dbKey.includes( '~~~' ) || utf8Bytes( dbKey ) > 255 ||
		/^\.\.?(\/|$)|\/\.\.?(\/|$)/.test( dbKey )
	) {
		return null;
	}
	return dbKey;
}

/** MediaWiki accepts the title and keeps it exactly as given. */
function keptAsIs( title: string ): boolean {
	return mediaWikiDbKey( title ) === title.replace( / /g, '_' );
}

describe( 'subpage names', () => {
	it( 'keep ordinary titles as typed', () => {
		expect( subpageName( 'Mass upload of 3,000 medical illustrations' ) ).toBe( 'Mass upload of 3,000 medical illustrations' );
		expect( subpageName( 'Hitta rätt personer för ett arkivsamarbete' ) ).toBe( 'Hitta rätt personer för ett arkivsamarbete' );
		expect( subpageName( 'ويكي تحب المعالم في مصر' ) ).toBe( 'ويكي تحب المعالم في مصر' );
	} );

	it( 'remove what titles refuse and fold what titles fold', () => {
		expect( subpageName( 'Images from [[Museum]] {{X}} | <b>#1</b>' ) ).toBe( 'Images from Museum X b1-b' );
		expect( subpageName( 'Photos/Scans of 1920s/1930s' ) ).toBe( 'Photos-Scans of 1920s-1930s' );
		expect( subpageName( '  Lots_of   white\tspace\n here  ' ) ).toBe( 'Lots of white space here' );
		expect( subpageName( 'Ask ~~~~ about 100%25 of it' ) ).toBe( 'Ask about 10025 of it' );
		expect( subpageName( 'Tom &amp; Jerry &eacute;t&#233;' ) ).toBe( 'Tom & Jerry & eacute;té' );
		expect( subpageName( '\u200fRTL\u202e text\u200e' ) ).toBe( 'RTL text' );
		expect( subpageName( 'e\u0301' ) ).toBe( '\u00e9' );
		expect( subpageName( ':Category:Foo' ) ).toBe( 'Category:Foo' );
		expect( subpageName( 'a~~#~b' ) ).toBe( 'ab' );
		expect( subpageName( '%%41' ) ).toBe( '41' );
	} );

	it( 'fall back to a fixed name when nothing usable is left', () => {
		for ( const title of [ '', '   ', '~~~~', '[[]]', '.', '..', '::', '#', '\u200e', '\ufffd', '\ud800' ] ) {
			expect( subpageName( title ), JSON.stringify( title ) ).toBe( FALLBACK_SUBPAGE_NAME );
		}
		expect( subpageName( '...' ) ).toBe( '...' );
	} );

	it( 'cut long titles at a character boundary', () => {
		expect( subpageName( 'x'.repeat( 150 ) ) ).toBe( 'x'.repeat( MAX_SUBPAGE_CHARACTERS ) );
		// 4-byte characters: the byte bound comes first, no surrogate pair is split.
		const emoji = subpageName( '😀'.repeat( 150 ) );
		expect( emoji ).toBe( '😀'.repeat( Math.floor( ( 255 - utf8Bytes( REQUESTS_PREFIX ) - 5 ) / 4 ) ) );
		expect( subpageName( 'word '.repeat( 30 ) ) ).toBe( ( 'word '.repeat( 20 ) ).trim() );
	} );

	it( 'are never empty, legal, bounded, in NFC and kept as they are by MediaWiki', () => {
		fc.assert( fc.property( titleText, ( title ) => {
			const name = subpageName( title );
			expect( name ).not.toBe( '' );
			expect( name.normalize( 'NFC' ) ).toBe( name );
			// eslint-disable-next-line no-control-regex
			expect( /[#<>[\]|{}/_\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\ufffd\ufffe\uffff]|~~~|%[0-9A-Fa-f]{2}|^[: ]| $| {2}/.test( name ) ).toBe( false );
			expect( Array.from( name ).length ).toBeLessThanOrEqual( MAX_SUBPAGE_CHARACTERS );
			expect( utf8Bytes( REQUESTS_PREFIX + name + ' (99)' ) ).toBeLessThanOrEqual( 255 );
			expect( keptAsIs( REQUESTS_PREFIX + name ) ).toBe( true );
		} ), RUNS );
	}, SLOW );

	it( 'are stable: the name of a name is itself', () => {
		fc.assert( fc.property( titleText, ( title ) => {
			const name = subpageName( title );
			expect( subpageName( name ) ).toBe( name );
		} ), RUNS );
	}, SLOW );
} );

describe( 'candidate titles', () => {
	it( 'start with the bare name and number the rest', () => {
		expect( candidateTitles( 'Copyright question', 3 ) ).toStrictEqual( [
			REQUESTS_PREFIX + 'Copyright question',
			REQUESTS_PREFIX + 'Copyright question (2)',
			REQUESTS_PREFIX + 'Copyright question (3)',
		] );
		expect( candidateTitles( 'Copyright question', 2, 'Test/', 10 ) ).toStrictEqual( [
			'Test/Copyright question (10)', 'Test/Copyright question (11)',
		] );
	} );

	it( 'are unique, legal and within 255 bytes, also past number 99', () => {
		fc.assert( fc.property( titleText, fc.integer( { min: 1, max: 100000 } ), fc.integer( { min: 1, max: 30 } ), ( title, first, count ) => {
			const titles = candidateTitles( title, count, REQUESTS_PREFIX, first );
			expect( titles.length ).toBe( count );
			expect( new Set( titles ).size ).toBe( count );
			for ( const candidate of titles ) {
				expect( keptAsIs( candidate ) ).toBe( true );
				expect( candidate.indexOf( REQUESTS_PREFIX ) ).toBe( 0 );
				expect( candidate.slice( REQUESTS_PREFIX.length ).indexOf( '/' ) ).toBe( -1 );
			}
		} ), RUNS );
	}, SLOW );

	it( 'all share the subpage name while it fits', () => {
		fc.assert( fc.property( titleText, ( title ) => {
			const name = subpageName( title );
			candidateTitles( title, 99 ).forEach( ( candidate, index ) => {
				expect( candidate ).toBe( REQUESTS_PREFIX + name + ( index === 0 ? '' : ' (' + ( index + 1 ) + ')' ) );
			} );
		} ), { numRuns: 200 } );
	}, SLOW );
} );

describe( 'the first free title', () => {
	it( 'is the first candidate nobody has taken, never a taken one', () => {
		fc.assert( fc.property( titleText, fc.integer( { min: 0, max: 150 } ), fc.array( fc.integer( { min: 1, max: 200 } ) ), ( title, takenInARow, takenLater ) => {
			const candidates = candidateTitles( title, 400 );
			const taken = new Set( candidates.slice( 0, takenInARow ).concat( takenLater.map( ( number ) => candidates[ number - 1 ] ) ) );
			const free = firstFreeTitle( title, ( fullTitle ) => taken.has( fullTitle ) );
			expect( taken.has( free ) ).toBe( false );
			expect( free ).toBe( candidates.find( ( candidate ) => !taken.has( candidate ) ) );
		} ), RUNS );
	}, SLOW );

	it( 'keeps counting past the first batch', () => {
		const taken = new Set( candidateTitles( 'Copyright question', 120 ) );
		expect( firstFreeTitle( 'Copyright question', ( fullTitle ) => taken.has( fullTitle ) ) )
			.toBe( REQUESTS_PREFIX + 'Copyright question (121)' );
	} );

	it( 'uses the prefix it is given', () => {
		expect( firstFreeTitle( 'Copyright question', () => false, 'Sandbox/' ) ).toBe( 'Sandbox/Copyright question' );
	} );
} );
