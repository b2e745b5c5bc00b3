// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { countryChoices, countryFromText, countryMatches, countryText, foldForMatching } from '../../../gadget/filing/country-names';
import { COUNTRIES } from '../../../shared/countries';

describe( 'country names', () => {
	it( 'are in the user\'s language, sorted as that language sorts', () => {
		const swedish = countryChoices( [ 'sv', 'en' ] );
		expect( swedish ).toHaveLength( COUNTRIES.length );
		const sweden = swedish.find( ( choice ) => choice.code === 'SE' );
		expect( sweden ).toEqual( { code: 'SE', name: 'Sverige', englishName: 'Sweden', aliases: [] } );
		const names = swedish.map( ( choice ) => choice.name );
		// Swedish sorts Å, Ä and Ö after Z.
		expect( names.indexOf( 'Österrike' ) ).toBeGreaterThan( names.indexOf( 'Zimbabwe' ) );
	} );

	it( 'follow the fallback chain past languages the browser does not know', () => {
		const choices = countryChoices( [ 'zh-classical', 'de', 'en' ] );
		expect( countryText( 'DE', choices ) ).toBe( 'Deutschland' );
	} );

	it( 'are in right-to-left scripts too', () => {
		expect( countryText( 'EG', countryChoices( [ 'ar' ] ) ) ).toBe( 'مصر' );
	} );

	it( 'understand the local name, the English name and the code', () => {
		const choices = countryChoices( [ 'fr', 'en' ] );
		expect( countryFromText( 'Suède', choices ) ).toBe( 'SE' );
		expect( countryFromText( '  suède ', choices ) ).toBe( 'SE' );
		expect( countryFromText( 'Sweden', choices ) ).toBe( 'SE' );
		expect( countryFromText( 'se', choices ) ).toBe( 'SE' );
		expect( countryFromText( '', choices ) ).toBe( '' );
	} );

	it( 'keep what was typed when it names no country, for validation to report', () => {
		const choices = countryChoices( [ 'en' ] );
		expect( countryFromText( 'Narnia', choices ) ).toBe( 'Narnia' );
		expect( countryText( 'Narnia', choices ) ).toBe( 'Narnia' );
	} );

	it( 'understand other names, without regard to accents and case', () => {
		const choices = countryChoices( [ 'en' ] );
		for ( const [ typed, code ] of [
			[ 'Ivory Coast', 'CI' ], [ 'Côte d\'Ivoire', 'CI' ], [ 'cote d’ivoire', 'CI' ], [ 'Czech Republic', 'CZ' ], [ 'czechia', 'CZ' ],
			[ 'Turkey', 'TR' ], [ 'Türkiye', 'TR' ], [ 'turkiye', 'TR' ], [ 'Swaziland', 'SZ' ], [ 'Eswatini', 'SZ' ], [ 'Burma', 'MM' ],
			[ 'Cape Verde', 'CV' ], [ 'East Timor', 'TL' ], [ 'Timor-Leste', 'TL' ], [ 'North Macedonia', 'MK' ], [ 'Holy See', 'VA' ],
		] ) {
			expect( countryFromText( typed, choices ), typed ).toBe( code );
		}
	} );
} );

describe( 'finding a country by what is typed', () => {
	const codes = ( text: string, languages: string[], limit = 5 ): string[] => countryMatches( text, countryChoices( languages ), limit )
		.map( ( match ) => match.choice.code );

	it( 'puts whole names, then starts of names, then starts of words before matches inside a word', () => {
		expect( codes( 'Ghan', [ 'en' ] )[ 0 ] ).toBe( 'GH' );
		expect( codes( 'Ghan', [ 'en' ] ) ).toEqual( [ 'GH', 'AF' ] );
		expect( codes( 'niger', [ 'en' ] ) ).toEqual( [ 'NE', 'NG' ] );
		expect( codes( 'korea', [ 'en' ] ).slice( 0, 2 ).sort() ).toEqual( [ 'KP', 'KR' ] );
		expect( codes( 'guinea', [ 'en' ] )[ 0 ] ).toBe( 'GN' );
		expect( codes( 'sudan', [ 'en' ] ).slice( 0, 2 ) ).toEqual( [ 'SD', 'SS' ] );
		expect( codes( 'Mali', [ 'en' ] )[ 0 ] ).toBe( 'ML' );
	} );

	it( 'in Arabic: "غا" finds Ghana among the first, "مالي" finds Mali first', () => {
		const ghana = codes( 'غا', [ 'ar' ], 10 );
		expect( ghana.indexOf( 'GH' ) ).toBeGreaterThanOrEqual( 0 );
		expect( ghana.indexOf( 'GH' ) ).toBeLessThan( ghana.indexOf( 'AF' ) );
		expect( ghana.indexOf( 'GH' ) ).toBeLessThan( 3 );
		const mali = codes( 'مالي', [ 'ar' ], 10 );
		expect( mali[ 0 ] ).toBe( 'ML' );
		expect( mali.indexOf( 'MP' ) ).toBeGreaterThan( 0 );
		// Typed with a different alef or vowel marks, it is the same word.
		expect( codes( 'أفغانستان', [ 'ar' ] )[ 0 ] ).toBe( 'AF' );
		expect( codes( 'افغانستان', [ 'ar' ] )[ 0 ] ).toBe( 'AF' );
		expect( codes( 'مَالِي', [ 'ar' ] )[ 0 ] ).toBe( 'ML' );
	} );

	it( 'in Swedish, by the Swedish name and by the English and other names', () => {
		expect( codes( 'sver', [ 'sv' ] )[ 0 ] ).toBe( 'SE' );
		expect( codes( 'Elfenb', [ 'sv' ] ) ).toEqual( [ 'CI' ] );
		expect( codes( 'Ivory', [ 'sv' ] ) ).toEqual( [ 'CI' ] );
		expect( codes( 'osterr', [ 'sv' ] ) ).toEqual( [ 'AT' ] );
		expect( codes( 'Tjeck', [ 'sv' ] )[ 0 ] ).toBe( 'CZ' );
	} );

	it( 'label a country found by another name with that name', () => {
		const [ match ] = countryMatches( 'Turkey', countryChoices( [ 'en' ] ) );
		expect( match.choice.code ).toBe( 'TR' );
		expect( match.label ).toBe( 'Türkiye (Turkey)' );
		expect( countryMatches( 'Sver', countryChoices( [ 'sv' ] ) )[ 0 ].label ).toBe( 'Sverige' );
	} );

	it( 'match nothing for empty text, and at most the limit', () => {
		expect( countryMatches( '  ', countryChoices( [ 'en' ] ) ) ).toEqual( [] );
		expect( countryMatches( 'a', countryChoices( [ 'en' ] ), 10 ) ).toHaveLength( 10 );
	} );

	it( 'fold case, accents, punctuation and Arabic letter forms', () => {
		expect( foldForMatching( '  Côte d’Ivoire ' ) ).toBe( 'cote d ivoire' );
		expect( foldForMatching( 'Åland-Inseln' ) ).toBe( 'aland inseln' );
		expect( foldForMatching( 'إِسْبانيا' ) ).toBe( foldForMatching( 'اسبانيا' ) );
	} );
} );
