import { describe, expect, it } from 'vitest';
import { countryChoices, countryFromText, countryText } from '../../../gadget/filing/country-names';
import { COUNTRIES } from '../../../shared/countries';

describe( 'country names', () => {
	it( 'are in the user\'s language, sorted as that language sorts', () => {
		const swedish = countryChoices( [ 'sv', 'en' ] );
		expect( swedish ).toHaveLength( COUNTRIES.length );
		const sweden = swedish.find( ( choice ) => choice.code === 'SE' );
		expect( sweden ).toEqual( { code: 'SE', name: 'Sverige', englishName: 'Sweden' } );
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
} );
