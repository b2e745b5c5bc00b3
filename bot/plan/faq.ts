/**
 * FAQ candidates: what the requests to the Helpdesk ask most often, so that the
 * staff write the FAQ from real needs. Counted per kind of support, per content
 * type, per target project, and the words that recur in the titles and
 * descriptions of the requests of each language; each with the requests behind
 * it (newest first) and the existing FAQ pages whose titles share its words.
 *
 * The bot writes the numbers as a JSON page; `Module:Helpdesk views/faq` shows
 * them in the reader's language. Withdrawn requests and pages the bot cannot read
 * are left out and counted. Nothing here depends on the time or on the order of
 * the requests: the same requests give the same page, byte for byte.
 */
import { parseRequestPage } from '../../shared/codec';
import { HELPDESK_PAGE } from '../../shared/pages';
import { STOP_WORDS } from './faq-stop-words';
import { byteLength, storedJson } from './json-page';
import { generatedPage } from './pages';
import type { Attention, GeneratedPage, PageSnapshot, RequestRecord } from './types';

/** The data page's schema: the view reads it. */
export const FAQ_SCHEMA = 1;

/**
 * Caps that keep the data page small: with them the page stays under about 1.1 MB
 * even with the longest titles a wiki allows (a dozen requests a year give a few KB).
 */
export const FAQ_LIMITS = {
	/** Requests linked from each entry (its count says how many there are). */
	requestsPerEntry: 10,
	/** FAQ pages linked from each entry. */
	faqPagesPerEntry: 5,
	/** Content types listed (the most frequent). */
	contentTypes: 30,
	/** Languages whose words are listed (those with the most requests). */
	languages: 10,
	/** Recurring words listed per language. */
	wordsPerLanguage: 20,
	/** A word is recurring when this many requests of its language use it. */
	recurring: 2,
	/** Longer words are not words people ask about (hashes, file names). */
	wordLength: 40,
	/** FAQ pages read for matching (the first by title). */
	faqPages: 1000,
} as const;

export const FAQ_CANDIDATES_PAGE = HELPDESK_PAGE + '/FAQ candidates.json';

/** Where the data page, its view and the existing FAQ pages are. */
export interface FaqOptions {
	page: string;
	/** The view, made once when missing: `{{#invoke:Helpdesk views/faq|faq}}`. */
	view: string;
	/** Prefix of the FAQ pages: cut from their titles before their words are matched. */
	faqPrefix: string;
}

export const DEFAULT_FAQ_OPTIONS: FaqOptions = {
	page: FAQ_CANDIDATES_PAGE,
	view: FAQ_CANDIDATES_PAGE.replace( /\.json$/, '' ),
	faqPrefix: 'Content Partnerships Hub/FAQ/',
};

/** What the FAQ candidates need of one request. */
export interface FaqRequest {
	page: string;
	title: string;
	/** Language code of the request's text; '' when the page gives none the bot reads. */
	language: string;
	/** Canonical timestamp, or ''. */
	filed: string;
	/** The status as the bot reads it, `unknown` when it cannot, '' for a page that is no request it can read. */
	status: string;
	support: string[];
	contentType: string;
	projects: string[];
	description: string;
}

/**
 * The requests as the FAQ candidates read them: the bot's record of each (status,
 * language, filed date, kinds of support, as checked) and its page decoded again
 * for the fields the record does not keep (target projects, the description).
 */
export function faqRequests( pages: PageSnapshot[], records: RequestRecord[] ): FaqRequest[] {
	const texts: Record<number, string> = {};
	pages.forEach( ( page ) => {
		texts[ page.pageid ] = page.text;
	} );
	return records.map( ( record ) => {
		const request: FaqRequest = {
			page: record.page, title: '', language: '', filed: '', status: '', support: [], contentType: '', projects: [], description: '',
		};
		const text = Object.prototype.hasOwnProperty.call( texts, record.pageid ) ? texts[ record.pageid ] : null;
		const parsed = record.problem === '' && text !== null ? parseRequestPage( text, { unknownStatus: 'keep' } ) : null;
		if ( parsed === null || !parsed.ok ) {
			return request;
		}
		return Object.assign( request, {
			title: record.title,
			language: record.language,
			filed: record.filed,
			status: record.statusUnknown !== '' ? 'unknown' : record.status,
			support: record.support.slice(),
			contentType: parsed.request.contentType,
			projects: parsed.request.projects.slice(),
			description: parsed.request.description,
		} );
	} );
}

// Words -------------------------------------------------------------------------

/** Marks Arabic writes optionally (harakat, Quranic marks) and the tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LINKS = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+|\S+@\S+\.\S+/giu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LETTER = /\p{L}/gu;

/** Text as it is compared: NFC, lower case, Arabic without its optional marks, one space. */
export function folded( text: string ): string {
	return text.normalize( 'NFC' ).toLowerCase().replace( ARABIC_MARKS, '' ).replace( /\s+/gu, ' ' ).trim();
}

function letters( word: string ): number {
	return ( word.match( LETTER ) || [] ).length;
}

const stopWordSets = new Map<string, Set<string>>();
function stopWords( language: string ): Set<string> {
	const base = language.split( '-' )[ 0 ];
	let set = stopWordSets.get( base );
	if ( !set ) {
		const lists = [ STOP_WORDS.en ].concat( base === '*' ? Object.keys( STOP_WORDS ).map( ( code ) => STOP_WORDS[ code ] ) :
			Object.prototype.hasOwnProperty.call( STOP_WORDS, base ) ? [ STOP_WORDS[ base ] ] : [] );
		set = new Set( lists.reduce<string[]>( ( all, list ) => all.concat( list.map( folded ) ), [] ) );
		stopWordSets.set( base, set );
	}
	return set;
}

/** An Arabic word without the article (ال, وال) when at least three letters remain. */
function withoutArticle( word: string ): string {
	const article = /^(?:وال|ال)/u.exec( word );
	return article && letters( word.slice( article[ 0 ].length ) ) >= 3 ? word.slice( article[ 0 ].length ) : word;
}

/**
 * The words of a text that can say what it is about, each once, in the order
 * met: links and e-mail addresses left out, Unicode letters and digits, at least
 * three letters, at most `FAQ_LIMITS.wordLength` characters, no stop words of
 * `language` (`*`: of every language) or English.
 */
export function wordsOf( text: string, language: string ): string[] {
	const stop = stopWords( language );
	const found: string[] = [];
	( folded( text ).replace( LINKS, ' ' ).match( WORD ) || [] ).forEach( ( token ) => {
		const word = withoutArticle( token );
		const counted = letters( word ) >= 3 && word.length <= FAQ_LIMITS.wordLength && !stop.has( token ) && !stop.has( word );
		if ( counted && !found.includes( word ) ) {
			found.push( word );
		}
	} );
	return found;
}

/** A word as matched against the titles of FAQ pages: a final plural -s dropped. */
function stem( word: string ): string {
	return word.length > 3 && /[^s]s$/u.test( word ) ? word.slice( 0, -1 ) : word;
}

// Content types -----------------------------------------------------------------

/** What separates the content types typed in one field: punctuation, and "and", "or" in the Helpdesk's languages. */
const TYPE_SEPARATORS = /[,;/+&\n、،؛]|\s(?:and|or|och|eller|und|oder|et|ou|y|e|o|u|و|أو)\s/giu;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** The content types of one request, folded (`Photos & the maps.` → `photos`, `maps`), each once. */
export function contentTypesOf( typed: string ): string[] {
	const stop = stopWords( '*' );
	const found: string[] = [];
	folded( typed ).split( TYPE_SEPARATORS ).forEach( ( part ) => {
		const words = ( part || '' ).replace( EDGE_PUNCTUATION, '' ).split( ' ' );
		// Without the words around it that say nothing (`their metadata`, `des cartes`).
		while ( words.length && stop.has( words[ 0 ] ) ) {
			words.shift();
		}
		while ( words.length && stop.has( words[ words.length - 1 ] ) ) {
			words.pop();
		}
		const type = words.join( ' ' ).trim();
		if ( letters( type ) > 0 && !found.includes( type ) ) {
			found.push( type );
		}
	} );
	return found;
}

/** Content types merged when they differ only by a plural -s: `image` and `images`. */
function contentTypeKey( type: string ): string {
	return type.split( ' ' ).map( stem ).join( ' ' );
}

// Entries -----------------------------------------------------------------------

/** One line of a list: what was asked, by how many requests, which (newest first), and FAQ pages on it. */
export interface FaqEntry {
	key: string;
	count: number;
	requests: string[];
	faq?: string[];
}

function newestFirst( a: FaqRequest, b: FaqRequest ): number {
	if ( a.filed !== b.filed ) {
		return a.filed > b.filed ? -1 : 1;
	}
	return compared( a.page, b.page );
}

function byCountThenKey( a: FaqEntry, b: FaqEntry ): number {
	if ( a.count !== b.count ) {
		return b.count - a.count;
	}
	return compared( a.key, b.key );
}

/** Strings in code point order, as the data pages are sorted whatever the locale. */
function compared( a: string, b: string ): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** A FAQ page and the stems of its title's words. */
interface FaqPage {
	title: string;
	words: Set<string>;
}

/**
 * The FAQ pages to match, sorted by title: their titles' words after the prefix,
 * translation subpages (`…/Copyright/sv`) left out when their page is listed.
 */
function faqPagesOf( titles: string[], prefix: string ): FaqPage[] {
	const sorted = titles.map( ( title ) => title.replace( /_/g, ' ' ) ).filter( ( title, index, all ) => all.indexOf( title ) === index ).sort();
	const given = new Set( sorted );
	return sorted.filter( ( title ) => {
		// eslint-disable-next-line security/detect-unsafe-regex -- anchored and bounded
		const translation = /^(.+)\/[a-z]{2,3}(?:-[a-z0-9]{1,8})?$/.exec( title );
		return !( translation && given.has( translation[ 1 ] ) );
	} ).slice( 0, FAQ_LIMITS.faqPages ).map( ( title ) => ( {
		title: title,
		words: new Set( wordsOf( title.indexOf( prefix ) === 0 ? title.slice( prefix.length ) : title, '*' ).map( stem ) ),
	} ) );
}

/** FAQ pages whose titles have every one of `words`. */
function matchingFaq( words: string[], faqPages: FaqPage[] ): string[] {
	const stems = words.map( stem );
	if ( stems.length === 0 ) {
		return [];
	}
	return faqPages.filter( ( page ) => stems.every( ( word ) => page.words.has( word ) ) ).slice( 0, FAQ_LIMITS.faqPagesPerEntry )
		.map( ( page ) => page.title );
}

/** The requests under each key `keys` gives them, each once per key (a Map: keys are typed text, `constructor` too). */
function groupedBy( requests: FaqRequest[], keys: ( request: FaqRequest ) => string[] ): Map<string, FaqRequest[]> {
	const groups = new Map<string, FaqRequest[]>();
	requests.forEach( ( request ) => keys( request ).filter( ( key, index, all ) => all.indexOf( key ) === index ).forEach( ( key ) => {
		const list = groups.get( key );
		if ( list ) {
			list.push( request );
		} else {
			groups.set( key, [ request ] );
		}
	} ) );
	return groups;
}

function listed<T>( map: Map<string, T[]>, key: string ): T[] {
	return map.get( key ) || [];
}

/**
 * The entries of one list: the requests grouped by each key `keys` gives them
 * (a request counts once per key), most frequent first, at least `minimum`
 * requests each; `words` gives the words to find in FAQ titles.
 */
function entries(
	requests: FaqRequest[], keys: ( request: FaqRequest ) => string[], words: ( key: string ) => string[], faqPages: FaqPage[], minimum = 1,
): FaqEntry[] {
	const groups = groupedBy( requests, keys );
	return Array.from( groups.keys() ).filter( ( key ) => listed( groups, key ).length >= minimum ).map( ( key ) => {
		const faq = matchingFaq( words( key ), faqPages );
		const behind = listed( groups, key ).slice().sort( newestFirst );
		const entry: FaqEntry = {
			key: key,
			count: behind.length,
			requests: behind.slice( 0, FAQ_LIMITS.requestsPerEntry ).map( ( request ) => request.page ),
		};
		return faq.length ? Object.assign( entry, { faq: faq } ) : entry;
	} ).sort( byCountThenKey );
}

/** The words of a code (`mass-upload`); none for `other`, which no FAQ title says. */
function codeWords( code: string ): string[] {
	return code === 'other' ? [] : code.split( '-' ).filter( ( word ) => word !== '' );
}

/** Content types of the requests, merged by `contentTypeKey`, each shown as most requests typed it. */
function contentTypeEntries( requests: FaqRequest[], faqPages: FaqPage[] ): FaqEntry[] {
	const spellings = groupedBy( requests, ( request ) => contentTypesOf( request.contentType ).map( contentTypeKey ) );
	const shown = new Map<string, string>();
	spellings.forEach( ( list, key ) => {
		const typed = list.map( ( request ) => contentTypesOf( request.contentType )
			.filter( ( type ) => contentTypeKey( type ) === key )[ 0 ] );
		const uses = ( type: string ): number => typed.filter( ( other ) => other === type ).length;
		shown.set( key, typed.slice().sort( ( a, b ) => uses( b ) - uses( a ) || a.length - b.length || compared( a, b ) )[ 0 ] );
	} );
	const shownTypes = ( request: FaqRequest ): string[] => contentTypesOf( request.contentType )
		.map( ( type ) => shown.get( contentTypeKey( type ) ) || type );
	return entries( requests, shownTypes, ( type ) => wordsOf( type, '*' ), faqPages );
}

/** The recurring words of one language's requests. */
export interface FaqLanguage {
	language: string;
	requests: number;
	words: FaqEntry[];
	wordsNotShown: number;
}

function languageEntries( requests: FaqRequest[], faqPages: FaqPage[] ): FaqLanguage[] {
	const byLanguage = groupedBy( requests, ( request ) => [ request.language.toLowerCase() || 'und' ] );
	return Array.from( byLanguage.keys() ).map( ( language ) => {
		const words = entries( listed( byLanguage, language ), ( request ) => wordsOf( request.title + '\n' + request.description, language ),
			( word ) => [ word ], faqPages, FAQ_LIMITS.recurring );
		return {
			language: language,
			requests: listed( byLanguage, language ).length,
			words: words.slice( 0, FAQ_LIMITS.wordsPerLanguage ),
			wordsNotShown: Math.max( 0, words.length - FAQ_LIMITS.wordsPerLanguage ),
		};
	} ).sort( ( a, b ) => b.requests - a.requests || compared( a.language, b.language ) );
}

const ABOUT = 'FAQ candidates: what the requests to the Content Partnerships Hub Helpdesk ask most often (kinds of support, ' +
	'target projects, content types, recurring words by language), with the requests behind each, newest first, and the ' +
	'FAQ pages whose titles share its words. Compiled by the Helpdesk bot from the request pages and shown by ' +
	'Module:Helpdesk views/faq. Withdrawn requests and pages the bot cannot read are left out (leftOut). Lists are cut ' +
	'at the limits given (limits); what was cut is counted (…NotShown).';

/** The data page's value. */
interface FaqData {
	schema: number;
	about: string;
	requests: number;
	leftOut: { withdrawn: number; unreadable: number };
	faqPrefix: string;
	faqPages: number;
	limits: { requestsPerEntry: number; faqPagesPerEntry: number; recurring: number; wordsPerLanguage: number };
	support: FaqEntry[];
	projects: FaqEntry[];
	contentTypes: FaqEntry[];
	contentTypesNotShown: number;
	languages: FaqLanguage[];
	languagesNotShown: number;
}

/**
 * The value cut until its page has at most `maxBytes`: fewer requests linked per
 * entry first, then fewer content types, languages and words (each list keeps its
 * most frequent entries and counts the rest as not shown). Whether anything was cut.
 */
function fitted( value: FaqData, maxBytes: number ): boolean {
	const fits = (): boolean => byteLength( storedJson( value ) ) <= maxBytes;
	if ( fits() ) {
		return false;
	}
	const everyEntry = (): FaqEntry[] => value.support.concat(
		value.projects, value.contentTypes, ...value.languages.map( ( language ) => language.words ),
	);
	for ( const perEntry of [ 5, 2, 0 ] ) {
		everyEntry().forEach( ( entry ) => {
			entry.requests = entry.requests.slice( 0, perEntry );
		} );
		value.limits.requestsPerEntry = perEntry;
		if ( fits() ) {
			return true;
		}
	}
	for ( const share of [ 0.5, 0.25, 0.1, 0 ] ) {
		const keep = ( length: number ): number => Math.floor( length * share );
		value.contentTypesNotShown += value.contentTypes.length - keep( value.contentTypes.length );
		value.contentTypes = value.contentTypes.slice( 0, keep( value.contentTypes.length ) );
		value.languagesNotShown += value.languages.length - keep( value.languages.length );
		value.languages = value.languages.slice( 0, keep( value.languages.length ) );
		value.languages.forEach( ( language ) => {
			language.wordsNotShown += language.words.length - keep( language.words.length );
			language.words = language.words.slice( 0, keep( language.words.length ) );
		} );
		if ( fits() ) {
			break;
		}
	}
	return true;
}

function faqValue( requests: FaqRequest[], faqPages: string[], options: FaqOptions ): FaqData {
	const counted = requests.filter( ( request ) => request.status !== '' && request.status !== 'withdrawn' );
	const faq = faqPagesOf( faqPages, options.faqPrefix );
	const types = contentTypeEntries( counted, faq );
	const languages = languageEntries( counted, faq );
	return {
		schema: FAQ_SCHEMA,
		about: ABOUT,
		requests: counted.length,
		leftOut: {
			withdrawn: requests.filter( ( request ) => request.status === 'withdrawn' ).length,
			unreadable: requests.filter( ( request ) => request.status === '' ).length,
		},
		faqPrefix: options.faqPrefix,
		faqPages: faq.length,
		limits: {
			requestsPerEntry: FAQ_LIMITS.requestsPerEntry, faqPagesPerEntry: FAQ_LIMITS.faqPagesPerEntry,
			recurring: FAQ_LIMITS.recurring, wordsPerLanguage: FAQ_LIMITS.wordsPerLanguage,
		},
		support: entries( counted, ( request ) => request.support, codeWords, faq ),
		projects: entries( counted, ( request ) => request.projects, codeWords, faq ),
		contentTypes: types.slice( 0, FAQ_LIMITS.contentTypes ),
		contentTypesNotShown: Math.max( 0, types.length - FAQ_LIMITS.contentTypes ),
		languages: languages.slice( 0, FAQ_LIMITS.languages ),
		languagesNotShown: Math.max( 0, languages.length - FAQ_LIMITS.languages ),
	};
}

/**
 * The FAQ candidates' data page and its view (made once when missing). `faqPages`
 * are the titles of the existing FAQ pages (the subpages of `options.faqPrefix`).
 * With `size`, the lists are cut until the page has at most `size.maxBytes`, and a
 * note says so.
 */
export function renderFaqCandidates(
	requests: FaqRequest[], faqPages: string[], options: FaqOptions = DEFAULT_FAQ_OPTIONS,
	size: { maxBytes: number; notes: Attention[] } = { maxBytes: Infinity, notes: [] },
): GeneratedPage[] {
	const value = faqValue( requests, faqPages, options );
	if ( fitted( value, size.maxBytes ) ) {
		size.notes.push( { page: options.page, code: 'faq-cut', params: [],
			reason: 'The FAQ candidates reached the page size limit (' + size.maxBytes + ' bytes): fewer requests and entries are listed.' } );
	}
	return [
		Object.assign( generatedPage( options.page, storedJson( value ) ), { contentModel: 'json' as const } ),
		Object.assign( generatedPage( options.view, '{{#invoke:Helpdesk views/faq|faq}}' ), { createOnly: true } ),
	];
}
