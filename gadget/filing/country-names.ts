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
	// The browser's English names are other names too (Côte d’Ivoire, Myanmar (Burma)).
	const english = displayNames( [ 'en' ] );
	const known = ( from: DisplayNames | null, code: string ): string | null => {
		const name = from ? rangeErrorAsNull( () => from.of( code ) ) : null;
		// Without data Intl may answer with the code itself.
		return name && name !== code ? name : null;
	};
	const choices = COUNTRIES.map( ( country ) => {
		const other = known( english, country.code );
		return {
			code: country.code,
			name: known( names, country.code ) || country.name,
			englishName: country.name,
			aliases: ( COUNTRY_ALIASES[ country.code ] || [] ).concat( other && other !== country.name ? [ other ] : [] ),
		};
	} );
	const compare = collator( languages );
	return choices.sort( ( a, b ) => compare( a.name, b.name ) );
}

/** Letters that do not decompose into a base letter and a mark. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
	ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th',
	// Arabic: the forms of alef, taa marbuta and alef maqsura as people type them.
	أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ة: 'ه', ى: 'ي',
};

/**
 * A name or what was typed, for matching: case, accents, Arabic vowel marks and
 * letter forms, punctuation and spacing do not count. (Ranges rather than
 * `\p{M}`, which is newer than the ES2017 the gadget is built as.)
 */
export function foldForMatching( text: string ): string {
	return text.normalize( 'NFD' ).toLowerCase()
		// The class is of marks on their own, to be dropped, not of combined characters.
		// eslint-disable-next-line no-misleading-character-class
		.replace( /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '' )
		.replace( /[ßæœøđðłıþأإآٱةى]/g, ( letter ) => FOLDED_LETTERS[ letter ] )
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

const folded = new WeakMap<CountryChoice, string[]>();

/** The choice's names for matching: its name, its English name, then its other names. */
function foldedNames( choice: CountryChoice ): string[] {
	let names = folded.get( choice );
	if ( !names ) {
		names = [ choice.name, choice.englishName ].concat( choice.aliases ).map( foldForMatching );
		folded.set( choice, names );
	}
	return names;
}

/**
 * The countries that `text` names, best first: a whole name before the start of
 * a name, before the start of a word, before a match inside a word; the name in
 * the user's language before the English one and other names; then in the order
 * of `choices` (the user's language's). Empty text matches nothing.
 */
export function countryMatches( text: string, choices: readonly CountryChoice[], limit = Infinity ): CountryMatch[] {
	const typed = foldForMatching( text );
	if ( typed === '' ) {
		return [];
	}
	const scored: { choice: CountryChoice; score: number; order: number; by: string }[] = [];
	choices.forEach( ( choice, order ) => {
		const names = foldedNames( choice );
		let best = -1;
		let by = 0;
		names.forEach( ( name, index ) => {
			const kind = matchKind( name, typed );
			if ( kind === -1 ) {
				return;
			}
			const score = kind * 3 + Math.min( index, 2 );
			if ( best === -1 || score < best ) {
				best = score;
				by = index;
			}
		} );
		if ( best !== -1 ) {
			const other = by === 0 ? '' : [ choice.name, choice.englishName ].concat( choice.aliases )[ by ];
			scored.push( { choice: choice, score: best, order: order, by: other && foldForMatching( other ) !== names[ 0 ] ? other : '' } );
		}
	} );
	scored.sort( ( a, b ) => a.score - b.score || a.order - b.order );
	return scored.slice( 0, limit ).map( ( match ) => ( {
		choice: match.choice,
		label: match.by ? match.choice.name + ' (' + match.by + ')' : match.choice.name,
	} ) );
}

function comparable( text: string ): string {
	return text.normalize( 'NFC' ).trim().replace( /\s+/g, ' ' ).toLocaleLowerCase();
}

/**
 * What to store for the text in the country field: the code of the country it
 * names (in the user's language, in English, by another name, or the code
 * itself; case and accents aside), otherwise the text as typed, which
 * validation then reports as an unknown country.
 */
export function countryFromText( text: string, choices: readonly CountryChoice[] ): string {
	const typed = comparable( text );
	if ( typed === '' ) {
		return '';
	}
	const loose = foldForMatching( text );
	const found = choices.find( ( choice ) => comparable( choice.name ) === typed ) ||
		choices.find( ( choice ) => comparable( choice.englishName ) === typed ) ||
		choices.find( ( choice ) => choice.code.toLowerCase() === typed ) ||
		choices.find( ( choice ) => foldedNames( choice ).includes( loose ) );
	return found ? found.code : text;
}

/** The text to show for a stored value: the country's name, or what was typed. */
export function countryText( value: string, choices: readonly CountryChoice[] ): string {
	const found = choices.find( ( choice ) => choice.code === value );
	return found ? found.name : value;
}
