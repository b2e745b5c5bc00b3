/**
 * Country names in the user's language for the country field, from the browser's
 * own CLDR data (Intl.DisplayNames), falling back to the English names of the
 * shared country list; and finding a country by what the user types. The request
 * stores the code; the user sees and types names.
 */
import { COUNTRY_ALIASES } from '../../shared/country-aliases';
import { COUNTRIES } from '../../shared/countries';

export interface CountryChoice {
	code: string;
	/** The name in the user's language (English when the browser has none). */
	name: string;
	/** The English name, also accepted when typed. */
	englishName: string;
	/** Other names (Ivory Coast, Czech Republic, Turkey…), also accepted when typed. */
	aliases: readonly string[];
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
		return {
			code: country.code,
			name: name && name !== country.code ? name : country.name,
			englishName: country.name,
			aliases: COUNTRY_ALIASES[ country.code ] || [],
		};
	} );
	const compare = collator( languages );
	return choices.sort( ( a, b ) => compare( a.name, b.name ) );
}

/** Letters that do not decompose into a base letter and a mark. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
	ø: 'o',
	// Arabic: the forms of alef, taa marbuta and alef maqsura as people type them.
	أ: 'ا', إ: 'ا', آ: 'ا', ة: 'ه', ى: 'ي',
};

/**
 * A name or what was typed, for matching: case, accents, Arabic vowel marks and
 * letter forms, punctuation and spacing do not count. (Ranges rather than
 * `\p{M}`, which is newer than the ES2017 the gadget is built as.)
 */
export function foldForMatching( text: string ): string {
	return text.normalize( 'NFD' ).toLowerCase()
		.replace( /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '' )
		.replace( /[øأإآةى]/g, ( letter ) => FOLDED_LETTERS[ letter ] )
		.replace( /[\s\-\u2010-\u2015'\u2018\u2019\u02bc`.,()/&]+/g, ' ' )
		.trim();
}

export interface CountryMatch {
	choice: CountryChoice;
	/** What to show: the name, and the other name it was found by when that differs. */
	label: string;
}

/** 0 the whole name, 1 its start, 2 the start of a word, 3 inside a word; -1 no match. */
function matchKind( name: string, typed: string ): number {
	if ( name === typed ) {
		return 0;
	}
	if ( name.indexOf( typed ) === 0 ) {
		return 1;
	}
	const spaced = ' ' + name;
	// Arabic writes the article on the word: "الشمالية" starts a word at "شمالية" too.
	if ( spaced.includes( ' ' + typed ) || spaced.includes( ' \u0627\u0644' + typed ) ) {
		return 2;
	}
	return name.includes( typed ) ? 3 : -1;
}

/** The choice's names: its name, its English name, then its other names. */
function allNames( choice: CountryChoice ): string[] {
	return [ choice.name, choice.englishName ].concat( choice.aliases );
}

/**
 * The countries that `text` names, best first: a whole name before the start of
 * a name, before the start of a word, before a match inside a word; the name in
 * the user's language before the English one and other names; then in the order
 * of `choices` (the user's language's). Empty text matches nothing.
 */
export function countryMatches( text: string, choices: readonly CountryChoice[], limit = Infinity ): CountryMatch[] {
	const typed = foldForMatching( text );
	// One entry per name that matches, the best first; then each country once.
	const found: { choice: CountryChoice; by: string; score: number }[] = [];
	choices.forEach( ( choice, order ) => allNames( choice ).forEach( ( name, index ) => {
		const kind = matchKind( foldForMatching( name ), typed );
		if ( typed && kind !== -1 ) {
			found.push( { choice: choice, by: index && name !== choice.name ? name : '', score: ( kind * 3 + Math.min( index, 2 ) ) * 1e3 + order } );
		}
	} ) );
	const seen: CountryChoice[] = [];
	return found.sort( ( a, b ) => a.score - b.score )
		.filter( ( match ) => !seen.includes( match.choice ) && seen.push( match.choice ) > 0 )
		.slice( 0, limit )
		.map( ( match ) => ( { choice: match.choice, label: match.by ? match.choice.name + ' (' + match.by + ')' : match.choice.name } ) );
}

/**
 * What to store for the text in the country field: the code of the country it
 * names (in the user's language, in English, by another name, or the code
 * itself; case and accents aside), otherwise the text as typed, which
 * validation then reports as an unknown country.
 */
export function countryFromText( text: string, choices: readonly CountryChoice[] ): string {
	const typed = foldForMatching( text );
	if ( typed === '' ) {
		return '';
	}
	const found = choices.find( ( choice ) => choice.code.toLowerCase() === typed ) ||
		choices.find( ( choice ) => allNames( choice ).map( foldForMatching ).includes( typed ) );
	return found ? found.code : text;
}

/** The text to show for a stored value: the country's name, or what was typed. */
export function countryText( value: string, choices: readonly CountryChoice[] ): string {
	const found = choices.find( ( choice ) => choice.code === value );
	return found ? found.name : value;
}
