/**
 * Country names in the user's language for the country field, from the browser's
 * own CLDR data (Intl.DisplayNames), falling back to the English names of the
 * shared country list. The request stores the code; the user sees and types names.
 */
import { COUNTRIES } from '../../shared/countries';

export interface CountryChoice {
	code: string;
	/** The name in the user's language (English when the browser has none). */
	name: string;
	/** The English name, also accepted when typed. */
	englishName: string;
}

interface DisplayNames {
	of( code: string ): string | undefined;
}

interface DisplayNamesConstructor {
	new( locales: string[], options: { type: 'region'; fallback: 'none' } ): DisplayNames;
	supportedLocalesOf( locales: string[] ): string[];
}

/** Intl.DisplayNames is ES2021: use it where the browser has it. */
function displayNames( languages: readonly string[] ): DisplayNames | null {
	const Names = ( Intl as unknown as { DisplayNames?: DisplayNamesConstructor } ).DisplayNames;
	if ( typeof Names !== 'function' ) {
		return null;
	}
	// MediaWiki codes that are not BCP 47 tags (`zh-classical`) make Intl throw.
	const usable = languages.filter( ( language ) => rangeErrorAsNull( () => Names.supportedLocalesOf( [ language ] ).length > 0 ) );
	return usable.length ? new Names( usable, { type: 'region', fallback: 'none' } ) : null;
}

/** Intl throws RangeError for what it does not know: treat that as nothing known. */
function rangeErrorAsNull<T>( call: () => T ): T | null {
	try {
		return call();
	} catch ( error ) {
		if ( error instanceof RangeError ) {
			return null;
		}
		throw error;
	}
}

function collator( languages: readonly string[] ): ( a: string, b: string ) => number {
	const known = languages.filter( ( language ) => rangeErrorAsNull( () => Intl.Collator.supportedLocalesOf( [ language ] ).length > 0 ) );
	const compare = new Intl.Collator( known, { sensitivity: 'base' } ).compare;
	return ( a, b ) => compare( a, b );
}

/**
 * Every country, named in the first of `languages` the browser knows, sorted the
 * way that language sorts.
 *
 * @param languages The user's language and its fallbacks
 */
export function countryChoices( languages: readonly string[] ): CountryChoice[] {
	const names = displayNames( languages );
	const choices = COUNTRIES.map( ( country ) => {
		const name = names ? rangeErrorAsNull( () => names.of( country.code ) ) : null;
		// Without data Intl may answer with the code itself.
		return { code: country.code, name: name && name !== country.code ? name : country.name, englishName: country.name };
	} );
	const compare = collator( languages );
	return choices.sort( ( a, b ) => compare( a.name, b.name ) );
}

function comparable( text: string ): string {
	return text.normalize( 'NFC' ).trim().replace( /\s+/g, ' ' ).toLocaleLowerCase();
}

/**
 * What to store for the text in the country field: the code of the country it
 * names (in the user's language or English, or the code itself), otherwise the
 * text as typed, which validation then reports as an unknown country.
 */
export function countryFromText( text: string, choices: readonly CountryChoice[] ): string {
	const typed = comparable( text );
	if ( typed === '' ) {
		return '';
	}
	const found = choices.find( ( choice ) => comparable( choice.name ) === typed ) ||
		choices.find( ( choice ) => comparable( choice.englishName ) === typed ) ||
		choices.find( ( choice ) => choice.code.toLowerCase() === typed );
	return found ? found.code : text;
}

/** The text to show for a stored value: the country's name, or what was typed. */
export function countryText( value: string, choices: readonly CountryChoice[] ): string {
	const found = choices.find( ( choice ) => choice.code === value );
	return found ? found.name : value;
}
