import { readFileSync } from 'node:fs';
import { countries } from 'countries-list';
import { describe, expect, it } from 'vitest';
import { countriesDataSource } from '../../../scripts/generate-countries';
import { CONTINENTS, continentOf, COUNTRIES, countryName, isCountryCode } from '../../../shared/countries';

describe( 'countries', () => {
	it( 'are generated from countries-list, and the generated file is up to date', () => {
		const written = readFileSync( new URL( '../../../shared/countries-data.ts', import.meta.url ), 'utf8' );
		expect( written ).toBe( countriesDataSource() );
		expect( COUNTRIES.map( ( country ) => country.code ).sort() ).toStrictEqual( Object.keys( countries ).sort() );
		for ( const country of COUNTRIES ) {
			expect( country.name ).toBe( countries[ country.code as keyof typeof countries ].name );
		}
	} );

	it( 'are sorted by English name, each on one of the seven continents', () => {
		const names = COUNTRIES.map( ( country ) => country.name );
		expect( names ).toStrictEqual( [ ...names ].sort( ( a, b ) => a.localeCompare( b, 'en' ) ) );
		for ( const country of COUNTRIES ) {
			expect( CONTINENTS ).toContain( country.continent );
		}
		expect( new Set( COUNTRIES.map( ( country ) => country.continent ) ).size ).toBe( CONTINENTS.length );
	} );

	it( 'are looked up by their upper-case code', () => {
		expect( isCountryCode( 'SE' ) ).toBe( true );
		expect( isCountryCode( 'se' ) ).toBe( false );
		expect( isCountryCode( 'XX' ) ).toBe( false );
		expect( isCountryCode( 'constructor' ) ).toBe( false );
		expect( continentOf( 'SE' ) ).toBe( 'europe' );
		expect( continentOf( 'UG' ) ).toBe( 'africa' );
		expect( continentOf( 'BR' ) ).toBe( 'south-america' );
		expect( continentOf( 'MX' ) ).toBe( 'north-america' );
		expect( continentOf( 'FJ' ) ).toBe( 'oceania' );
		expect( continentOf( 'AQ' ) ).toBe( 'antarctica' );
		expect( continentOf( 'IN' ) ).toBe( 'asia' );
		expect( continentOf( 'XX' ) ).toBeNull();
		expect( countryName( 'SE' ) ).toBe( 'Sweden' );
		expect( countryName( 'XX' ) ).toBe( 'XX' );
		expect( countryName( '__proto__' ) ).toBe( '__proto__' );
	} );
} );
